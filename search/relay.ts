// Outbox → Meilisearch. Rows are marked done only after Meilisearch reports the task
// succeeded; if it is unreachable the rows stay and the next run picks them up.
import type { Database } from '../db/connection.js';
import { markOutboxDone, markOutboxFailed, pendingOutbox } from '../db/outbox.js';
import type { Search } from './client.js';
import { loadListingDocuments } from './documents.js';
import { ensureListingIndex } from './index-setup.js';

export interface RelayResult {
  relayed: number;
  batches: number;
}

export async function relayOutbox(
  db: Database,
  search: Search,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<RelayResult> {
  const batchSize = options.batchSize ?? 500;
  const maxBatches = options.maxBatches ?? 1000;
  let relayed = 0;
  let batches = 0;
  let indexReady = false;
  while (batches < maxBatches) {
    const rows = await pendingOutbox(db, batchSize);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    try {
      if (!indexReady) {
        await ensureListingIndex(search, search.indexName);
        indexReady = true;
      }
      const listingIds = [...new Set(rows.map((r) => r.entity_id))];
      const { upsert, remove } = await loadListingDocuments(db, listingIds);
      const index = search.listings();
      if (upsert.length) await assertSucceeded(index.addDocuments(upsert, { primaryKey: 'id' }).waitTask());
      if (remove.length) await assertSucceeded(index.deleteDocuments(remove).waitTask());
    } catch (error) {
      await markOutboxFailed(db, ids, error instanceof Error ? error.message : String(error));
      throw error;
    }
    await markOutboxDone(db, ids);
    relayed += rows.length;
    batches += 1;
  }
  return { relayed, batches };
}

async function assertSucceeded(task: Promise<{ status: string; error?: { message: string } | null }>) {
  const done = await task;
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${done.status}: ${done.error?.message ?? 'no reason given'}`);
  }
}
