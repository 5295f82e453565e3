// The organisation's matches page (/my/matches) as a query read from its address: which of the
// organisation's listings, how strong at least, saved ones only, which page. Pure: the page
// parses it, the service reads it.
import { z } from 'zod';
import { STRONG_MATCH } from './match-score.js';

/**
 * The weakest match the inbox lists. Pairs from MIN_MATCH (30) up are kept, so that a listing's
 * own page can show its near misses; an inbox of every organisation's listings would drown in
 * them (63 items, a third of them 33–42, in the audit that found it). From 50 up, a pair shares
 * a sector and most of its terms or several of them (docs/decisions/027-*).
 */
export const INBOX_MATCH_FLOOR = 50;
export const INBOX_PAGE_SIZE = 20;
export const INBOX_STRENGTHS = ['all', 'strong'] as const;

const schema = z.object({
  listing: z.string().uuid().nullable(),
  strength: z.enum(INBOX_STRENGTHS),
  saved: z.boolean(),
  page: z.coerce.number().int().min(1).max(1000),
});

export type MatchInboxQuery = z.infer<typeof schema>;

export type MatchInboxParse = { ok: true; query: MatchInboxQuery } | { ok: false; query: MatchInboxQuery; parameter: string };

/** The inbox as it first opens: every listing, from the floor up, saved or not, page 1. */
export const INBOX_DEFAULTS: MatchInboxQuery = { listing: null, strength: 'all', saved: false, page: 1 };

/** Reads the query; a value the page cannot honour is named, and the defaults stand for it. */
export function parseMatchInboxQuery(params: URLSearchParams): MatchInboxParse {
  const empty = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());
  const raw = {
    listing: empty(params.get('listing')),
    strength: empty(params.get('strength')) ?? 'all',
    saved: params.get('saved') === '1' || params.get('saved') === 'on',
    page: empty(params.get('page')) ?? '1',
  };
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, query: result.data };
  const parameter = String(result.error.issues[0]!.path[0] ?? 'query');
  const mended = schema.safeParse({ ...raw, [parameter]: INBOX_DEFAULTS[parameter as keyof MatchInboxQuery] });
  return { ok: false, query: mended.success ? mended.data : INBOX_DEFAULTS, parameter };
}

/** The lowest score a query lists. */
export function lowestScore(query: MatchInboxQuery): number {
  return query.strength === 'strong' ? STRONG_MATCH : INBOX_MATCH_FLOOR;
}

/** The query as address parameters, defaults left out; `page` as given. */
export function matchInboxParams(query: MatchInboxQuery, page = query.page): URLSearchParams {
  const p = new URLSearchParams();
  if (query.listing) p.set('listing', query.listing);
  if (query.strength !== 'all') p.set('strength', query.strength);
  if (query.saved) p.set('saved', '1');
  if (page > 1) p.set('page', String(page));
  return p;
}
