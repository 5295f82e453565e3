// The audit's scenario on the demo market (issue 7, finding 8): for every anonymous listing,
// what the public reads of its owner fits at least three organisations the public can see,
// browsing by the owner's real type and province does not single it out, and its page shows
// neither the owner's name nor the owner's other listings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMITY_K, regionOf } from '../../app/domain/anonymity.js';
import { seedDemoMarket } from '../../app/services/demo-market.server.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

interface Card {
  id: string;
  title: string;
  province: string | null;
  region: string | null;
  owner: { id: string | null; name: string | null; type: string | null };
}

let market: TestMarket;
let server: { url: string; close(): Promise<void> };

const api = async (path: string) => JSON.parse(await (await fetch(`${server.url}${path}`)).text());

beforeAll(async () => {
  market = await createTestMarket();
  await seedDemoMarket(market.db);
  await market.relay();
  server = await startTestServer(market.ctx);
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('the demo market’s anonymous listings', () => {
  it('cannot be tied to their owner', async () => {
    const hidden = await market.db
      .selectFrom('listings as l')
      .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
      .select(['l.id', 'l.province_code', 'o.id as organisation_id', 'o.name', 'o.slug', 'o.type'])
      .where('l.anonymous', '=', true)
      .where('l.status', '=', 'published')
      .execute();
    expect(hidden.length).toBeGreaterThanOrEqual(5);
    for (const l of hidden) {
      const own = await market.db.selectFrom('listings').select('title').where('organisation_id', '=', l.organisation_id).where('id', '!=', l.id).where('status', '=', 'published').execute();
      const { data } = (await api(`/api/v1/listings/${l.id}`)) as { data: Card };
      // What the public reads fits the owner and at least k − 1 organisations it can see.
      if (data.owner.type) {
        expect(data.owner.type).toBe(l.type);
        const params = new URLSearchParams({ org_type: l.type, per_page: '100' });
        if (data.province) params.set('province', data.province);
        const { data: cards } = (await api(`/api/v1/listings?${params}`)) as { data: Card[] };
        const others = new Set(
          cards.filter((c) => c.owner.id && c.owner.id !== l.organisation_id && (!data.region || regionOf(c.province ?? '') === data.region)).map((c) => c.owner.id),
        );
        expect(others.size, `${l.id}: ${JSON.stringify(data.owner)} ${data.province ?? data.region}`).toBeGreaterThanOrEqual(ANONYMITY_K - 1);
      }
      // Browsing by the owner's real type and province shows it only among k organisations.
      const { data: browsed } = (await api(`/api/v1/listings?org_type=${l.type}&province=${l.province_code}&per_page=100`)) as { data: Card[] };
      if (browsed.some((c) => c.id === l.id)) {
        expect(new Set(browsed.filter((c) => c.owner.id && c.owner.id !== l.organisation_id).map((c) => c.owner.id)).size).toBeGreaterThanOrEqual(ANONYMITY_K - 1);
      }
      const html = await (await fetch(`${server.url}/listings/${l.id}`)).text();
      expect(html, l.id).not.toContain(l.name);
      expect(html, l.id).not.toContain(`/organisations/${l.slug}"`);
      for (const o of own) expect(html, `${l.id} shows its owner's “${o.title}”`).not.toContain(o.title);
    }
  });
});
