// The statistics over HTTP, as each kind of person meets them: the agency's dashboard and its
// exports (curators only), the public page and the open data (anyone, cells under 3 hidden), the
// CSV read back by a real parser with its Vietnamese intact, and bad filters answered in words.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { refreshMarketFacts } from '../../app/services/market-figures.server.js';
import { AI_OFFER, SHRIMP_OFFER, WASTEWATER_DEMAND, createOrganisation, createUser } from '../fixtures/market.js';
import { completedDeal, type DealSide } from '../support/completed-deal.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

type Who = 'anonymous' | 'smeMember' | 'smeAdmin' | 'uniAdmin' | 'curator' | 'platformAdmin';
const PASSWORD = 'mat-khau-thong-ke';
const EMAILS: Record<Exclude<Who, 'anonymous'>, string> = {
  smeMember: 'nv@tom-tk.vn',
  smeAdmin: 'gd@tom-tk.vn',
  uniAdmin: 'gd@dh-tk.vn',
  curator: 'cb@so-tk.vn',
  platformAdmin: 'admin@opentex-tk.vn',
};

let market: TestMarket;
let server: Awaited<ReturnType<typeof startTestServer>>;
const cookies: Partial<Record<Who, string>> = {};

async function get(who: Who, path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: cookies[who] ? { cookie: cookies[who]! } : {}, redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', location: res.headers.get('location'), bytes: new Uint8Array(await res.arrayBuffer()) };
}
const text = (r: { bytes: Uint8Array }) => new TextDecoder().decode(r.bytes);

const actor = (userId: string, organisationId: string, organisationType: Actor['organisationType'], role: Actor['role']): Actor => ({
  userId, name: userId, email: `${userId}@x.vn`, organisationId, organisationType, role, platformAdmin: false,
});

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  const smeOrg = await createOrganisation(market.db, { slug: 'tom-tk', name: 'Công ty Tôm Thống Kê', type: 'enterprise', taxCode: '0100109106' });
  const uniOrg = await createOrganisation(market.db, { slug: 'dh-tk', name: 'Trường Đại học Thống Kê', type: 'university', taxCode: '0001000027' });
  const agency = await createOrganisation(market.db, { slug: 'so-tk', name: 'Sở KH&CN', type: 'agency', taxCode: '0001000034' });
  const ids = {
    smeMember: await createUser(market.db, { email: EMAILS.smeMember, organisationId: smeOrg, passwordHash }),
    smeAdmin: await createUser(market.db, { email: EMAILS.smeAdmin, organisationId: smeOrg, passwordHash, role: 'admin' }),
    uniAdmin: await createUser(market.db, { email: EMAILS.uniAdmin, organisationId: uniOrg, passwordHash, role: 'admin' }),
    curator: await createUser(market.db, { email: EMAILS.curator, organisationId: agency, passwordHash }),
    platformAdmin: await createUser(market.db, { email: EMAILS.platformAdmin, organisationId: uniOrg, passwordHash }),
  };
  await market.db.updateTable('users').set({ platform_admin: true }).where('id', '=', ids.platformAdmin).execute();
  const sme: DealSide = { org: smeOrg, member: actor(ids.smeMember, smeOrg, 'enterprise', 'member'), admin: actor(ids.smeAdmin, smeOrg, 'enterprise', 'admin') };
  const uni: DealSide = { org: uniOrg, member: actor(ids.uniAdmin, uniOrg, 'university', 'admin'), admin: actor(ids.uniAdmin, uniOrg, 'university', 'admin') };
  // One completed deal on a shrimp offer, two more shrimp offers, an AI offer and a demand: 5 listings.
  await completedDeal(market.ctx, sme, uni);
  await importPublishedListings(market.ctx, uniOrg, [SHRIMP_OFFER, SHRIMP_OFFER, AI_OFFER]);
  await importPublishedListings(market.ctx, smeOrg, [WASTEWATER_DEMAND]);
  await refreshMarketFacts(market.db);
  server = await startTestServer(market.ctx);
  for (const who of Object.keys(EMAILS) as (keyof typeof EMAILS)[]) {
    const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: EMAILS[who], password: PASSWORD }), redirect: 'manual' });
    cookies[who] = res.headers.get('set-cookie')!.split(';')[0]!;
  }
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('who may read the statistics', () => {
  it('gives the dashboard and its exports to curators only; the public page and open data to anyone', async () => {
    const expected: Record<Who, [number, number]> = {
      // [dashboard, agency export]; anonymous is sent to sign in, and the export asks for it.
      anonymous: [302, 401],
      smeMember: [403, 403],
      smeAdmin: [403, 403],
      uniAdmin: [403, 403],
      curator: [200, 200],
      platformAdmin: [200, 200],
    };
    for (const [who, [page, csv]] of Object.entries(expected) as [Who, [number, number]][]) {
      expect((await get(who, '/curator/stats')).status, `${who} dashboard`).toBe(page);
      expect((await get(who, '/curator/stats/funnel?format=csv')).status, `${who} export`).toBe(csv);
      expect((await get(who, '/market')).status, `${who} public page`).toBe(200);
      expect((await get(who, '/api/v1/stats/funnel')).status, `${who} open data`).toBe(200);
    }
    expect((await get('anonymous', '/curator/stats')).location).toMatch(/^\/login/);
    // A refusal of the export says why, in words.
    expect(JSON.parse(text(await get('smeAdmin', '/curator/stats/funnel'))).error).toBeTruthy();
  });
});

