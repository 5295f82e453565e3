// The periodic comparison of PostgreSQL with the search index (a job): it repairs what differs
// and records what it found, so /api/v1/health tells the truth about the index.
import { compareIndex, repairIndex } from '../../search/index-check.js';
import type { AppContext } from '../context.server.js';

export interface SearchIndexCheck {
  checkedAt: string;
  publicListings: number;
  indexedDocuments: number;
  missing: number;
  stale: number;
  extra: number;
  inFlight: number;
  requeued: number;
  deleted: number;
  error: string | null;
}

/** Compares, repairs and records. A failure (Meilisearch down) is recorded too, then thrown. */
export async function checkSearchIndex(ctx: AppContext): Promise<SearchIndexCheck> {
  const checkedAt = ctx.clock();
  let report: Omit<SearchIndexCheck, 'checkedAt' | 'error'> = {
    publicListings: 0, indexedDocuments: 0, missing: 0, stale: 0, extra: 0, inFlight: 0, requeued: 0, deleted: 0,
  };
  let failure: unknown = null;
  try {
    const diff = await compareIndex(ctx.db, ctx.search);
    report = {
      publicListings: diff.publicListings,
      indexedDocuments: diff.indexedDocuments,
      missing: diff.missing.length,
      stale: diff.stale.length,
      extra: diff.extra.length,
      inFlight: diff.inFlight,
      requeued: 0,
      deleted: 0,
    };
    Object.assign(report, await repairIndex(ctx.db, ctx.search, diff));
  } catch (error) {
    failure = error;
  }
  const error = failure === null ? null : failure instanceof Error ? failure.message : String(failure);
  await ctx.db
    .insertInto('search_index_checks')
    .values({
      checked_at: checkedAt,
      public_listings: report.publicListings,
      indexed_documents: report.indexedDocuments,
      missing: report.missing,
      stale: report.stale,
      extra: report.extra,
      in_flight: report.inFlight,
      requeued: report.requeued,
      deleted: report.deleted,
      error: error?.slice(0, 1000) ?? null,
    })
    .execute();
  // Keep a week of checks: enough to see a pattern, never a growing table.
  await ctx.db.deleteFrom('search_index_checks').where('checked_at', '<', new Date(checkedAt.getTime() - 7 * 86_400_000)).execute();
  if (failure !== null) throw failure;
  return { checkedAt: checkedAt.toISOString(), ...report, error };
}

export async function lastSearchIndexCheck(ctx: AppContext): Promise<SearchIndexCheck | null> {
  const row = await ctx.db.selectFrom('search_index_checks').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    checkedAt: row.checked_at.toISOString(),
    publicListings: row.public_listings,
    indexedDocuments: row.indexed_documents,
    missing: row.missing,
    stale: row.stale,
    extra: row.extra,
    inFlight: row.in_flight,
    requeued: row.requeued,
    deleted: row.deleted,
    error: row.error,
  };
}

/** One line for the log: what the check found and what it did. */
export function describeSearchIndexCheck(c: SearchIndexCheck): string {
  return (
    `Search index check: ${c.publicListings} public listing(s), ${c.indexedDocuments} indexed; ` +
    `${c.missing} missing, ${c.stale} stale, ${c.extra} extra, ${c.inFlight} in flight; ` +
    `re-queued ${c.requeued}, deleted ${c.deleted}${c.error ? `; failed: ${c.error}` : ''}`
  );
}
