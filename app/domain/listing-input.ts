// The fields of a listing as its owner writes them, with the market's limits.
import { z } from 'zod';
import { PROVINCE_CODES } from './provinces.js';
import { cleaned } from './text.js';
import {
  IP_STATUSES,
  LANGUAGES,
  LISTING_KINDS,
  LISTING_LIMITS,
  SECTORS,
  TRANSFER_MODES,
  TRL_MAX,
  TRL_MIN,
} from './taxonomy.js';

const money = z
  .number({ invalid_type_error: 'a whole amount in đồng, e.g. 1.500.000.000' })
  .int('a whole amount in đồng')
  .min(0, 'cannot be negative')
  .max(1e15, 'too large')
  .nullable();

export const listingInputSchema = z
  .object({
    kind: z.enum(LISTING_KINDS, { message: 'offer or demand' }),
    title: cleaned(z.string().min(5, 'at least 5 characters').max(LISTING_LIMITS.title, `at most ${LISTING_LIMITS.title} characters`)),
    summary: cleaned(z.string().min(10, 'at least 10 characters').max(LISTING_LIMITS.summary, `at most ${LISTING_LIMITS.summary} characters`), { multiline: true }),
    description: cleaned(z.string().max(LISTING_LIMITS.description, `at most ${LISTING_LIMITS.description} characters`), { multiline: true }),
    innovation: cleaned(z.string().max(2000, 'at most 2000 characters'), { multiline: true }).default(''),
    sectors: z
      .array(z.enum(SECTORS))
      .min(LISTING_LIMITS.sectorsMin, 'choose at least one sector')
      .max(LISTING_LIMITS.sectorsMax, `at most ${LISTING_LIMITS.sectorsMax} sectors`),
    keywords: z.array(cleaned(z.string().min(1).max(60, 'a keyword has at most 60 characters'))).max(LISTING_LIMITS.keywords, `at most ${LISTING_LIMITS.keywords} keywords`).default([]),
    trl: z.number({ invalid_type_error: 'choose a level from 1 to 9' }).int().min(TRL_MIN, 'from 1 to 9').max(TRL_MAX, 'from 1 to 9'),
    ipStatus: z.enum(IP_STATUSES).nullable().default(null),
    transferModes: z.array(z.enum(TRANSFER_MODES)).min(1, 'choose at least one transfer mode'),
    priceMin: money.default(null),
    priceMax: money.default(null),
    priceNegotiable: z.boolean().default(false),
    province: z.enum(PROVINCE_CODES, { message: 'choose a province' }),
    language: z.enum(LANGUAGES, { message: 'Vietnamese or English' }),
    anonymous: z.boolean().default(false),
    confidentialDetails: cleaned(z.string().max(LISTING_LIMITS.description), { multiline: true }).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.priceMin !== null && v.priceMax !== null && v.priceMin > v.priceMax) {
      ctx.addIssue({ code: 'custom', path: ['priceMax'], message: 'must not be below the minimum' });
    }
    if (v.kind === 'offer' && v.ipStatus === null) {
      ctx.addIssue({ code: 'custom', path: ['ipStatus'], message: 'an offer states its IP status' });
    }
    if (v.kind === 'demand' && v.ipStatus !== null) {
      ctx.addIssue({ code: 'custom', path: ['ipStatus'], message: 'a demand has no IP status' });
    }
    if (new Set(v.sectors).size !== v.sectors.length) {
      ctx.addIssue({ code: 'custom', path: ['sectors'], message: 'each sector once' });
    }
  });

export type ListingInput = z.output<typeof listingInputSchema>;

export type FieldErrors = Record<string, string[]>;

export function validateListingInput(value: unknown): { ok: true; value: ListingInput } | { ok: false; errors: FieldErrors } {
  const result = listingInputSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (errors[field] ??= []).push(issue.message);
  }
  return { ok: false, errors };
}

/** A published listing lapses after a year unless its owner confirms it is still active. */
export const LISTING_LIFETIME_DAYS = 365;

export function expiryFrom(confirmedAt: Date): Date {
  return new Date(confirmedAt.getTime() + LISTING_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
}
