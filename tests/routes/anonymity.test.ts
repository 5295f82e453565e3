// Anonymous listings over HTTP on the built app (issue 7, finding 8): nothing the public can
// reach — the listing's page, its related listings, browsing by type and province, the JSON
// API, search, the index and the PostgreSQL fallback — singles out the owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListingQuery } from '../../app/domain/listing-query.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { searchListingsInDatabase } from '../../app/services/listing-search-fallback.server.js';
import { AI_OFFER, WASTEWATER_DEMAND, WASTEWATER_OFFER, createOrganisation } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let hidden: string;
let lonely: string;
const OWNER = 'Đại học Bí Ẩn Cần Thơ';
const OWNER_SLUG = 'dh-bi-an';
const OWN_NAMED_TITLE = 'Màng lọc sinh học của trường chủ';
const HIDDEN_TITLE = 'Quy trình khử mặn nước ngầm ẩn danh';

async function get(path: string) {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, text: await res.text() };
}
const json = async (path: string) => JSON.parse((await get(path)).text);

beforeAll(async () => {
  market = await createTestMarket();
  // The owner: the only university in Can Tho. Two more universities in the Mekong Delta.
  const owner = await createOrganisation(market.db, { slug: OWNER_SLUG, name: OWNER, type: 'university', taxCode: '0100000071', province: 'can-tho' });
  const vinhLong = await createOrganisation(market.db, { slug: 'dh-vinh-long', name: 'Đại học Vĩnh Long', type: 'university', taxCode: '0100000072', province: 'vinh-long' });
  const anGiang = await createOrganisation(market.db, { slug: 'dh-an-giang', name: 'Đại học An Giang', type: 'university', taxCode: '0100000073', province: 'an-giang' });
  const firm = await createOrganisation(market.db, { slug: 'cty-duy-nhat', name: 'Công ty Duy Nhất', type: 'enterprise', taxCode: '0100000074', province: 'hai-phong' });
  await importPublishedListings(market.ctx, owner, [{ ...WASTEWATER_OFFER, title: OWN_NAMED_TITLE, province: 'can-tho' }]);
  hidden = (await importPublishedListings(market.ctx, owner, [{ ...WASTEWATER_OFFER, title: HIDDEN_TITLE, province: 'can-tho', anonymous: true }])).ids[0]!;
  await importPublishedListings(market.ctx, vinhLong, [{ ...AI_OFFER, province: 'vinh-long' }]);
  await importPublishedListings(market.ctx, anGiang, [{ ...AI_OFFER, title: 'Nhận dạng chữ viết tay', province: 'an-giang' }]);
  lonely = (await importPublishedListings(market.ctx, firm, [{ ...WASTEWATER_DEMAND, province: 'hai-phong', anonymous: true }])).ids[0]!;
  await market.relay();
  server = await startTestServer(market.ctx);
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('an anonymous listing', () => {
  it('describes its owner by region where the province would name it (API and page)', async () => {
    const api = await get(`/api/v1/listings/${hidden}`);
    expect(api.status).toBe(200);
    const { data } = JSON.parse(api.text);
    expect(data.owner).toEqual({ id: null, slug: null, name: null, type: 'university', verified: false });
    expect(data.province).toBeNull();
    expect(data.region).toBe('mekong_delta');
    const page = await get(`/listings/${hidden}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(HIDDEN_TITLE);
    expect(page.text).toContain('Đồng bằng sông Cửu Long');
    for (const text of [api.text, page.text]) {
      expect(text).not.toMatch(new RegExp(`${OWNER}|${OWNER_SLUG}|Cần Thơ|can-tho`));
    }
  });

  it("never shows the owner's other listings as related", async () => {
    const page = await get(`/listings/${hidden}`);
    expect(page.text).not.toContain(OWN_NAMED_TITLE);
  });

  it('shows neither type nor place when even the type would name it', async () => {
    const { data } = await json(`/api/v1/listings/${lonely}`);
    expect(data.owner).toEqual({ id: null, slug: null, name: null, type: null, verified: false });
    expect(data.province).toBeNull();
    expect(data.region).toBeNull();
    const page = await get(`/listings/${lonely}`);
    expect(page.text).toContain('Tổ chức ẩn danh');
    expect(page.text).not.toMatch(/Công ty Duy Nhất|Hải Phòng|doanh nghiệp ẩn danh/i);
  });

  it('does not answer to browsing by its owner’s type and province (pages, API, facets)', async () => {
    const found = await json('/api/v1/listings?org_type=university&province=can-tho');
    expect(found.data.map((c: { title: string }) => c.title)).toEqual([OWN_NAMED_TITLE]);
    const byType = await json('/api/v1/listings?org_type=university');
    expect(byType.facets.province['can-tho']).toBe(1);
    const lonelyType = await json('/api/v1/listings?kind=demand');
    expect(lonelyType.facets.organisation_type?.enterprise ?? 0).toBe(0);
    const page = await get('/offers?org_type=university&province=can-tho');
    expect(page.status).toBe(200);
    expect(page.text).toContain(OWN_NAMED_TITLE);
    expect(page.text).not.toContain(HIDDEN_TITLE);
  });

  it('is found by its words, with the coarse description, in search and the index', async () => {
    const found = await json(`/api/v1/search?q=${encodeURIComponent('khử mặn')}`);
    const card = found.data.find((c: { id: string }) => c.id === hidden);
    expect(card).toMatchObject({ province: null, region: 'mekong_delta', owner: { name: null, type: 'university' } });
    const doc = await market.search.listings().getDocument(hidden);
    expect(doc).toMatchObject({ province: null, region: 'mekong_delta', organisation_type: 'university', organisation_id: null, organisation_name: null, organisation_verified: false });
  });

  it('does not answer to type and province in the PostgreSQL fallback either', async () => {
    const result = await searchListingsInDatabase(market.db, parseListingQuery(new URLSearchParams('org_type=university&province=can-tho')));
    expect(result.cards.map((c) => c.title)).toEqual([OWN_NAMED_TITLE]);
    expect(result.facets.province?.['can-tho']).toBe(1);
    const byWords = await searchListingsInDatabase(market.db, parseListingQuery(new URLSearchParams('q=khử mặn')));
    expect(byWords.cards.find((c) => c.id === hidden)).toMatchObject({ province: null, region: 'mekong_delta', owner: { name: null, type: 'university' } });
  });

  it('shows the province once at least three organisations of its type publish there', async () => {
    for (const [i, name] of ['Đại học Tây Đô', 'Đại học Nam Cần Thơ'].entries()) {
      const org = await createOrganisation(market.db, { slug: `dh-them-${i}`, name, type: 'university', taxCode: `010000008${i}`, province: 'can-tho' });
      await importPublishedListings(market.ctx, org, [{ ...AI_OFFER, title: `Tin của ${name}`, province: 'can-tho' }]);
    }
    await market.relay();
    const { data } = await json(`/api/v1/listings/${hidden}`);
    expect(data.province).toBe('can-tho');
    expect((await market.search.listings().getDocument(hidden)).province).toBe('can-tho');
    const found = await json('/api/v1/listings?org_type=university&province=can-tho');
    expect(new Set(found.data.map((c: { owner: { name: string | null } }) => c.owner.name)).size).toBeGreaterThanOrEqual(3);
  });
});
