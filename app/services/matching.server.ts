// Matches: computed when a listing is published (a job), stored with their score and reasons so
// pages never recompute them; new strong ones are announced to both sides.
import type { NotNull, QueryCreator } from 'kysely';
import { findCandidates, type MatchProbe } from '../../search/matching.js';
import { conceptsIn, translatedTerms } from '../domain/concepts.js';
import { distinctiveTerms, rarestTerms, type TermRarity } from '../domain/market-terms.js';
import { decideMatchAction, mayActOnMatches, maySeeListing, maySeeListingInside } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { MIN_MATCH, STRONG_MATCH, matchText, publicReasons, scoreMatch, type MatchReason, type MatchSide } from '../domain/match-score.js';
import type { ListingCard } from '../domain/listing.js';
import { INBOX_DEFAULTS, INBOX_PAGE_SIZE, lowestScore, type MatchInboxQuery } from '../domain/match-inbox.js';
import type { DB } from '../../db/schema.js';
import type { AppContext } from '../context.server.js';
import { NotFoundError, PermissionError } from './errors.js';
import { isUuid } from './listings.server.js';
import { publishedListings, rowsToCards } from './listing-rows.server.js';
import { notifyOrganisation } from './notifications.server.js';
import { termRarity } from './term-rarity.server.js';

/** How many matches a listing keeps. */
export const MATCHES_PER_LISTING = 20;

function matchRows(ctx: AppContext) {
  return ctx.db
    .selectFrom('listings as l')
    .where('l.status', '=', 'published')
    .select(['l.id', 'l.kind', 'l.organisation_id', 'l.title', 'l.summary', 'l.description', 'l.innovation', 'l.keywords', 'l.sectors', 'l.trl', 'l.transfer_modes', 'l.price_min', 'l.price_max', 'l.province_code', 'l.language', 'l.anonymous', 'l.version'])
    // Only published listings are matched, and they are complete (listings_complete_when_submitted).
    .$narrowType<{ trl: NotNull; province_code: NotNull }>();
}

type Row = Awaited<ReturnType<ReturnType<typeof matchRows>['execute']>>[number];

const side = (r: Row): MatchSide => withWords(r, {
  title: r.title,
  summary: r.summary,
  description: r.description,
  innovation: r.innovation,
  keywords: r.keywords,
  sectors: r.sectors,
  trl: r.trl,
  transferModes: r.transfer_modes,
  priceMin: r.price_min,
  priceMax: r.price_max,
  province: r.province_code,
  anonymous: r.anonymous,
});

/**
 * A listing's concepts and words, found once per version: in a rematch each listing is a
 * candidate of a hundred others, and finding them is most of the scoring's time.
 */
const WORDS_KEPT = 20_000;
const wordsByVersion = new Map<string, { concepts: Set<number>; terms: Map<string, string> }>();

function withWords(r: { id: string; version: number }, s: MatchSide): MatchSide {
  const key = `${r.id}:${r.version}`;
  let words = wordsByVersion.get(key);
  if (words) {
    // Most recently used last: the oldest go first when the map is full.
    wordsByVersion.delete(key);
  } else {
    const text = matchText(s);
    words = { concepts: conceptsIn(text), terms: distinctiveTerms(text) };
    if (wordsByVersion.size >= WORDS_KEPT) wordsByVersion.delete(wordsByVersion.keys().next().value!);
  }
  wordsByVersion.set(key, words);
  return { ...s, ...words };
}

/** The languages the shared vocabulary speaks: a listing's key terms are looked for in each. */
const VOCABULARY_LANGUAGES = ['vi', 'en', 'fr'] as const;

/** How many of a listing's rarest words look for candidates that use them too. */
const RARE_TERMS_ASKED = 8;

/** What looks for a listing's candidates: its words, its key terms in the other languages, its rarest words. */
async function probeOf(ctx: AppContext, listing: Row): Promise<{ probe: MatchProbe; me: MatchSide; rarity: TermRarity }> {
  const concepts = conceptsIn(`${listing.title} ${listing.keywords.join(' ')} ${listing.summary}`);
  const me = side(listing);
  const rarity = await termRarity(ctx.db);
  // Words this listing alone uses cannot find another.
  const shared: TermRarity = { listings: rarity.listings, listingsWith: (t) => (rarity.listingsWith(t) > 1 ? rarity.listingsWith(t) : Number.MAX_SAFE_INTEGER) };
  const probe: MatchProbe = {
    id: listing.id,
    kind: listing.kind,
    title: listing.title,
    keywords: listing.keywords,
    sectors: listing.sectors,
    language: listing.language,
    translations: VOCABULARY_LANGUAGES.filter((l) => l !== listing.language && rarity.languages.has(l)).map((language) => ({ language, terms: translatedTerms(concepts, language) })),
    rareTerms: rarestTerms(me.terms!, shared, RARE_TERMS_ASKED),
  };
  return { probe, me, rarity };
}

