// The health check that does not lie (issue 7): the periodic comparison of PostgreSQL with the
// index finds what was changed behind the relay's back, repairs it, and says so on /api/v1/health.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth } from '../../app/services/health.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { checkSearchIndex } from '../../app/services/search-index-check.server.js';
import { countPendingOutbox } from '../../db/outbox.js';
import type { ListingDocument } from '../../search/documents.js';
import { AI_OFFER, WASTEWATER_DEMAND, WASTEWATER_OFFER, createOrganisation } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;

beforeAll(async () => {
  market = await createTestMarket();
});

afterAll(() => market?.close());

const indexedIds = async () => (await market.search.listings().getDocuments({ fields: ['id'], limit: 100 })).results.map((d) => d.id).sort();

describe('the search index check', () => {
  it('repairs a listing deleted from the index behind its back, and reports what it repaired', async () => {
    const org = await createOrganisation(market.db, { slug: 'vien', name: 'Viện', type: 'institute', taxCode: '0100000091' });
    const { ids } = await importPublishedListings(market.ctx, org, [AI_OFFER, WASTEWATER_OFFER, WASTEWATER_DEMAND]);
    const [gone, stale] = ids as [string, string, string];
    expect(await countPendingOutbox(market.db)).toBe(0);
    const index = market.search.listings();
    const old = await index.getDocument(stale);
    const ghost = randomUUID();
    // Behind the relay's back: one listing deleted, one set to an older version, one stranger added.
    const tasks = [
      await index.deleteDocument(gone),
      await index.addDocuments([{ ...old, version: old.version - 1, title: 'outdated' }, { ...old, id: ghost } as ListingDocument]),
    ];
    for (const t of tasks) await market.search.client.tasks.waitForTask(t.taskUid);
    expect(await indexedIds()).toEqual([ghost, ids[1], ids[2]].sort());

    const report = await checkSearchIndex(market.ctx);
    expect(report).toMatchObject({ publicListings: 3, indexedDocuments: 3, missing: 1, stale: 1, extra: 1, inFlight: 0, requeued: 3, deleted: 1, error: null });
    expect(await indexedIds()).toEqual([...ids].sort());
    expect((await index.getDocument(stale)).title).toBe(WASTEWATER_OFFER.title);

    const health = await checkHealth(market.ctx);
    expect(health.lastIndexCheck).toMatchObject({ missing: 1, stale: 1, extra: 1, requeued: 3, deleted: 1 });
    expect(await checkSearchIndex(market.ctx)).toMatchObject({ publicListings: 3, indexedDocuments: 3, missing: 0, stale: 0, extra: 0, requeued: 0 });
  });

  it('finds a document whose content changed without a new version, such as its organisation renamed behind the relay', async () => {
    const org = await createOrganisation(market.db, { slug: 'cong-ty-doi-ten', name: 'Công ty Tên Cũ', type: 'enterprise', taxCode: '0100000117' });
    const { ids } = await importPublishedListings(market.ctx, org, [{ ...AI_OFFER, title: 'Phần mềm đọc hoá đơn cho doanh nghiệp' }]);
    const [id] = ids as [string];
    expect(await checkSearchIndex(market.ctx)).toMatchObject({ missing: 0, stale: 0, extra: 0 });
    // A write that reaches no outbox: the listing's version stays, its document does not.
    await market.db.updateTable('organisations').set({ name: 'Công ty Tên Mới' }).where('id', '=', org).execute();
    expect((await market.search.listings().getDocument(id)).organisation_name).toBe('Công ty Tên Cũ');

    expect(await checkSearchIndex(market.ctx)).toMatchObject({ missing: 0, stale: 1, extra: 0, requeued: 1, error: null });
    expect((await market.search.listings().getDocument(id)).organisation_name).toBe('Công ty Tên Mới');
    expect(await checkSearchIndex(market.ctx)).toMatchObject({ stale: 0 });
  });
});
