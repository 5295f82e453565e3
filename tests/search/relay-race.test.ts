// Finding 2 of issue 7: two relay runs interleaved on purpose. Run A reads a listing that has just
// expired (a deletion) and is held before Meilisearch gets it; the owner renews the listing and
// run B relays the renewal; then A is let go. The listing must stay in the index.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { countPendingOutbox } from '../../db/outbox.js';
import { createSearch } from '../../search/client.js';
import { relayOutbox } from '../../search/relay.js';
import { AI_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { startHoldingProxy, type HoldingProxy } from '../support/holding-proxy.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let proxy: HoldingProxy;

beforeAll(async () => {
  market = await createTestMarket();
  // Relay runs are started by the test alone.
  market.ctx.jobs = { enqueue: async () => {} };
  proxy = await startHoldingProxy(inject('meiliHost'));
});

afterAll(async () => {
  await proxy?.close();
  await market?.close();
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}

const inIndex = (id: string) => market.search.listings().getDocument(id).then(() => true, () => false);

describe('two relay runs at once', () => {
  it('never let a deletion read from an older state win over a newer upsert', async () => {
    const orgId = await createOrganisation(market.db, { slug: 'vien-ai', name: 'Viện AI', type: 'institute', taxCode: '0100000071' });
    const userId = await createUser(market.db, { email: 'owner@ai.vn', organisationId: orgId, passwordHash: 'x' });
    const owner: Actor = { userId, name: 'Owner', email: 'owner@ai.vn', organisationId: orgId, organisationType: 'institute', role: 'admin', platformAdmin: false };
    const { ids } = await importPublishedListings(market.ctx, orgId, [AI_OFFER]);
    const id = ids[0]!;
    await relayOutbox(market.db, market.search);
    expect(await inIndex(id)).toBe(true);

    await applyListingTransition(market.ctx, null, id, 'expire');
    const slowSearch = createSearch({ host: proxy.url, apiKey: inject('meiliKey'), indexName: market.search.indexName, timeoutMs: 20_000 });
    const hold = proxy.holdNextWrite();
    const runA = relayOutbox(market.db, slowSearch);
    expect(await hold.reached).toMatchObject({ path: expect.stringContaining('/documents/delete-batch') });

    await applyListingTransition(market.ctx, owner, id, 'renew');
    let bSettled = false;
    const runB = relayOutbox(market.db, market.search).finally(() => {
      bSettled = true;
    });
    // B has either finished (runs that overlap) or waits for A's lock (runs that take turns).
    await waitFor(async () => {
      if (bSettled) return true;
      const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`.execute(market.db);
      return waiting.rows[0]!.n > 0;
    });
    hold.release();
    await Promise.all([runA, runB]);
    slowSearch.close();

    expect(await countPendingOutbox(market.db)).toBe(0);
    expect(await inIndex(id)).toBe(true);
    expect((await market.search.listings().getDocument(id)).version).toBe(
      (await market.db.selectFrom('listings').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    );
  });
});
