// What a person may ask of a deal, as one schema: the transitions a side takes by hand, each with
// what it needs. The JSON API (`name`) and the deal page (`intent`) parse the same shapes.
import { z } from 'zod';
import { DECLINE_REASONS, interestSchema, termSheetSchema } from './deal-terms.js';
import { cleaned } from './text.js';

const version = z.coerce.number().int().positive().optional();
const reason = cleaned(z.string().min(1).max(2000), { multiline: true });

export const dealActionSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('accept'), version }),
  z.object({ name: z.literal('decline'), version, declineReason: z.enum(DECLINE_REASONS, { message: 'choose_one' }), reason: cleaned(z.string().max(2000), { multiline: true }).optional() }),
  z.object({ name: z.literal('propose_nda'), version }),
  z.object({ name: z.literal('accept_nda'), version }),
  z.object({ name: z.literal('propose_terms'), version, terms: termSheetSchema }),
  z.object({ name: z.literal('accept_terms'), version, termsVersion: z.coerce.number().int().positive() }),
  z.object({ name: z.literal('withdraw'), version, reason }),
  z.object({ name: z.literal('terminate'), version, reason }),
  z.object({ name: z.literal('resolve'), version, reason: cleaned(z.string().max(2000), { multiline: true }).optional() }),
  z.object({ name: z.literal('consent'), version }),
  z.object({ name: z.literal('decline_introduction'), version }),
]);
export type DealAction = z.output<typeof dealActionSchema>;

/** Interest through the API: the listing and the three questions. */
export const newDealSchema = interestSchema.extend({ listingId: z.string() });
