// Compares PostgreSQL's public listings with the search index and repairs the difference: the
// check behind /api/v1/health's figures. Repairs go through the outbox and the relay, so the
// relay decides from the listing's state at the moment of sending, as for any other change.
import type { Database } from '../db/connection.js';
import { enqueueListingChanged } from '../db/outbox.js';
import { publicListingRows } from '../db/public-listings.js';
import { describeAnonymousOwners, toListingDocument } from './documents.js';
import { isNotFound, type Search } from './client.js';
import { relayOutbox, withRelayLock } from './relay.js';

export interface IndexComparison {
  publicListings: number;
  indexedDocuments: number;
  /** Public in PostgreSQL, absent from the index. */
  missing: string[];
  /** In the index with another version or content than PostgreSQL's (see `fingerprint`). */
  stale: string[];
  /** In the index, not public in PostgreSQL. */
  extra: string[];
  /** Listings with a change still waiting in the outbox: on their way, not a difference. */
  inFlight: number;
}

export interface IndexRepair {
  requeued: number;
  deleted: number;
}

const PAGE = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function compareIndex(db: Database, search: Search): Promise<IndexComparison> {
  // The index is read first: a listing published in between shows as missing and is simply
  // sent again, never deleted.
  const indexed = await indexedFingerprints(search);
  const pending = new Set(
    (await db.selectFrom('outbox').select('entity_id').distinct().where('processed_at', 'is', null).execute()).map((r) => r.entity_id),
  );
  const ids = (await publicListingRows(db).clearSelect().select('l.id').orderBy('l.id').execute()).map((r) => r.id);
  const missing: string[] = [];
  const stale: string[] = [];
  const inFlight = new Set<string>();
  const isPublic = new Set(ids);
  // Each public listing's document as the relay would send it now, a page at a time. Anonymous
  // owners are described against their crowd once for the whole check, not once per page.
  const descriptions = await describeAnonymousOwners(db, await publicListingRows(db).where('l.anonymous', '=', true).execute());
  for (let start = 0; start < ids.length; start += PAGE) {
    const rows = await publicListingRows(db).where('l.id', 'in', ids.slice(start, start + PAGE)).execute();
    for (const expected of rows.map((row) => toListingDocument(row, descriptions.get(row.id)))) {
      const found = indexed.get(expected.id);
      const differs = found === undefined || found.version !== expected.version || found.fingerprint !== expected.fingerprint;
      if (differs && pending.has(expected.id)) inFlight.add(expected.id);
      else if (found === undefined) missing.push(expected.id);
      else if (differs) stale.push(expected.id);
    }
  }
  const extra: string[] = [];
  for (const id of indexed.keys()) {
    if (isPublic.has(id)) continue;
    if (pending.has(id)) inFlight.add(id);
    else extra.push(id);
  }
  return { publicListings: ids.length, indexedDocuments: indexed.size, missing, stale, extra, inFlight: inFlight.size };
}

/** Sends the differences through the outbox and relays them now (they wait if Meilisearch is down). */
export async function repairIndex(db: Database, search: Search, diff: IndexComparison): Promise<IndexRepair> {
  const listingIds = [...diff.missing, ...diff.stale, ...diff.extra.filter((id) => UUID.test(id))];
  // A document whose id is no listing's at all can never be public: delete it directly (under
  // the relay's lock, so no run interleaves).
  const strangers = diff.extra.filter((id) => !UUID.test(id));
  await enqueueListingChanged(db, listingIds);
  if (strangers.length) {
    await withRelayLock(db, async () => {
      const task = await search.listings().deleteDocuments(strangers).waitTask();
      search.facets.clear();
      if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.status}: ${task.error?.message ?? 'no reason given'}`);
    });
  }
  if (listingIds.length) await relayOutbox(db, search);
  return { requeued: listingIds.length, deleted: diff.extra.length };
}

/** Every document's id, version and fingerprint, page by page. A missing index holds nothing. */
async function indexedFingerprints(search: Search): Promise<Map<string, { version: unknown; fingerprint: unknown }>> {
  const versions = new Map<string, { version: unknown; fingerprint: unknown }>();
  const index = search.listings();
  for (let offset = 0; ; offset += PAGE) {
    let page;
    try {
      page = await index.getDocuments({ fields: ['id', 'version', 'fingerprint'], limit: PAGE, offset });
    } catch (error) {
      if (isNotFound(error)) return versions;
      throw error;
    }
    for (const doc of page.results) versions.set(String(doc.id), { version: doc.version, fingerprint: doc.fingerprint });
    if (page.results.length < PAGE) return versions;
  }
}
