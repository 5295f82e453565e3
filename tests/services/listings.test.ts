import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListingQuery } from '../../app/domain/listing-query.js';
import { HIGHLIGHT_START } from '../../app/domain/listing.js';
import { InvalidInputError, NotFoundError } from '../../app/services/errors.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { findListings, getListing } from '../../app/services/listings.server.js';
import { AI_OFFER, DRONE_DEMAND, WASTEWATER_DEMAND, WASTEWATER_OFFER, createOrganisation } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let ids: Record<'wastewaterOffer' | 'aiOffer' | 'wastewaterDemand' | 'droneDemand', string>;

const query = (qs: string) => parseListingQuery(new URLSearchParams(qs));

beforeAll(async () => {
  market = await createTestMarket();
  const university = await createOrganisation(market.db, { slug: 'dh-bach-khoa', name: 'Đại học Bách khoa Thử nghiệm', type: 'university', taxCode: '0100000001', verified: true });
  const textile = await createOrganisation(market.db, { slug: 'det-may-hung-yen', name: 'Công ty Dệt may Hưng Yên', type: 'enterprise', taxCode: '0900000001' });
  const coop = await createOrganisation(market.db, { slug: 'htx-an-giang', name: 'HTX Nông nghiệp An Giang', type: 'enterprise', taxCode: '1600000001' });
  const offers = await importPublishedListings(market.ctx, university, [WASTEWATER_OFFER, AI_OFFER]);
  const [demand] = (await importPublishedListings(market.ctx, textile, [WASTEWATER_DEMAND])).ids;
  const [drone] = (await importPublishedListings(market.ctx, coop, [DRONE_DEMAND])).ids;
  ids = { wastewaterOffer: offers.ids[0]!, aiOffer: offers.ids[1]!, wastewaterDemand: demand!, droneDemand: drone! };
});

afterAll(() => market?.close());

describe('searching the market', () => {
  it('finds "nước thải" when the query has no diacritics', async () => {
    const result = await findListings(market.ctx, query('q=nuoc+thai'));
    expect(result.engine).toBe('meilisearch');
    expect(result.cards.map((c) => c.id).sort()).toEqual([ids.wastewaterOffer, ids.wastewaterDemand].sort());
    expect(result.cards[0]!.highlight?.title).toContain(HIGHLIGHT_START);
  });

  it('finds a Vietnamese listing from an English word through the synonyms', async () => {
    const result = await findListings(market.ctx, query('q=wastewater&kind=offer'));
    expect(result.cards.map((c) => c.id)).toEqual([ids.wastewaterOffer]);
  });

  it('filters by kind, sector, TRL range, transfer mode and organisation type', async () => {
    expect((await findListings(market.ctx, query('kind=demand'))).cards.map((c) => c.id).sort()).toEqual([ids.wastewaterDemand, ids.droneDemand].sort());
    expect((await findListings(market.ctx, query('sector=ai_data'))).cards.map((c) => c.id)).toEqual([ids.aiOffer]);
    expect((await findListings(market.ctx, query('trl_min=7'))).cards.map((c) => c.id).sort()).toEqual([ids.wastewaterOffer, ids.droneDemand].sort());
    expect((await findListings(market.ctx, query('mode=turnkey&trl_max=6'))).cards.map((c) => c.id)).toEqual([ids.wastewaterDemand]);
    expect((await findListings(market.ctx, query('org_type=university'))).total).toBe(2);
  });

  it('counts facets over the results', async () => {
    const result = await findListings(market.ctx, query('kind=offer'));
    expect(result.facets.sectors).toMatchObject({ environment_water: 1, ai_data: 1, ict: 1, aquaculture_fisheries: 1 });
    expect(result.facets.kind).toEqual({ offer: 2 });
  });

  it('sorts by price, listings without a price last, and pages through them', async () => {
    const first = await findListings(market.ctx, query('sort=price_asc&per_page=2'));
    const second = await findListings(market.ctx, query('sort=price_asc&per_page=2&page=2'));
    expect(first.total).toBe(4);
    expect([...first.cards, ...second.cards].map((c) => c.id)).toEqual([ids.droneDemand, ids.aiOffer, ids.wastewaterOffer, ids.wastewaterDemand]);
    const dearest = await findListings(market.ctx, query('sort=price_desc&per_page=1'));
    expect(dearest.cards[0]!.id).toBe(ids.wastewaterOffer);
  });

  it('never shows who is behind an anonymous listing, in results or in the index', async () => {
    const result = await findListings(market.ctx, query('q=det+nhuom'));
    const card = result.cards.find((c) => c.id === ids.wastewaterDemand)!;
    // Its owner is the market's only enterprise: even the type is withheld (docs/decisions/013-anonymity.md).
    expect(card.owner).toMatchObject({ name: null, slug: null, id: null, type: null });
    const doc = await market.search.listings().getDocument(ids.wastewaterDemand);
    expect(JSON.stringify(doc)).not.toContain('Dệt may Hưng Yên');
    expect(doc.organisation_name).toBeNull();
    expect((await getListing(market.ctx, ids.wastewaterDemand)).owner.name).toBeNull();
  });

  it('keeps confidential details out of the index and the listing page data', async () => {
    const doc = await market.search.listings().getDocument(ids.wastewaterOffer);
    expect(JSON.stringify(doc)).not.toContain('MLSS');
    const detail = await getListing(market.ctx, ids.wastewaterOffer);
    expect(JSON.stringify(detail)).not.toContain('MLSS');
    expect(detail.hasConfidentialDetails).toBe(true);
    expect((await findListings(market.ctx, query('q=MLSS'))).total).toBe(0);
  });
});

describe('reading a listing', () => {
  it('returns every public field', async () => {
    const listing = await getListing(market.ctx, ids.wastewaterOffer);
    expect(listing).toMatchObject({
      kind: 'offer',
      trl: 7,
      ipStatus: 'patent_granted',
      priceMin: 800_000_000,
      priceMax: 1_500_000_000,
      province: 'can-tho',
      owner: { name: 'Đại học Bách khoa Thử nghiệm', verified: true },
    });
    expect(listing.expiresAt).not.toBeNull();
  });

  it('is not found for unknown or malformed ids', async () => {
    await expect(getListing(market.ctx, '00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    await expect(getListing(market.ctx, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('importing listings', () => {
  it('rejects the whole batch when one row is invalid, writing nothing', async () => {
    const org = await createOrganisation(market.db, { slug: 'vien-thu', name: 'Viện Thử', type: 'institute', taxCode: '0100000002' });
    const before = await market.db.selectFrom('listings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await expect(importPublishedListings(market.ctx, org, [AI_OFFER, { ...AI_OFFER, trl: 12 }])).rejects.toBeInstanceOf(InvalidInputError);
    const after = await market.db.selectFrom('listings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
