// The deal forms as browsers send them (strings, amounts typed the Vietnamese way, a fixed number
// of milestone rows) → the shapes the deal use cases validate, and the deal page's one schema:
// a discriminated union on `intent`, one branch per form or button.
import { z } from 'zod';
import { DECLINE_REASONS, interestSchema, termSheetFields, termSheetRules } from './deal-terms.js';
import { REASON_MAX } from './deal-process.js';
import { parseVndAmount } from './listing-form.js';

type Values = Record<string, string | string[] | undefined>;

/** Rows of the term-sheet form's payment schedule; empty rows are left out. */
export const MILESTONE_ROWS = 3;

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** A whole number typed in a field: empty is missing (required), anything else unreadable is NaN (invalid). */
function whole(raw: string): number | undefined {
  const text = raw.trim();
  return text === '' ? undefined : Number(text);
}

/** An amount typed `1.500.000.000`; empty is missing, so a required price says "required". */
const amount = (raw: string): number | undefined => parseVndAmount(raw) ?? undefined;

export const milestoneField = (row: number, part: 'amount' | 'condition' | 'deliverable') => `milestones.${row}.${part}`;

export function termsFromForm(v: Values) {
  const milestones = Array.from({ length: MILESTONE_ROWS }, (_, row) => ({
    amount: one(v[milestoneField(row, 'amount')]),
    condition: one(v[milestoneField(row, 'condition')]),
    deliverable: one(v[milestoneField(row, 'deliverable')]),
  }))
    .filter((m) => m.amount.trim() || m.condition.trim() || m.deliverable.trim())
    .map((m) => ({ ...m, amount: amount(m.amount) }));
  return {
    subject: one(v.subject),
    transferMode: one(v.transferMode),
    exclusive: one(v.exclusive) === 'on',
    territory: one(v.territory),
    fieldOfUse: one(v.fieldOfUse),
    durationMonths: whole(one(v.durationMonths)),
    price: amount(one(v.price)),
    milestones,
    warranty: one(v.warranty),
    disputeResolution: one(v.disputeResolution),
    validDays: whole(one(v.validDays)),
  };
}

/** The interest form: the three questions, the transfer mode sought and an optional price. */
export const interestFormSchema = z.preprocess((values) => {
  const v = (values ?? {}) as Values;
  return {
    cooperation: one(v.cooperation),
    unclear: one(v.unclear),
    aboutUs: one(v.aboutUs),
    transferMode: one(v.transferMode),
    priceIndication: parseVndAmount(one(v.priceIndication)),
  };
}, interestSchema);

// Every button posts the deal's version, so a page older than the deal's last change is a 409.
const version = z.number({ invalid_type_error: 'invalid_value' }).int('invalid_value');
const reason = z.string().trim().min(1).max(REASON_MAX);

/** The deal page's forms: a message, the answers and ends the engine offers, the NDA and terms. */
export const dealActionSchema = z.preprocess(
  (values) => {
    const v = (values ?? {}) as Values;
    const intent = one(v.intent);
    return {
      intent,
      version: whole(one(v.version)),
      body: one(v.body),
      reason: one(v.reason),
      declineReason: one(v.declineReason),
      termsVersion: whole(one(v.termsVersion)),
      ...(intent === 'propose_terms' ? termsFromForm(v) : {}),
    };
  },
  z
    .discriminatedUnion('intent', [
      z.object({ intent: z.literal('message'), body: z.string().trim().min(1).max(4000) }),
      z.object({ intent: z.literal('accept'), version }),
      z.object({ intent: z.literal('decline'), version, declineReason: z.enum(DECLINE_REASONS, { message: 'choose_one' }), reason: z.string().trim().max(REASON_MAX) }),
      z.object({ intent: z.literal('propose_nda'), version }),
      z.object({ intent: z.literal('accept_nda'), version }),
      termSheetFields.extend({ intent: z.literal('propose_terms'), version }),
      z.object({ intent: z.literal('accept_terms'), version, termsVersion: version }),
      z.object({ intent: z.literal('withdraw'), version, reason }),
      z.object({ intent: z.literal('terminate'), version, reason }),
      z.object({ intent: z.literal('resolve'), version, reason: z.string().trim().max(REASON_MAX) }),
      z.object({ intent: z.literal('consent'), version }),
      z.object({ intent: z.literal('decline_introduction'), version }),
    ])
    .superRefine((form, ctx) => {
      if (form.intent === 'propose_terms') termSheetRules(form, ctx);
    }),
);
export type DealAction = z.output<typeof dealActionSchema>;
