// Full reindex: build a fresh index beside the live one, then swap the two atomically, so
// searches never see a half-built index.
import type { Database } from '../db/connection.js';
import { enqueueListingChanged } from '../db/outbox.js';
import type { Search } from './client.js';
import { isNotFound } from './client.js';
import { publicListingRows } from '../db/public-listings.js';
import { toListingDocuments } from './documents.js';
import { createListingIndex } from './index-setup.js';

export interface ReindexProgress {
  done: number;
  total: number;
}

export async function reindexListings(
  db: Database,
  search: Search,
  options: { batchSize?: number; onProgress?: (p: ReindexProgress) => void } = {},
): Promise<{ indexed: number; indexUid: string }> {
  const batchSize = options.batchSize ?? 2000;
  const live = search.indexName;
  const building = `${live}__build_${Date.now()}`;
  const startedAt = new Date();

  await createListingIndex(search, building);
  const { n } = await db
    .selectFrom('listings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  const total = Number(n);
  options.onProgress?.({ done: 0, total });

  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  const pending: Promise<unknown>[] = [];
  for (;;) {
    const rows = await publicListingRows(db).where('l.id', '>', after).orderBy('l.id').limit(batchSize).execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const task = search.client.index(building).addDocuments(await toListingDocuments(db, rows), { primaryKey: 'id' });
    // Meilisearch batches queued tasks itself; we wait for all of them before the swap.
    pending.push(task.waitTask().then((t) => {
      if (t.status !== 'succeeded') throw new Error(`Indexing failed: ${t.error?.message}`);
      done += rows.length;
      options.onProgress?.({ done, total });
    }));
    await task;
  }
  await Promise.all(pending);

  await ensureLiveExists(search, live);
  const swap = await search.client.swapIndexes([{ indexes: [live, building], rename: false }]).waitTask();
  if (swap.status !== 'succeeded') throw new Error(`Index swap failed: ${swap.error?.message}`);
  search.facets.clear();
  await search.client.deleteIndex(building).waitTask();

  // Changes committed while we were reading may be missing from the new index: send them again.
  const changed = await db.selectFrom('listings').select('id').where('updated_at', '>=', startedAt).execute();
  await enqueueListingChanged(db, changed.map((r) => r.id));
  return { indexed: done, indexUid: live };
}

async function ensureLiveExists(search: Search, uid: string) {
  try {
    await search.client.getIndex(uid);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await search.client.createIndex(uid, { primaryKey: 'id' }).waitTask();
  }
}
