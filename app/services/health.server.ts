import { sql } from 'kysely';
import { countPendingOutbox } from '../../db/outbox.js';
import type { AppContext } from '../context.server.js';

export interface Health {
  ok: boolean;
  postgres: { ok: boolean; error?: string };
  meilisearch: { ok: boolean; error?: string };
  /** Listing changes waiting to reach the search index. */
  pendingIndexUpdates: number | null;
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
  return { ok: postgres.ok && meilisearch.ok, postgres, meilisearch, pendingIndexUpdates };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
