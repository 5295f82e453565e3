// A listing form's fields (strings, as browsers send them) → the shape listing-input validates,
// and the form's one schema: preview (the description only), save (a draft, checked by the same
// rules as the API), or save and submit (the service then checks the whole profile).
import { z } from 'zod';
import { draftRules, listingDraftFieldsSchema } from './listing-input.js';

type Values = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

/**
 * Amounts as people type them in Vietnam: `1.500.000.000`, `1 500 000 000` or `1500000000`.
 * Anything else becomes NaN, which validation reports as a wrong number.
 */
export function parseVndAmount(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return null;
  const digits = text.replace(/[.\s\u00a0₫]|vnđ|vnd|đ/gi, '');
  return /^\d{1,16}$/.test(digits) ? Number(digits) : Number.NaN;
}

/** An empty choice is no TRL yet (a draft may wait); anything else must be a level. */
function trl(raw: string): number | null {
  return raw.trim() === '' ? null : Number(raw);
}

export function listingFromForm(values: Values) {
  const confidential = one(values.confidentialDetails).trim();
  return {
    kind: one(values.kind),
    title: one(values.title),
    summary: one(values.summary),
    description: one(values.description),
    innovation: one(values.innovation),
    sectors: many(values.sectors),
    keywords: one(values.keywords)
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    trl: trl(one(values.trl)),
    ipStatus: one(values.ipStatus) || null,
    transferModes: many(values.transferModes),
    priceMin: parseVndAmount(one(values.priceMin)),
    priceMax: parseVndAmount(one(values.priceMax)),
    priceNegotiable: one(values.priceNegotiable) === 'on',
    province: one(values.province) || null,
    language: one(values.language) || undefined,
    anonymous: one(values.anonymous) === 'on',
    confidentialDetails: confidential === '' ? null : confidential,
  };
}

function version(raw: string): number | null {
  return raw.trim() === '' ? null : Number(raw);
}

/** The editor's two buttons; the fields are read from their strings first. */
export const listingFormSchema = z.preprocess(
  (values) => {
    const v = (values ?? {}) as Values;
    return { intent: one(v.intent), version: version(one(v.version)), draftKey: one(v.draftKey) || undefined, ...listingFromForm(v) };
  },
  z
    .discriminatedUnion('intent', [
      z.object({ intent: z.literal('preview'), description: z.string() }),
      listingDraftFieldsSchema.extend({ intent: z.enum(['save', 'submit']), version: z.number().int().nullable(), draftKey: z.string().max(100).optional() }),
    ])
    .superRefine((v, ctx) => {
      if (v.intent !== 'preview') draftRules(v, ctx);
    }),
);
