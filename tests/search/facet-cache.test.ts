// Facet counts are kept between searches (they cost the engine most of a search) and are right
// again as soon as a listing is published or withdrawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { emptyQuery, findListings } from '../../app/services/listings.server.js';
import { enqueueListingChanged } from '../../db/outbox.js';
import { createFacetCache, FACETS_TRUSTED_MS } from '../../search/facet-cache.js';
import { base, createOrganisation } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let org: string;

const textileOffer = (title: string) => ({
  ...base,
  kind: 'offer',
  title,
  summary: 'Nhuộm vải tiết kiệm nước cho xưởng dệt vừa và nhỏ.',
  sectors: ['textiles'],
  trl: 7,
  ipStatus: 'know_how',
  transferModes: ['technical_assistance'],
  language: 'vi',
});

const textiles = async (q = '') => (await findListings(market.ctx, emptyQuery({ q, kind: 'offer' }))).facets.sectors?.textiles ?? 0;

beforeAll(async () => {
  market = await createTestMarket();
  org = await createOrganisation(market.db, { slug: 'det', name: 'Viện Dệt', type: 'institute', taxCode: '0100109106' });
  await importPublishedListings(market.ctx, org, [textileOffer('Nhuộm vải bằng CO2 siêu tới hạn')]);
  await market.relay();
});
afterAll(() => market?.close());

describe('facet counts', () => {
  it('are kept for the same words and filters, whatever the page', async () => {
    expect(await textiles()).toBe(1);
    const key = JSON.stringify(['', ['kind = "offer"']]);
    expect(market.search.facets.get(key)?.sectors).toEqual({ textiles: 1 });
    const page2 = await findListings(market.ctx, emptyQuery({ kind: 'offer', page: 2 }));
    expect(page2.facets.sectors).toEqual({ textiles: 1 });
  });

  it('count a listing as soon as it is published, and stop counting it when it is withdrawn', async () => {
    expect(await textiles('nhuộm')).toBe(1);
    const { ids } = await importPublishedListings(market.ctx, org, [textileOffer('Nhuộm vải không nước thải')]);
    await market.relay();
    expect(await textiles()).toBe(2);
    expect(await textiles('nhuộm')).toBe(2);
    await market.db.updateTable('listings').set({ status: 'archived' }).where('id', '=', ids[0]!).execute();
    await enqueueListingChanged(market.db, [ids[0]!]);
    await market.relay();
    expect(await textiles()).toBe(1);
  });

  it('are not trusted past a minute, for changes another process made', () => {
    let now = 0;
    const cache = createFacetCache(() => now);
    cache.set('k', { sectors: { textiles: 1 } });
    now = FACETS_TRUSTED_MS - 1;
    expect(cache.get('k')).toEqual({ sectors: { textiles: 1 } });
    now = FACETS_TRUSTED_MS + 1;
    expect(cache.get('k')).toBeUndefined();
  });
});
