// Full reindex: build a fresh index beside the live one, then swap the two atomically, so
// searches never see a half-built index.
import type { Database } from '../db/connection.js';
import { enqueueListingChanged } from '../db/outbox.js';
import type { Search } from './client.js';
import { isNotFound } from './client.js';
import { publicListingRows } from '../db/public-listings.js';
import { countedPublicCrowd, toListingDocuments } from './documents.js';
import { createListingIndex } from './index-setup.js';

/** How long one indexing task may take once the ones queued before it are done. */
const TASK_WAIT_MS = 10 * 60_000;

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

  // The crowd anonymous owners hide in, counted once: rows published while we read are sent
  // again at the end anyway.
  const crowd = await countedPublicCrowd(db);
  const readBatch = async (after: string) => {
    const rows = await publicListingRows(db).where('l.id', '>', after).orderBy('l.id').limit(batchSize).execute();
    return { rows, documents: await toListingDocuments(db, rows, crowd) };
  };
  // One batch is read and built while the one before uploads, and the engine indexes the queue
  // meanwhile (it merges queued additions into larger batches itself). The tasks are awaited one
  // after another by a single poller, each with room to wait behind all the others.
  let done = 0;
  let failed: unknown = null;
  let waited: Promise<void> = Promise.resolve();
  const prefetch = (after: string) => {
    const batch = readBatch(after);
    batch.catch(() => {}); // heard when awaited; never an unhandled rejection if we stop first
    return batch;
  };
  let next = prefetch('00000000-0000-0000-0000-000000000000');
  for (;;) {
    const { rows, documents } = await next;
    if (failed) throw failed;
    if (rows.length === 0) break;
    next = prefetch(rows[rows.length - 1]!.id);
    const { taskUid } = await search.client.index(building).addDocuments(documents, { primaryKey: 'id' });
    waited = waited.then(async () => {
      const task = await search.client.tasks.waitForTask(taskUid, { timeout: TASK_WAIT_MS, interval: 100 });
      if (task.status !== 'succeeded') throw new Error(`Indexing failed: ${task.error?.message}`);
      done += rows.length;
      options.onProgress?.({ done, total });
    });
    // A failed task stops the reading at the next batch, not only at the end.
    waited.catch((error: unknown) => {
      failed = error;
    });
  }
  await waited;

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
