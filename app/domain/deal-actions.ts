// What a person may ask of a deal: the transitions a side takes by hand, each with the fields it
// needs, described once. Two envelopes are built from that one table: the JSON API's (`name`,
// the terms as one object, the version optional) and the deal page's (`intent`, the terms'
// fields flat as the form posts them, the version required; see deal-form.ts).
import { z } from 'zod';
import { DECLINE_REASONS, interestSchema, termSheetSchema } from './deal-terms.js';
import { REASON_MAX } from './deal-process.js';
import { cleaned } from './text.js';

const reason = cleaned(z.string().min(1).max(REASON_MAX), { multiline: true });
const optionalReason = cleaned(z.string().max(REASON_MAX), { multiline: true });
const termsVersion = z.number({ invalid_type_error: 'invalid_value' }).int('invalid_value').positive('invalid_value');

/** Each action's own fields, besides the deal's version (and the terms of `propose_terms`). */
export const DEAL_ACTION_FIELDS = {
  accept: {},
  decline: { declineReason: z.enum(DECLINE_REASONS, { message: 'choose_one' }), reason: optionalReason.default('') },
  propose_nda: {},
  accept_nda: {},
  propose_terms: {},
  accept_terms: { termsVersion },
  withdraw: { reason },
  terminate: { reason },
  resolve: { reason: optionalReason.default('') },
  consent: {},
  decline_introduction: {},
} satisfies Record<string, z.ZodRawShape>;
export type DealActionName = keyof typeof DEAL_ACTION_FIELDS;
const NAMES = Object.keys(DEAL_ACTION_FIELDS) as DealActionName[];

/** One branch per action, under the envelope's key, with its version rule; the terms as the envelope carries them. */
export function dealActionBranches<K extends string>(key: K, version: z.ZodTypeAny, terms: (shape: z.ZodRawShape) => z.AnyZodObject): z.AnyZodObject[] {
  return NAMES.map((name) => {
    const shape = { [key]: z.literal(name), version, ...DEAL_ACTION_FIELDS[name] } as z.ZodRawShape;
    return name === 'propose_terms' ? terms(shape) : z.object(shape);
  });
}

const apiBranches = dealActionBranches('name', z.coerce.number().int().positive().optional(), (shape) => z.object({ ...shape, terms: termSheetSchema }));


type Branch<N extends DealActionName> = { name: N; version?: number } & { [F in keyof (typeof DEAL_ACTION_FIELDS)[N]]: (typeof DEAL_ACTION_FIELDS)[N][F] extends z.ZodTypeAny ? z.output<(typeof DEAL_ACTION_FIELDS)[N][F]> : never };
export type DealAction = { [N in DealActionName]: N extends 'propose_terms' ? Branch<N> & { terms: z.output<typeof termSheetSchema> } : Branch<N> }[DealActionName];

/** The API's envelope: `{ name, version?, …fields }`, the terms as one object. */
export const dealActionSchema = z.discriminatedUnion('name', apiBranches as unknown as [z.AnyZodObject, ...z.AnyZodObject[]]) as unknown as z.ZodType<DealAction, z.ZodTypeDef, unknown>;

/** Interest through the API: the listing and the three questions. */
export const newDealSchema = interestSchema.extend({ listingId: z.string() });
