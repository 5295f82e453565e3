// What the two sides of a deal write: the first expression of interest, and the term sheets they
// propose to each other. Money is whole đồng; a payment schedule adds up to the price.
import { z } from 'zod';
import { cleaned } from './text.js';
import { TRANSFER_MODES } from './taxonomy.js';

const vnd = z.number({ invalid_type_error: 'whole_vnd' }).int('whole_vnd').min(0, 'not_negative').max(1e15, 'too_large_amount');

/** Europe's partnering database asks the same three things of a first contact. */
export const interestSchema = z.object({
  cooperation: cleaned(z.string().min(10).max(2000), { multiline: true }),
  unclear: cleaned(z.string().max(2000), { multiline: true }).default(''),
  aboutUs: cleaned(z.string().min(10).max(2000), { multiline: true }),
  transferMode: z.enum(TRANSFER_MODES, { message: 'choose_a_transfer_mode' }),
  priceIndication: vnd.nullable().default(null),
});
export type InterestInput = z.output<typeof interestSchema>;

export const DECLINE_REASONS = ['not_a_fit', 'trl_too_low', 'price', 'already_licensed', 'not_available_now', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DISPUTE_RESOLUTIONS = ['negotiation', 'mediation', 'arbitration', 'court'] as const;

const milestoneSchema = z.object({
  amount: vnd.min(1, 'not_negative'),
  condition: cleaned(z.string().min(3).max(300)),
  deliverable: cleaned(z.string().min(3).max(300)),
});

/** The fields of a term sheet; `termSheetSchema` adds the rule across them (forms extend these with their intent). */
export const termSheetFields = z.object({
  subject: cleaned(z.string().min(5).max(1000), { multiline: true }),
  transferMode: z.enum(TRANSFER_MODES, { message: 'choose_a_transfer_mode' }),
  exclusive: z.boolean(),
  territory: cleaned(z.string().min(2).max(200)),
  fieldOfUse: cleaned(z.string().min(2).max(500)),
  durationMonths: z.number({ invalid_type_error: 'invalid_value' }).int('invalid_value').min(1, 'invalid_value').max(600, 'invalid_value'),
  price: vnd,
  milestones: z.array(milestoneSchema).min(1, 'choose_at_least').max(12),
  warranty: cleaned(z.string().max(1000), { multiline: true }).default(''),
  governingLaw: z.literal('vietnam').default('vietnam'),
  disputeResolution: z.enum(DISPUTE_RESOLUTIONS, { message: 'choose_one' }),
  /** How many days the proposal stands. */
  validDays: z.number({ invalid_type_error: 'invalid_value' }).int('invalid_value').min(1, 'invalid_value').max(90, 'invalid_value'),
});

/** The payment schedule adds up to the price; an exclusive licence is exclusive, a non-exclusive one is not. */
export function termSheetRules(t: Pick<z.output<typeof termSheetFields>, 'milestones' | 'price' | 'transferMode' | 'exclusive'>, ctx: z.RefinementCtx): void {
  if ((t.transferMode === 'licence_exclusive' && !t.exclusive) || (t.transferMode === 'licence_non_exclusive' && t.exclusive)) {
    ctx.addIssue({ code: 'custom', path: ['exclusive'], message: 'licence_exclusivity' });
  }
  const total = t.milestones.reduce((sum, m) => sum + m.amount, 0);
  if (t.milestones.length > 0 && total !== t.price) {
    ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'milestones_sum', params: { total, price: t.price } });
  }
}

export const termSheetSchema = termSheetFields.superRefine(termSheetRules);
export type TermSheet = z.output<typeof termSheetSchema>;

/** What changed between two versions of the terms, field by field (for the page that compares them). */
export function changedTerms(before: TermSheet, after: TermSheet): (keyof TermSheet)[] {
  return (Object.keys(after) as (keyof TermSheet)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
