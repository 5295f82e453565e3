// An expected failure as data: a code the i18n catalogues render in the reader's language, and
// its parameters, the way match reasons and notifications are. No English sentence is built here.
import type { ZodError, ZodIssue } from 'zod';
import { SIGNED_PDF_PROBLEMS } from './signed-pdf.js';

/**
 * Every code a person may be shown. The catalogues (`problem.<code>` in app/i18n) hold a
 * sentence for each in both languages; tests/domain/i18n.test.ts checks that none is missing.
 */
export const PROBLEM_CODES = [
  // Fields (zod issues map onto these; a schema's own message is one of these codes).
  'required',
  'too_short',
  'too_long',
  'too_many',
  'choose_at_least',
  'choose_one',
  'choose_sector',
  'too_many_sectors',
  'too_many_keywords',
  'choose_transfer_mode',
  'choose_a_transfer_mode',
  'choose_province',
  'choose_language',
  'choose_kind',
  'choose_type',
  'invalid_value',
  'email',
  'whole_vnd',
  'not_negative',
  'too_large_amount',
  'below_minimum',
  'trl_range',
  'offer_needs_ip_status',
  'demand_has_no_ip_status',
  'each_sector_once',
  'incomplete_for_review',
  'keyword_too_long',
  'web_address',
  'tax_code',
  'tax_code_taken',
  'wrong_credentials',
  'confirm_evidence',
  'contact_required',
  'evidence_type',
  'reason_required',
  'kind_fixed',
  'file_required',
  'file_too_large',
  'file_type',
  'too_many_files',
  'json_body',
  'json_content_type',
  'query_parameter',
  // Whole requests.
  'sign_in_first',
  'not_found',
  'forbidden_owner',
  'forbidden_curator',
  'forbidden_org_admin',
  'forbidden',
  'changed_meanwhile',
  'wrong_state',
  'already_decided',
  'already_reviewed',
  'email_taken',
  'organisation_taken',
  'last_admin',
  'verification_pending',
  'no_verification_request',
  'already_verified',
  'too_many_attempts',
  'unknown_intent',
  'link_expired',
  // Deals.
  'milestones_sum',
  'licence_exclusivity',
  'terms_superseded',
  'terms_expired',
  'no_terms_yet',
  'nda_not_proposed',
  'deal_open_already',
  'own_listing',
  'forbidden_party',
  'forbidden_answerer',
  'deal_wrong_stage',
  // Contracts and payments; a signed PDF's refusals are listed where it is checked.
  ...SIGNED_PDF_PROBLEMS,
  'contract_changed',
  'contract_wrong_stage',
  'forbidden_signer',
  'already_signed',
  'agency_not_party',
  'invalid_date',
  'range_reversed',
  'unknown_table',
  'milestone_wrong_stage',
  'unknown_bank',
  'bank_account_number',
  'no_bank_account',
  'card_unavailable',
  'card_amount_too_large',
  'contract_incomplete',
  'scan_type',
  'no_express_licence',
  // Reviews.
  'review_posted',
  'review_not_open',
  'card_payment_processing',
  'webhook_signature',
  // Bulk import of offers.
  'import_empty',
  'import_too_many_rows',
  'import_missing_column',
  'import_duplicate_reference',
  'import_file_type',
  'import_unreadable',
  'import_not_draft',
  'import_already_confirmed',
  // Personal API tokens.
  'api_token_invalid',
  'api_token_read_only',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type ProblemParams = Record<string, string | number>;

export interface Problem {
  code: ProblemCode;
  params?: ProblemParams;
}

/** Field name → what is wrong with it; `form` for the form as a whole. */
export type FieldProblems = Record<string, Problem[]>;

/**
 * Why something may not be done, which decides its HTTP status in one place
 * (app/web/failure.server.ts): hidden 404, forbidden 403, wrong_state and conflict 409,
 * invalid 400, unauthenticated 401, expired 410, rate_limited 429.
 */
export type FailureKind = 'hidden' | 'forbidden' | 'wrong_state' | 'conflict' | 'invalid' | 'unauthenticated' | 'expired' | 'rate_limited';

/** The emailed links that stop working once used or out of date; each page offers its own way on. */
export const EMAILED_LINKS = ['reset', 'invitation', 'sign_up'] as const;
export type EmailedLink = (typeof EMAILED_LINKS)[number];

export const isProblemCode = (value: string): value is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(value);

export function problem(code: ProblemCode, params?: ProblemParams): Problem {
  return params ? { code, params } : { code };
}

/** The field problems of a failed zod parse: a schema's own message is a code; zod's own issues are mapped. */
export function fieldProblemsOf(error: ZodError): FieldProblems {
  const out: FieldProblems = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? 'form')] ??= []).push(problemOfIssue(issue));
  return out;
}

export function problemOfIssue(issue: ZodIssue): Problem {
  const own = isProblemCode(issue.message) ? issue.message : null;
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.type === 'array') return problem(own ?? 'choose_at_least', { min });
      if (issue.type === 'string') return min <= 1 && !own ? problem('required') : problem(own ?? 'too_short', { min });
      return problem(own ?? 'invalid_value', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.type === 'array') return problem(own ?? 'too_many', { max });
      if (issue.type === 'string') return problem(own ?? 'too_long', { max });
      return problem(own ?? 'invalid_value', { max });
    }
    case 'invalid_enum_value':
    case 'invalid_literal':
    case 'invalid_union_discriminator':
      return problem(own ?? 'choose_one');
    case 'invalid_string':
      return problem(own ?? (issue.validation === 'email' ? 'email' : 'invalid_value'));
    case 'invalid_type':
      return problem(own ?? (issue.received === 'undefined' || issue.received === 'null' ? 'required' : 'invalid_value'));
    case 'custom':
      return problem(own ?? 'invalid_value', issue.params as ProblemParams | undefined);
    default:
      return problem(own ?? 'invalid_value');
  }
}
