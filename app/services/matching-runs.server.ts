// Matching that survives outages. A run matches one version of a published listing and alerts
// saved searches; its completion is recorded, so a retry or the sweep knows what is left to do.
// Every step is safe to repeat: matches are upserted (each pair announced once, `notified_at`),
// saved-search alerts are unique per (saved search, listing).
import { sql } from 'kysely';
import { relayOutbox } from '../../search/relay.js';
import type { AppContext } from '../context.server.js';
import { computeMatches, recordMatchingRun } from './matching.server.js';
import { alertSavedSearches } from './saved-searches.server.js';

export type MatchingOutcome = 'matched' | 'already_matched' | 'not_published';

/**
 * The `listing-published` job: the index first (matching searches it, and it must hold the
 * listing), then the listing's matches and its saved-search alerts, then the run's record.
 */
export async function matchPublishedListing(ctx: AppContext, listingId: string): Promise<MatchingOutcome> {
  await relayOutbox(ctx.db, ctx.search);
  return runMatching(ctx, listingId);
}

export async function runMatching(ctx: AppContext, listingId: string, options: { announce?: boolean } = {}): Promise<MatchingOutcome> {
  const listing = await ctx.db.selectFrom('listings').select(['id', 'version', 'status']).where('id', '=', listingId).executeTakeFirst();
  if (!listing || listing.status !== 'published') {
    await computeMatches(ctx, listingId); // drops the matches of a listing that left the market
    return 'not_published';
  }
  const done = await ctx.db
    .selectFrom('matching_runs')
    .select('listing_id')
    .where('listing_id', '=', listing.id)
    .where('listing_version', '=', listing.version)
    .executeTakeFirst();
  if (done) return 'already_matched';
  const { stored } = await computeMatches(ctx, listing.id, options);
  const alerts = options.announce === false ? 0 : await alertSavedSearches(ctx, listing.id);
  // The version read at the start: if the listing changed meanwhile, its new version is still due.
  await recordMatchingRun(ctx, { listingId: listing.id, version: listing.version, matches: stored, alerts });
  return 'matched';
}

/** Published listings whose current version has no completed matching run. */
function dueListings(ctx: AppContext, olderThan: Date) {
  return ctx.db
    .selectFrom('listings as l')
    .where('l.status', '=', 'published')
    .where('l.updated_at', '<=', olderThan)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('matching_runs as r').select(sql`1`.as('one')).whereRef('r.listing_id', '=', 'l.id').whereRef('r.listing_version', '=', 'l.version'))),
    );
}

export async function countListingsAwaitingMatching(ctx: AppContext): Promise<number> {
  const row = await dueListings(ctx, ctx.clock()).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SweepResult {
  due: number;
  matched: number;
}

/**
 * The sweep (a scheduled job): matches the published listings that no run has matched since
 * their publication or last change, whatever happened to their own job. Listings changed in the
 * last `graceSeconds` are left to their own job. A listing that fails is passed over; three
 * failures in a row (Meilisearch still down) stop the sweep; either way it then fails, and the
 * next sweep goes on.
 */
export async function sweepMatching(ctx: AppContext, options: { graceSeconds?: number; limit?: number } = {}): Promise<SweepResult> {
  const olderThan = new Date(ctx.clock().getTime() - (options.graceSeconds ?? 60) * 1000);
  const due = await dueListings(ctx, olderThan).select('l.id').orderBy('l.updated_at').limit(options.limit ?? 500).execute();
  if (due.length === 0) return { due: 0, matched: 0 };
  await relayOutbox(ctx.db, ctx.search);
  let matched = 0;
  let failedInARow = 0;
  let lastError: unknown = null;
  for (const { id } of due) {
    try {
      if ((await runMatching(ctx, id)) === 'matched') matched += 1;
      failedInARow = 0;
    } catch (error) {
      // One listing that fails must not hold back the others; several in a row mean an outage.
      lastError = error;
      if (++failedInARow === 3) break;
    }
  }
  if (lastError !== null) throw lastError;
  return { due: due.length, matched };
}
