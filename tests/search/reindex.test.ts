import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListingQuery } from '../../app/domain/listing-query.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { findListings } from '../../app/services/listings.server.js';
import { reindexListings, type ReindexProgress } from '../../search/reindex.js';
import { AI_OFFER, DRONE_DEMAND, WASTEWATER_OFFER, createOrganisation } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;

beforeAll(async () => {
  market = await createTestMarket();
  const org = await createOrganisation(market.db, { slug: 'vien-a', name: 'Viện A', type: 'institute', taxCode: '0100000004' });
  await importPublishedListings(market.ctx, org, [WASTEWATER_OFFER, AI_OFFER, DRONE_DEMAND]);
});

afterAll(() => market?.close());

describe('full reindex', () => {
  it('rebuilds the index from PostgreSQL, swaps it in and drops the old one', async () => {
    // A listing withdrawn behind the index's back: the rebuild must not carry it over.
    await market.db.updateTable('listings').set({ status: 'archived' }).where('kind', '=', 'demand').execute();
    const progress: ReindexProgress[] = [];
    const result = await reindexListings(market.db, market.search, { batchSize: 1, onProgress: (p) => progress.push(p) });
    expect(result.indexed).toBe(2);
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const all = await findListings(market.ctx, parseListingQuery(new URLSearchParams()));
    expect(all.engine).toBe('meilisearch');
    expect(all.total).toBe(2);
    const { results } = await market.search.client.getIndexes({ limit: 1000 });
    expect(results.filter((i) => i.uid.startsWith(`${market.search.indexName}__build`))).toEqual([]);
    const settings = await market.search.listings().getSettings();
    expect(settings.filterableAttributes).toContain('sectors');
  });
});
