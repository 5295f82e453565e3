// The fields of a listing as its owner writes them, with the market's limits.
import { z } from 'zod';
import { PROVINCE_CODES } from './provinces.js';
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

const money = z.number().int().min(0).max(1e15).nullable();

export const listingInputSchema = z
  .object({
    kind: z.enum(LISTING_KINDS),
    title: z.string().trim().min(5).max(LISTING_LIMITS.title),
    summary: z.string().trim().min(10).max(LISTING_LIMITS.summary),
    description: z.string().trim().max(LISTING_LIMITS.description),
    innovation: z.string().trim().max(2000).default(''),
    sectors: z.array(z.enum(SECTORS)).min(LISTING_LIMITS.sectorsMin).max(LISTING_LIMITS.sectorsMax),
    keywords: z.array(z.string().trim().min(1).max(60)).max(LISTING_LIMITS.keywords).default([]),
    trl: z.number().int().min(TRL_MIN).max(TRL_MAX),
    ipStatus: z.enum(IP_STATUSES).nullable().default(null),
    transferModes: z.array(z.enum(TRANSFER_MODES)).min(1),
    priceMin: money.default(null),
    priceMax: money.default(null),
    priceNegotiable: z.boolean().default(false),
    province: z.enum(PROVINCE_CODES),
    language: z.enum(LANGUAGES),
    anonymous: z.boolean().default(false),
    confidentialDetails: z.string().trim().max(LISTING_LIMITS.description).nullable().default(null),
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
