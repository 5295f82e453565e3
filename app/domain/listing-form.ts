// A listing form's fields (strings, as browsers send them) → the shape listing-input validates,
// and the form's one schema: preview (the description only) or save (every field, checked by
// the same rules as the API).
import { z } from 'zod';
import { listingFieldsSchema, listingRules } from './listing-input.js';

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

function trl(raw: string): number {
  return raw.trim() === '' ? Number.NaN : Number(raw);
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
    province: one(values.province),
    language: one(values.language),
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
    return { intent: one(v.intent), version: version(one(v.version)), ...listingFromForm(v) };
  },
  z
    .discriminatedUnion('intent', [
      z.object({ intent: z.literal('preview'), description: z.string() }),
      listingFieldsSchema.extend({ intent: z.literal('save'), version: z.number().int().nullable() }),
    ])
    .superRefine((v, ctx) => {
      if (v.intent === 'save') listingRules(v, ctx);
    }),
);
