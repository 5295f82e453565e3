// Meilisearch goes down: nothing is lost, search falls back to PostgreSQL, and once it is
// back the job queue catches up. Uses its own Meilisearch so stopping it disturbs no other test.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { parseListingQuery } from '../../app/domain/listing-query.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { findListings } from '../../app/services/listings.server.js';
import { startJobs, type JobRunner } from '../../app/server/jobs.js';
import { countPendingOutbox } from '../../db/outbox.js';
import { createSearch } from '../../search/client.js';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearchHandle } from '../../search/embedded.js';
import { AI_OFFER, WASTEWATER_DEMAND, WASTEWATER_OFFER, createOrganisation } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

const KEY = 'fallback-test-master-key-0123456789';
const port = 58000 + (process.pid % 1000);
const dataDir = path.join(inject('testDataDir'), `meili-fallback-${process.pid}`);

let market: TestMarket;
let meili: EmbeddedMeilisearchHandle | null = null;
let jobs: JobRunner | null = null;

const query = (qs: string) => parseListingQuery(new URLSearchParams(qs));

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

beforeAll(async () => {
  market = await createTestMarket();
  meili = await startEmbeddedMeilisearch({ dataDir, port, masterKey: KEY });
  // This market talks to the test's own Meilisearch, and its jobs run on the real pg-boss queue.
  market.search.close();
  market.search = createSearch({ host: meili.host, apiKey: KEY, indexName: 'listings', timeoutMs: 2000 });
  market.ctx.search = market.search;
  jobs = await startJobs({ databaseUrl: market.databaseUrl, context: market.ctx, sendEmail: null });
  market.ctx.jobs = jobs;
});

afterAll(async () => {
  await jobs?.stop();
  await meili?.stop();
  await market?.close();
});

describe('when Meilisearch is down', () => {
  it('accepts new listings, serves search from PostgreSQL, and catches up once it is back', async () => {
    const org = await createOrganisation(market.db, { slug: 'vien-moi-truong', name: 'Viện Môi trường', type: 'institute', taxCode: '0100000003' });
    await importPublishedListings(market.ctx, org, [AI_OFFER]);
    await waitFor(async () => (await countPendingOutbox(market.db)) === 0);
    expect((await findListings(market.ctx, query('q=OCR'))).engine).toBe('meilisearch');

    await meili!.stop();
    const { ids } = await importPublishedListings(market.ctx, org, [WASTEWATER_OFFER, WASTEWATER_DEMAND]);
    expect(await countPendingOutbox(market.db)).toBeGreaterThanOrEqual(2);

    const fallback = await findListings(market.ctx, query('q=nuoc+thai'));
    expect(fallback.engine).toBe('postgres');
    expect(fallback.cards.map((c) => c.id).sort()).toEqual([...ids].sort());
    const filtered = await findListings(market.ctx, query('q=nuoc+thai&kind=demand'));
    expect(filtered.cards.map((c) => c.id)).toEqual([ids[1]]);
    expect(filtered.facets.kind).toEqual({ demand: 1 });
    expect((await findListings(market.ctx, query('sort=price_asc'))).cards.map((c) => c.priceMin)).toEqual([200_000_000, 800_000_000, null]);

    meili = await startEmbeddedMeilisearch({ dataDir, port, masterKey: KEY });
    await market.ctx.jobs.enqueue('search-relay', {});
    await waitFor(async () => (await countPendingOutbox(market.db)) === 0);
    const caughtUp = await findListings(market.ctx, query('q=nuoc+thai'));
    expect(caughtUp.engine).toBe('meilisearch');
    expect(caughtUp.cards.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect((await findListings(market.ctx, query(''))).total).toBe(3);
  });
});
