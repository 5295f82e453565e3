// The contract and milestone pages' forms as browsers send them, one schema per page: a
// discriminated union on `intent`. Each button posts the version the person saw.
import { z } from 'zod';
import { NOTE_MAX } from './milestone-process.js';
import { TYPED_NAME_MAX } from './contract-process.js';
import { cleaned } from './text.js';

const version = z.coerce.number({ invalid_type_error: 'invalid_value' }).int('invalid_value');
const line = (min: number, max: number) => cleaned(z.string().min(min).max(max));
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'invalid_value');
const typedName = cleaned(z.string().min(1).max(TYPED_NAME_MAX));

export const contractFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('revise'),
    version,
    address: line(5, 300),
    legalRepresentative: line(2, 120),
    representativeTitle: line(2, 120),
    ipNumber: cleaned(z.string().max(60)).optional(),
  }),
  z.object({ intent: z.literal('sign'), version, typedName, contentSha256: sha256 }),
  z.object({ intent: z.literal('sign_digital'), version, typedName, contentSha256: sha256 }),
  z.object({ intent: z.literal('upload_paper'), version, typedName, contentSha256: sha256 }),
  z.object({ intent: z.literal('confirm_paper'), version, typedName, contentSha256: sha256 }),
  z.object({ intent: z.literal('terminate'), version, reason: cleaned(z.string().min(1).max(2000), { multiline: true }) }),
]);
export type ContractForm = z.output<typeof contractFormSchema>;

const note = cleaned(z.string().max(NOTE_MAX), { multiline: true }).default('');
const MILESTONE_INTENTS = ['report_transfer', 'confirm_receipt', 'report_not_received', 'deliver', 'request_changes', 'accept'] as const;

export const milestoneFormSchema = z.discriminatedUnion(
  'intent',
  MILESTONE_INTENTS.map((intent) => z.object({ intent: z.literal(intent), version, note })) as unknown as [z.AnyZodObject, ...z.AnyZodObject[]],
) as unknown as z.ZodType<{ intent: (typeof MILESTONE_INTENTS)[number]; version: number; note: string }, z.ZodTypeDef, unknown>;
