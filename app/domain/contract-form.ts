// What a person may ask of a contract or a milestone, each action with the fields it needs,
// described once. Two envelopes are built from each table, as deal-actions.ts does for deals: the
// pages' (`intent`, the version the page showed, required) and the JSON API's (`name`, the version
// optional).
import { z } from 'zod';
import { NOTE_MAX, type MilestoneTransitionName } from './milestone-process.js';
import { TYPED_NAME_MAX } from './contract-process.js';
import { cleaned } from './text.js';

const line = (min: number, max: number) => cleaned(z.string().min(min).max(max));
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'invalid_value');
const signature = { typedName: cleaned(z.string().min(1).max(TYPED_NAME_MAX)), contentSha256: sha256 };

/** Each contract action's own fields, besides the version. */
const CONTRACT_ACTION_FIELDS = {
  revise: {
    address: line(5, 300),
    legalRepresentative: line(2, 120),
    representativeTitle: line(2, 120),
    ipNumber: cleaned(z.string().max(60)).optional(),
    /** The seller's declaration (the page's yes/no choice, the API's boolean); absent, unchanged. */
    stateFunded: z.union([z.boolean(), z.enum(['yes', 'no']).transform((v) => v === 'yes')], { errorMap: () => ({ message: 'invalid_value' }) }).optional(),
  },
  sign: signature,
  /** The generated PDF signed in the party's own tool: the file travels beside these fields. */
  sign_digital: signature,
  /** A scan of the paper contract both signed and sealed; the file travels beside these fields. */
  upload_paper: signature,
  /** The other side confirms the scan is the contract both signed. */
  confirm_paper: signature,
  /** A curator ends the contract, with a reason both sides read. */
  terminate: { reason: cleaned(z.string().min(1).max(2000), { multiline: true }) },
} satisfies Record<string, z.ZodRawShape>;

const note = cleaned(z.string().max(NOTE_MAX), { multiline: true }).default('');

/** The milestone transitions a side takes by hand, each with an optional note (the process says when it is required). */
const MILESTONE_ACTION_FIELDS = {
  report_transfer: { note },
  confirm_receipt: { note },
  report_not_received: { note },
  deliver: { note },
  request_changes: { note },
  accept: { note },
} satisfies Partial<Record<MilestoneTransitionName, z.ZodRawShape>>;

type Table = Record<string, z.ZodRawShape>;

/** One action of table `T` in an envelope: its name under `K`, the version as `V`, its own fields. */
type Enveloped<T extends Table, K extends string, V> = {
  [N in keyof T & string]: Record<K, N> & { version: V } & z.output<z.ZodObject<T[N]>>;
}[keyof T & string];

/** A discriminated union on `key` with one branch per action of `names`, each with its fields and `version`. */
function envelope<T extends Table, N extends keyof T & string, K extends string, V extends z.ZodTypeAny>(fields: T, names: readonly N[], key: K, version: V) {
  const branches = names.map((name) => z.object({ [key]: z.literal(name), version, ...fields[name] }));
  return z.discriminatedUnion(key as string, branches as unknown as [z.AnyZodObject, ...z.AnyZodObject[]]) as unknown as z.ZodType<Enveloped<Pick<T, N>, K, z.output<V>>, z.ZodTypeDef, unknown>;
}

// A page posts the version it showed, so a page older than the last change is a 409.
const pageVersion = z.coerce.number({ invalid_type_error: 'invalid_value' }).int('invalid_value');
// A program may leave it out and act on whatever version is current.
const apiVersion = z.coerce.number({ invalid_type_error: 'invalid_value' }).int('invalid_value').positive('invalid_value').optional();

const CONTRACT_ACTIONS = Object.keys(CONTRACT_ACTION_FIELDS) as (keyof typeof CONTRACT_ACTION_FIELDS)[];
const MILESTONE_ACTIONS = Object.keys(MILESTONE_ACTION_FIELDS) as (keyof typeof MILESTONE_ACTION_FIELDS)[];

/** The contract page's forms: revise, the signatures (click, digital, paper), terminate. */
export const contractFormSchema = envelope(CONTRACT_ACTION_FIELDS, CONTRACT_ACTIONS, 'intent', pageVersion);
export type ContractForm = z.output<typeof contractFormSchema>;

/** The API's `{ name: 'revise' | 'sign', version?, …fields }`; a digitally signed PDF is uploaded on the page. */
export const contractActionSchema = envelope(CONTRACT_ACTION_FIELDS, ['revise', 'sign'], 'name', apiVersion);

/** The milestone page's buttons, one form with the note. */
export const milestoneFormSchema = envelope(MILESTONE_ACTION_FIELDS, MILESTONE_ACTIONS, 'intent', pageVersion);

/** The API's `{ name, version?, note? }`. */
export const milestoneActionSchema = envelope(MILESTONE_ACTION_FIELDS, MILESTONE_ACTIONS, 'name', apiVersion);
