// The deal forms as browsers send them (strings, amounts typed the Vietnamese way, a fixed number
// of milestone rows) → the shapes the deal use cases validate, and the deal page's one schema:
// a discriminated union on `intent`, one branch per form or button.
import { z } from 'zod';
import { dealActionBranches, type DealAction } from './deal-actions.js';
import { interestSchema, termSheetFields, termSheetRules } from './deal-terms.js';
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

/**
 * The deal page's forms: a message, and every action of deal-actions.ts with the same fields
 * and rules as the API, in the page's envelope (`intent`, the terms flat, the version required).
 */
export const dealFormSchema = z.preprocess(
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
      ...dealActionBranches('intent', version, (shape) => termSheetFields.extend(shape)),
    ] as unknown as [z.AnyZodObject, ...z.AnyZodObject[]])
    .superRefine((form, ctx) => {
      if (form.intent === 'propose_terms') termSheetRules(form as z.output<typeof termSheetFields>, ctx);
    }),
) as unknown as z.ZodType<DealForm, z.ZodTypeDef, unknown>;
export type DealForm = { intent: 'message'; body: string } | { intent: DealAction['name']; version: number; [field: string]: unknown };

/** A page form as the action the API would have been sent: one use case behind both. */
export function dealActionOfForm(form: Exclude<DealForm, { intent: 'message' }>): DealAction {
  const { intent, version, ...fields } = form;
  // The page's terms branch holds the term-sheet fields themselves; the API nests them under `terms`.
  return (intent === 'propose_terms' ? { name: intent, version, terms: fields } : { name: intent, version, ...fields }) as DealAction;
}