describe('the agency’s dashboard', () => {
  it('shows the funnel with its charts and tables, filters by sector, and says which filter is wrong', async () => {
    const page = text(await get('curator', '/curator/stats'));
    expect(page).toContain('Phễu giao dịch');
    expect(page).toContain('<svg class="chart" role="img"');
    expect(page).toMatch(/<th scope="row">Hợp đồng hoàn thành<\/th><td class="number">1<\/td>/);
    expect(page).toContain('1.500.000.000');
    const ai = text(await get('curator', '/curator/stats?sector=ai_data'));
    expect(ai).toMatch(/<th scope="row">Tin đã đăng<\/th><td class="number">1<\/td>/);
    expect(ai).toMatch(/<th scope="row">Hợp đồng hoàn thành<\/th><td class="number">0<\/td>/);
    // Downloads keep the filters.
    expect(ai).toContain('href="/curator/stats/sectors?sector=ai_data&amp;format=csv"');
    const bad = await get('curator', '/curator/stats?sector=bananas&from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(text(bad)).toContain('giá trị không hợp lệ');
    expect(text(bad)).toContain('ngày theo dạng NNNN-TT-NN');
  });

  it('exports a CSV that Excel opens, Vietnamese intact, and the same table as JSON', async () => {
    const csv = await get('curator', '/curator/stats/supply-demand?format=csv');
    expect(csv.type).toContain('text/csv');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(text(csv).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['sector', 'sector_name', 'offers', 'demands', 'gap']);
    expect(parsed.data.find((r) => r.sector === 'aquaculture_fisheries')).toEqual({ sector: 'aquaculture_fisheries', sector_name: 'Thủy sản', offers: '3', demands: '0', gap: 'few_demands' });
    const json = JSON.parse(text(await get('curator', '/curator/stats/supply-demand?format=json')));
    expect(json.data.find((r: { sector: string }) => r.sector === 'aquaculture_fisheries')).toMatchObject({ offers: 3, demands: 0 });
    expect((await get('curator', '/curator/stats/nothing?format=csv')).status).toBe(400);
  });
});

describe('the public figures', () => {
  it('hide every count under 3, on the page and in the open data', async () => {
    const page = text(await get('anonymous', '/market'));
    expect(page).toContain('Thị trường qua các con số');
    // 5 listings published, 1 interest: the first shows, the second is hidden.
    expect(page).toMatch(/<th scope="row">Tin đã đăng<\/th><td class="number">5<\/td>/);
    expect(page).toMatch(/<th scope="row">Lượt quan tâm<\/th><td class="number">dưới 3<\/td>/);
    // One contract's price is never shown to the public.
    expect(page).not.toContain('1.500.000.000');
    const funnel = JSON.parse(text(await get('anonymous', '/api/v1/stats/funnel')));
    expect(funnel.data).toEqual([
      { step: 'published', count: 5, conversion_from_previous: null },
      { step: 'interests', count: null, conversion_from_previous: null },
      { step: 'negotiations', count: null, conversion_from_previous: null },
      { step: 'agreed', count: null, conversion_from_previous: null },
      { step: 'signed', count: null, conversion_from_previous: null },
      { step: 'completed', count: null, conversion_from_previous: null },
    ]);
    const sectors = Papa.parse<Record<string, string>>(text(await get('anonymous', '/api/v1/stats/sectors?format=csv')).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    const aqua = sectors.data.find((r) => r.sector === 'aquaculture_fisheries')!;
    expect([aqua.published, aqua.interests, aqua.value_signed_vnd]).toEqual(['3', '', '']);
    const bad = await get('anonymous', '/api/v1/stats/funnel?period=week');
    expect(bad.status).toBe(400);
    expect(JSON.parse(text(bad))).toMatchObject({ fields: { period: [expect.any(String)] } });
  });
});