/** The candidate search a listing's matching makes (for the bench: the same queries, raw). */
export async function matchProbe(ctx: AppContext, listingId: string): Promise<MatchProbe | null> {
  const listing = await matchRows(ctx).where('l.id', '=', listingId).executeTakeFirst();
  return listing ? (await probeOf(ctx, listing)).probe : null;
}

export interface ComputedMatches {
  stored: number;
  /** Strong pairs seen for the first time (announced). */
  announced: number;
}

/** Recomputes one published listing's matches. A listing that is not published loses them. */
export async function computeMatches(ctx: AppContext, listingId: string, options: { announce?: boolean } = {}): Promise<ComputedMatches> {
  const listing = await matchRows(ctx).where('l.id', '=', listingId).executeTakeFirst();
  if (!listing) {
    await ctx.db.deleteFrom('matches').where((eb) => eb.or([eb('demand_id', '=', listingId), eb('offer_id', '=', listingId)])).where('demand_side_state', 'is', null).where('offer_side_state', 'is', null).execute();
    return { stored: 0, announced: 0 };
  }
  const { probe, me, rarity } = await probeOf(ctx, listing);
  const candidates = await findCandidates(ctx.search, probe);
  const ids = [...candidates.keys()];
  const others = ids.length ? await matchRows(ctx).where('l.id', 'in', ids).where('l.kind', '!=', listing.kind).where('l.organisation_id', '!=', listing.organisation_id).execute() : [];
  const scored = others
    .map((other) => {
      const [demand, offer] = listing.kind === 'demand' ? [listing, other] : [other, listing];
      const [demandSide, offerSide] = listing.kind === 'demand' ? [me, side(other)] : [side(other), me];
      return { demand, offer, ...scoreMatch(demandSide, offerSide, candidates.get(other.id) ?? 0, rarity) };
    })
    .filter((m) => m.score >= MIN_MATCH)
    .sort((a, b) => b.score - a.score)
    .slice(0, MATCHES_PER_LISTING);

  const now = ctx.clock();
  const mine = listing.kind === 'demand' ? 'demand_id' : 'offer_id';
  const theirs = listing.kind === 'demand' ? 'offer_id' : 'demand_id';
  const keep = scored.map((m) => (listing.kind === 'demand' ? m.offer.id : m.demand.id));
  // Pairs that no longer qualify go, unless someone saved or dismissed them (that choice stays),
  // in the same statement that writes the new ones: one round trip, and atomic on its own.
  const stale = (db: QueryCreator<DB>) => {
    const q = db.deleteFrom('matches').where(mine, '=', listing.id).where('demand_side_state', 'is', null).where('offer_side_state', 'is', null);
    return keep.length ? q.where(theirs, 'not in', keep) : q;
  };
  if (!scored.length) {
    await stale(ctx.db).execute();
    return { stored: 0, announced: 0 };
  }
  const rows = await ctx.db
    .with('stale', stale)
    .insertInto('matches')
    .values(scored.map((m) => ({ demand_id: m.demand.id, offer_id: m.offer.id, score: m.score, reasons: JSON.stringify(m.reasons), computed_at: now, first_seen_at: now })))
    .onConflict((oc) => oc.columns(['demand_id', 'offer_id']).doUpdateSet((eb) => ({ score: eb.ref('excluded.score'), reasons: eb.ref('excluded.reasons'), computed_at: eb.ref('excluded.computed_at') })))
    .returning(['demand_id', 'offer_id', 'notified_at', 'demand_side_state', 'offer_side_state'])
    .execute();
  if (options.announce === false) return { stored: scored.length, announced: 0 };
  const isFresh = new Set(rows.filter((r) => r.notified_at === null && r.demand_side_state !== 'dismissed' && r.offer_side_state !== 'dismissed').map((r) => `${r.demand_id}/${r.offer_id}`));
  const fresh = scored.filter((m) => m.score >= STRONG_MATCH && isFresh.has(`${m.demand.id}/${m.offer.id}`));
  const announced = fresh.length === 0 ? 0 : await ctx.db.transaction().execute(async (trx) => {
    let told = 0;
    for (const m of fresh) {
      // Claimed here, so that two runs at once announce a pair once.
      const claimed = await trx.updateTable('matches').set({ notified_at: now }).where('demand_id', '=', m.demand.id).where('offer_id', '=', m.offer.id).where('notified_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) continue;
      told += 1;
      for (const [mineSide, otherSide] of [[m.demand, m.offer], [m.offer, m.demand]] as const) {
        await notifyOrganisation(ctx, trx, mineSide.organisation_id, {
          kind: 'new_match',
          params: { title: mineSide.title, other: otherSide.title, score: String(m.score) },
          link: `/listings/${mineSide.id}#matches`,
        }, { email: false });
      }
    }
    return told;
  });
  return { stored: scored.length, announced };
}

export interface MatchView {
  listing: ListingCard;
  score: number;
  reasons: MatchReason[];
  state: 'saved' | 'dismissed' | null;
  computedAt: string;
}

/**
 * A listing's matches. Those who may see inside it (its owner, a curator once it was submitted)
 * see all but the dismissed, with their state; anyone else sees the top public ones. `mayAct`
 * says whether this person may save and dismiss them: its owner only.
 */
export async function listingMatches(ctx: AppContext, listingId: string, actor: Actor | null, limit = 10): Promise<{ mayAct: boolean; matches: MatchView[] }> {
  if (!isUuid(listingId)) throw new NotFoundError('listing', listingId);
  const row = await ctx.db.selectFrom('listings').select(['kind', 'organisation_id', 'status', 'submitted_at', 'anonymous']).where('id', '=', listingId).executeTakeFirst();
  const listing = row && { ...row, organisationId: row.organisation_id, submittedAt: row.submitted_at };
  if (!listing || !maySeeListing(actor, listing)) throw new NotFoundError('listing', listingId);
  const insider = maySeeListingInside(actor, listing);
  const mine = listing.kind === 'demand' ? 'demand_id' : 'offer_id';
  const theirs = listing.kind === 'demand' ? 'offer_id' : 'demand_id';
  const myState = listing.kind === 'demand' ? 'demand_side_state' : 'offer_side_state';
  const rows = await publishedListings(ctx.db)
    .innerJoin('matches as m', `m.${theirs}`, 'l.id')
    .select(['m.score', 'm.reasons', `m.${myState} as state`, 'm.computed_at'])
    .where(`m.${mine}`, '=', listingId)
    .where((eb) => eb.or([eb(`m.${myState}`, 'is', null), eb(`m.${myState}`, '!=', 'dismissed')]))
    .orderBy('m.score', 'desc')
    .orderBy('l.id')
    .limit(insider ? MATCHES_PER_LISTING : limit)
    .execute();
  const cards = await rowsToCards(ctx.db, rows);
  return {
    mayAct: mayActOnMatches(actor, listing),
    matches: rows.map((r, i) => ({
      listing: cards[i]!,
      score: r.score,
      // Rows stored before anonymity held back the province may still carry it.
      reasons: publicReasons(r.reasons as MatchReason[], listing.anonymous || r.anonymous),
      state: insider ? r.state : null,
      computedAt: r.computed_at.toISOString(),
    })),
  };
}

/**
 * The owner keeps a match in view (saved) or out of it for good (dismissed), or undoes that.
 * Someone who sees the listing but does not own it is refused (403); someone who may not see
 * it learns nothing (404).
 */
export async function setMatchState(ctx: AppContext, actor: Actor, listingId: string, otherId: string, state: 'saved' | 'dismissed' | null): Promise<void> {
  if (!isUuid(listingId) || !isUuid(otherId)) throw new NotFoundError('listing', listingId);
  const row = await ctx.db.selectFrom('listings').select(['kind', 'organisation_id', 'status', 'submitted_at']).where('id', '=', listingId).executeTakeFirst();
  const decision = row ? decideMatchAction(actor, { organisationId: row.organisation_id, status: row.status, submittedAt: row.submitted_at }) : 'hidden';
  if (!row || decision === 'hidden') throw new NotFoundError('listing', listingId);
  if (decision === 'forbidden') throw new PermissionError('forbidden_owner');
  const [demandId, offerId] = row.kind === 'demand' ? [listingId, otherId] : [otherId, listingId];
  const column = row.kind === 'demand' ? 'demand_side_state' : 'offer_side_state';
  const result = await ctx.db.updateTable('matches').set({ [column]: state }).where('demand_id', '=', demandId).where('offer_id', '=', offerId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('match', otherId);
}

/**
 * Across an organisation's listings: its new and saved matches from the inbox's floor up, the
 * strongest first, a page at a time, with the total and the listings they belong to (for the
 * page's filter).
 */
export async function organisationMatches(ctx: AppContext, actor: Actor, query: MatchInboxQuery = INBOX_DEFAULTS) {
  const base = ctx.db
    .selectFrom('matches as m')
    .innerJoin('listings as d', 'd.id', 'm.demand_id')
    .innerJoin('listings as o', 'o.id', 'm.offer_id')
    .where('d.status', '=', 'published')
    .where('o.status', '=', 'published')
    .where('m.score', '>=', lowestScore(query))
    .where((eb) =>
      eb.or([
        eb.and([
          eb('d.organisation_id', '=', actor.organisationId),
          query.saved ? eb('m.demand_side_state', '=', 'saved') : eb.or([eb('m.demand_side_state', 'is', null), eb('m.demand_side_state', '=', 'saved')]),
          ...(query.listing ? [eb('d.id', '=', query.listing)] : []),
        ]),
        eb.and([
          eb('o.organisation_id', '=', actor.organisationId),
          query.saved ? eb('m.offer_side_state', '=', 'saved') : eb.or([eb('m.offer_side_state', 'is', null), eb('m.offer_side_state', '=', 'saved')]),
          ...(query.listing ? [eb('o.id', '=', query.listing)] : []),
        ]),
      ]),
    );
  const [rows, count, listings] = await Promise.all([
    base
      .select(['m.demand_id', 'm.offer_id', 'm.score', 'm.reasons', 'm.first_seen_at', 'm.demand_side_state', 'm.offer_side_state', 'd.title as demand_title', 'o.title as offer_title', 'd.organisation_id as demand_org', 'o.organisation_id as offer_org', 'd.anonymous as demand_anonymous', 'o.anonymous as offer_anonymous'])
      .orderBy('m.score', 'desc')
      .orderBy('m.first_seen_at', 'desc')
      .orderBy('m.demand_id')
      .orderBy('m.offer_id')
      .limit(INBOX_PAGE_SIZE)
      .offset((query.page - 1) * INBOX_PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('listings').select(['id', 'title']).where('organisation_id', '=', actor.organisationId).where('status', '=', 'published').orderBy('title').execute(),
  ]);
  return {
    total: Number(count.n),
    listings: listings.map((l) => ({ id: l.id, title: l.title })),
    matches: rows.map((r) => {
      const mineIsDemand = r.demand_org === actor.organisationId && (!query.listing || r.demand_id === query.listing);
      return {
        mine: { id: mineIsDemand ? r.demand_id : r.offer_id, title: mineIsDemand ? r.demand_title : r.offer_title },
        theirs: { id: mineIsDemand ? r.offer_id : r.demand_id, title: mineIsDemand ? r.offer_title : r.demand_title },
        score: r.score,
        reasons: publicReasons(r.reasons as MatchReason[], r.demand_anonymous || r.offer_anonymous),
        saved: (mineIsDemand ? r.demand_side_state : r.offer_side_state) === 'saved',
        firstSeenAt: r.first_seen_at.toISOString(),
      };
    }),
  };
}

/** Listings matched at once by a rematch: while one waits on the search engine, another scores. */
export const REMATCH_CONCURRENCY = 6;

/**
 * Every published listing's matches again (after a vocabulary or weight change): `npm run rematch`.
 * Nothing is announced; each listing's run is recorded, so the sweep leaves them be.
 */
export async function rematchAll(ctx: AppContext, onProgress?: (done: number, total: number) => void, concurrency = REMATCH_CONCURRENCY): Promise<number> {
  const published = (kind: 'demand' | 'offer') =>
    ctx.db.selectFrom('listings').select(['id', 'version']).where('status', '=', 'published').where('kind', '=', kind).orderBy('id').execute();
  const all = [...(await published('demand')), ...(await published('offer'))];
  await rematchListings(ctx, all, concurrency, onProgress);
  return all.length;
}

/** These listings' matches again, `concurrency` at a time, in order of the list. */
export async function rematchListings(
  ctx: AppContext,
  listings: readonly { id: string; version: number }[],
  concurrency = REMATCH_CONCURRENCY,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  onProgress?.(0, listings.length);
  const worker = async () => {
    while (next < listings.length) {
      const { id, version } = listings[next++]!;
      const { stored } = await computeMatches(ctx, id, { announce: false });
      await recordMatchingRun(ctx, { listingId: id, version, matches: stored, alerts: 0 });
      onProgress?.(++done, listings.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, listings.length)) }, worker));
}

/** A completed matching run of one version of a listing (see matching-runs.server.ts). */
export async function recordMatchingRun(ctx: AppContext, run: { listingId: string; version: number; matches: number; alerts: number }): Promise<void> {
  await ctx.db
    .insertInto('matching_runs')
    .values({ listing_id: run.listingId, listing_version: run.version, completed_at: ctx.clock(), matches: run.matches, alerts: run.alerts })
    .onConflict((oc) => oc.columns(['listing_id', 'listing_version']).doUpdateSet({ completed_at: ctx.clock(), matches: run.matches }))
    .execute();
}
