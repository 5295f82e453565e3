import { sql } from 'kysely';
import { countPendingOutbox } from '../../db/outbox.js';
import type { AppContext } from '../context.server.js';
import { countListingsAwaitingMatching } from './matching-runs.server.js';
import { lastSearchIndexCheck, type SearchIndexCheck } from './search-index-check.server.js';

export interface Health {
  ok: boolean;
  postgres: { ok: boolean; error?: string };
  meilisearch: { ok: boolean; error?: string };
  /** Listing changes waiting to reach the search index. */
  pendingIndexUpdates: number | null;
  /** The last comparison of PostgreSQL with the index, and what it repaired (null: none yet). */
  lastIndexCheck: SearchIndexCheck | null;
  /** Published listings whose current version no matching run has completed yet. */
  listingsAwaitingMatching: number | null;
}

export async function checkHealth(ctx: AppContext): Promise<Health> {
  const postgres = await sql`select 1`
    .execute(ctx.db)
    .then(() => ({ ok: true }))
    .catch((e: unknown) => ({ ok: false, error: message(e) }));
  const meilisearch = await ctx.search.client
    .health()
    .then(() => ({ ok: true }))
    .catch((e: unknown) => ({ ok: false, error: message(e) }));
  const pendingIndexUpdates = postgres.ok ? await countPendingOutbox(ctx.db).catch(() => null) : null;
  const lastIndexCheck = postgres.ok ? await lastSearchIndexCheck(ctx).catch(() => null) : null;
  const listingsAwaitingMatching = postgres.ok ? await countListingsAwaitingMatching(ctx).catch(() => null) : null;
  return { ok: postgres.ok && meilisearch.ok, postgres, meilisearch, pendingIndexUpdates, lastIndexCheck, listingsAwaitingMatching };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
