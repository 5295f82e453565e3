// The fields of a listing as its owner writes them, with the market's limits.
import { z } from 'zod';
import { fieldProblemsOf, type FieldProblems } from './problem.js';
import { PROVINCE_CODES } from './provinces.js';
import { cleaned } from './text.js';
import {
  IP_STATUSES,
  LISTING_LANGUAGES,
  LISTING_KINDS,
  LISTING_LIMITS,
  SECTORS,
  TRANSFER_MODES,
  TRL_MAX,
  TRL_MIN,
} from './taxonomy.js';

const money = z
  .number({ invalid_type_error: 'whole_vnd' })
  .int('whole_vnd')
  .min(0, 'not_negative')
  .max(1e15, 'too_large_amount')
  .nullable();

/** The fields alone, an object schema that forms and the API extend (with `intent`, `version`). */
export const listingFieldsSchema = z.object({
  kind: z.enum(LISTING_KINDS, { message: 'choose_kind' }),
  title: cleaned(z.string().min(5).max(LISTING_LIMITS.title)),
  summary: cleaned(z.string().min(10).max(LISTING_LIMITS.summary), { multiline: true }),
  description: cleaned(z.string().max(LISTING_LIMITS.description), { multiline: true }),
  innovation: cleaned(z.string().max(2000), { multiline: true }).default(''),
  sectors: z
    .array(z.enum(SECTORS))
    .min(LISTING_LIMITS.sectorsMin, 'choose_sector')
    .max(LISTING_LIMITS.sectorsMax, 'too_many_sectors'),
  keywords: z.array(cleaned(z.string().min(1).max(60, 'keyword_too_long'))).max(LISTING_LIMITS.keywords, 'too_many_keywords').default([]),
  trl: z.number({ invalid_type_error: 'trl_range' }).int('trl_range').min(TRL_MIN, 'trl_range').max(TRL_MAX, 'trl_range'),
  ipStatus: z.enum(IP_STATUSES).nullable().default(null),
  transferModes: z.array(z.enum(TRANSFER_MODES)).min(1, 'choose_transfer_mode'),
  priceMin: money.default(null),
  priceMax: money.default(null),
  priceNegotiable: z.boolean().default(false),
  province: z.enum(PROVINCE_CODES, { message: 'choose_province' }),
  /** Null: detected from the text when the listing is saved (app/services/listing-language.server.ts). */
  language: z.enum(LISTING_LANGUAGES, { message: 'choose_language' }).nullable().default(null),
  anonymous: z.boolean().default(false),
  confidentialDetails: cleaned(z.string().max(LISTING_LIMITS.description), { multiline: true }).nullable().default(null),
});

type ListingFields = z.output<typeof listingFieldsSchema>;

/** The rules between fields; any schema that extends the fields applies them too. */
export function listingRules(v: ListingFields, ctx: z.RefinementCtx): void {
  if (v.priceMin !== null && v.priceMax !== null && v.priceMin > v.priceMax) {
    ctx.addIssue({ code: 'custom', path: ['priceMax'], message: 'below_minimum' });
  }
  if (v.kind === 'offer' && v.ipStatus === null) {
    ctx.addIssue({ code: 'custom', path: ['ipStatus'], message: 'offer_needs_ip_status' });
  }
  if (v.kind === 'demand' && v.ipStatus !== null) {
    ctx.addIssue({ code: 'custom', path: ['ipStatus'], message: 'demand_has_no_ip_status' });
  }
  if (new Set(v.sectors).size !== v.sectors.length) {
    ctx.addIssue({ code: 'custom', path: ['sectors'], message: 'each_sector_once' });
  }
}

export const listingInputSchema = listingFieldsSchema.superRefine(listingRules);

/** An edit through the API: the fields, and the version it was read at (against lost updates). */
export const listingUpdateSchema = listingFieldsSchema.extend({ version: z.number().int().nullish() }).superRefine(listingRules);

export type ListingInput = z.output<typeof listingInputSchema>;

/**
 * A draft as its owner may save it: the kind and a title are enough, and every limit still holds
 * (and the rules the database keeps). The whole profile is checked when the owner submits it.
 */
export const listingDraftFieldsSchema = listingFieldsSchema.extend({
  title: cleaned(z.string().min(1, 'required').max(LISTING_LIMITS.title)),
  summary: cleaned(z.string().max(LISTING_LIMITS.summary), { multiline: true }).default(''),
  description: cleaned(z.string().max(LISTING_LIMITS.description), { multiline: true }).default(''),
  sectors: z.array(z.enum(SECTORS)).max(LISTING_LIMITS.sectorsMax, 'too_many_sectors').default([]),
  trl: z.number({ invalid_type_error: 'trl_range' }).int('trl_range').min(TRL_MIN, 'trl_range').max(TRL_MAX, 'trl_range').nullable().default(null),
  transferModes: z.array(z.enum(TRANSFER_MODES)).default([]),
  province: z.enum(PROVINCE_CODES, { message: 'choose_province' }).nullable().default(null),
  language: z.enum(LISTING_LANGUAGES, { message: 'choose_language' }).nullable().default(null),
});

type DraftFields = z.output<typeof listingDraftFieldsSchema>;

/** The rules between a draft's fields that hold even before submission. */
export function draftRules(v: DraftFields, ctx: z.RefinementCtx): void {
  if (v.priceMin !== null && v.priceMax !== null && v.priceMin > v.priceMax) {
    ctx.addIssue({ code: 'custom', path: ['priceMax'], message: 'below_minimum' });
  }
  if (v.kind === 'demand' && v.ipStatus !== null) {
    ctx.addIssue({ code: 'custom', path: ['ipStatus'], message: 'demand_has_no_ip_status' });
  }
  if (new Set(v.sectors).size !== v.sectors.length) {
    ctx.addIssue({ code: 'custom', path: ['sectors'], message: 'each_sector_once' });
  }
}

export const listingDraftSchema = listingDraftFieldsSchema.superRefine(draftRules);
/** A draft through the API, with the version it was read at. */
export const listingDraftUpdateSchema = listingDraftFieldsSchema.extend({ version: z.number().int().nullish() }).superRefine(draftRules);

/** A listing as saved: complete once submitted, possibly incomplete before. */
export type ListingDraft = z.output<typeof listingDraftSchema>;

export function validateListingDraft(value: unknown): { ok: true; value: ListingDraft } | { ok: false; errors: FieldProblems } {
  const result = listingDraftSchema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldProblemsOf(result.error) };
}

/** What keeps a saved draft from review: the full profile's problems, or null when complete. */
export function submissionProblems(draft: ListingDraft): FieldProblems | null {
  const result = validateListingInput(draft);
  if (result.ok) return null;
  // zod skips the rules between fields while a field fails: apply them too, so the owner sees
  // everything missing at once (an offer's IP status with its TRL).
  const issues: z.ZodIssue[] = [];
  listingRules(draft as ListingFields, { addIssue: (issue) => issues.push({ ...issue, path: issue.path ?? [] } as z.ZodIssue), path: [] } as z.RefinementCtx);
  const rules = issues.length ? fieldProblemsOf(new z.ZodError(issues)) : {};
  const problems: FieldProblems = { ...result.errors };
  for (const [field, list] of Object.entries(rules)) problems[field] ??= list;
  return problems;
}

export function validateListingInput(value: unknown): { ok: true; value: ListingInput } | { ok: false; errors: FieldProblems } {
  const result = listingInputSchema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldProblemsOf(result.error) };
}
