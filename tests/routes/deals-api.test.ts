// The deals API over HTTP: interest, transitions by name with the version seen, and the same
// 400/401/403/404/409 contract as the rest of the API, in the caller's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { SHRIMP_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
const cookies: Record<string, string> = {};
let offer: string;
const PASSWORD = 'mat-khau-thu-nghiem';

async function login(email: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: PASSWORD }), redirect: 'manual' });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function post(who: string | null, path: string, body: unknown, lang?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (who) headers.cookie = cookies[who]!;
  if (lang) headers['accept-language'] = lang;
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

const INTEREST = {
  cooperation: 'Chuyển giao trọn gói cho trại tôm 400 m³/ngày.',
  aboutUs: 'Trại tôm 120 ha tại Cà Mau.',
  transferMode: 'turnkey',
  priceIndication: 1_300_000_000,
};

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  const sme = await createOrganisation(market.db, { slug: 'tom-api', name: 'Tôm API', type: 'enterprise', taxCode: '0100000051' });
  const lab = await createOrganisation(market.db, { slug: 'vien-api-d', name: 'Viện API', type: 'institute', taxCode: '0100000052' });
  const other = await createOrganisation(market.db, { slug: 'khac-api', name: 'Khác', type: 'enterprise', taxCode: '0100000053' });
  const agency = await createOrganisation(market.db, { slug: 'so-api', name: 'Sở API', type: 'agency', taxCode: '0100000054' });
  await createUser(market.db, { email: 'buyer@api.vn', organisationId: sme, passwordHash });
  await createUser(market.db, { email: 'buyeradmin@api.vn', organisationId: sme, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'seller@api.vn', organisationId: lab, passwordHash });
  await createUser(market.db, { email: 'other@api.vn', organisationId: other, passwordHash });
  await createUser(market.db, { email: 'curator@api.vn', organisationId: agency, passwordHash });
  offer = (await importPublishedListings(market.ctx, lab, [SHRIMP_OFFER])).ids[0]!;
  server = await startTestServer(market.ctx);
  for (const who of ['buyer', 'buyeradmin', 'seller', 'other', 'curator']) cookies[who] = await login(`${who}@api.vn`);
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('POST /api/v1/my/deals', () => {
  it('opens a deal (201), then answers 200 with the same deal; 401 without a session; 400 on bad input', async () => {
    expect((await post(null, '/api/v1/my/deals', { listingId: offer, ...INTEREST })).status).toBe(401);
    const bad = await post('buyer', '/api/v1/my/deals', { listingId: offer, ...INTEREST, transferMode: 'magic', aboutUs: '' }, 'vi');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['aboutUs', 'transferMode']);
    expect(bad.body.fields.transferMode).toEqual(['hãy chọn một hình thức chuyển giao']);
    const first = await post('buyer', '/api/v1/my/deals', { listingId: offer, ...INTEREST });
    expect(first.status).toBe(201);
    const again = await post('buyer', '/api/v1/my/deals', { listingId: offer, ...INTEREST });
    expect(again).toEqual({ status: 200, body: { data: { id: first.body.data.id, existing: true } } });
  });
});

describe('POST /api/v1/my/deals/:id/transitions', () => {
  it('takes transitions by name with the version seen, and answers 400, 403, 404 and 409 as elsewhere', async () => {
    const id = (await post('buyer', '/api/v1/my/deals', { listingId: offer, ...INTEREST })).body.data.id as string;
    const path = `/api/v1/my/deals/${id}/transitions`;
    expect((await post('other', path, { name: 'accept' })).status).toBe(404);
    const forbidden = await post('buyer', path, { name: 'accept' });
    expect(forbidden).toMatchObject({ status: 403, body: { code: 'forbidden_answerer' } });
    expect((await post('seller', path, { name: 'sing' })).body).toMatchObject({ code: 'unknown_intent' });
    const accepted = await post('seller', path, { name: 'accept', version: 2 });
    expect(accepted).toMatchObject({ status: 200, body: { data: { status: 'negotiating', version: 3 } } });
    const stale = await post('seller', path, { name: 'propose_nda', version: 2 }, 'vi');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('changed_meanwhile');
    expect(stale.body.error).toContain('tải lại trang');
    const terms = {
      subject: 'Hệ thống MBR', transferMode: 'turnkey', exclusive: false, territory: 'Cà Mau', fieldOfUse: 'Thủy sản',
      durationMonths: 12, price: 900_000_000, milestones: [{ amount: 900_000_000, condition: 'Khi ký', deliverable: 'Toàn bộ' }],
      disputeResolution: 'court', validDays: 10,
    };
    expect((await post('seller', path, { name: 'propose_terms', version: 3, terms })).status).toBe(200);
    expect((await post('curator', path, { name: 'accept_terms', termsVersion: 1 })).status).toBe(403);
    const agreed = await post('buyer', path, { name: 'accept_terms', termsVersion: 1, version: 4 });
    expect(agreed).toMatchObject({ status: 200, body: { data: { status: 'agreed' } } });
    expect((await post('curator', path, { name: 'terminate', reason: 'x' })).status).toBe(409);
  });
});

describe('/curator/deals', () => {
  const page = async (who: string, path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[who]! }, redirect: 'manual' });
    return { status: res.status, text: await res.text() };
  };

  it('lists every deal for curators only, with filters in the address', async () => {
    expect((await page('buyer', '/curator/deals')).status).toBe(403);
    const all = await page('curator', '/curator/deals');
    expect(all.status).toBe(200);
    expect(all.text).toContain('Membrane bioreactor for shrimp farm wastewater treatment');
    expect(all.text).toContain('Tôm API ↔ Viện API');
    const agreed = await page('curator', '/curator/deals?stage=agreed');
    expect(agreed.text).toContain('1 thương vụ');
    const overdue = await page('curator', '/curator/deals?overdue=1');
    expect(overdue.text).toContain('Không có thương vụ nào khớp bộ lọc.');
  });

  it('introduces a demand to an offer by a plain form post, and refuses bad input in the reader’s language', async () => {
    const lab = await market.db.selectFrom('organisations').select('id').where('slug', '=', 'vien-api-d').executeTakeFirstOrThrow();
    const sme = await market.db.selectFrom('organisations').select('id').where('slug', '=', 'tom-api').executeTakeFirstOrThrow();
    const demand = (await importPublishedListings(market.ctx, sme.id, [{ ...SHRIMP_OFFER, kind: 'demand', ipStatus: null, title: 'Cần màng lọc cho ao tôm' }])).ids[0]!;
    const form = (fields: Record<string, string>) =>
      fetch(`${server.url}/curator/deals`, { method: 'POST', headers: { cookie: cookies.curator! }, body: new URLSearchParams(fields), redirect: 'manual' });
    const bad = await form({ demandId: demand, note: 'ngắn' });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain('ít nhất 10 ký tự');
    expect(text).toContain('hãy chọn một trong các lựa chọn');
    const made = await form({ demandId: demand, organisationId: lab.id, note: 'Viện có màng lọc phù hợp với nhu cầu này.' });
    expect(made.status).toBe(302);
    expect(made.headers.get('location')).toMatch(/^\/deals\/[0-9a-f-]{36}$/);
  });
});

describe('GET /api/v1/my/deals and /api/v1/my/deals/:id', () => {
  const get = async (who: string | null, path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: who ? { cookie: cookies[who]! } : {} });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('shows a deal to its two sides and curators, its confidential details only under the NDA', async () => {
    const lab = await market.db.selectFrom('organisations').select('id').where('slug', '=', 'vien-api-d').executeTakeFirstOrThrow();
    const listing = (await importPublishedListings(market.ctx, lab.id, [{ ...SHRIMP_OFFER, title: 'Màng lọc thế hệ mới' }])).ids[0]!;
    const id = (await post('buyer', '/api/v1/my/deals', { listingId: listing, ...INTEREST })).body.data.id as string;
    const path = `/api/v1/my/deals/${id}/transitions`;
    expect((await get(null, `/api/v1/my/deals/${id}`)).status).toBe(401);
    expect((await get('other', `/api/v1/my/deals/${id}`)).status).toBe(404);
    expect((await get('curator', `/api/v1/my/deals/${id}`)).status).toBe(200);
    const before = await get('buyer', `/api/v1/my/deals/${id}`);
    expect(before.body.data.listing.confidentialDetails).toBeNull();
    expect(JSON.stringify(before.body)).not.toContain('SECRET-MEMBRANE');
    await post('seller', path, { name: 'accept' });
    await post('seller', path, { name: 'propose_nda' });
    expect(JSON.stringify((await get('buyer', `/api/v1/my/deals/${id}`)).body)).not.toContain('SECRET-MEMBRANE');
    await post('buyer', path, { name: 'accept_nda' });
    const after = await get('buyer', `/api/v1/my/deals/${id}`);
    expect(after.body.data.listing.confidentialDetails).toContain('SECRET-MEMBRANE');
    const inbox = await get('seller', '/api/v1/my/deals');
    expect(inbox.status).toBe(200);
    expect(JSON.stringify(inbox.body.data)).toContain(id);
  });
});

describe('the permission matrix of the deals API', () => {
  const call = async (who: string | null, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
    if (who) headers.cookie = cookies[who]!;
    const res = await fetch(`${server.url}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    return res.status;
  };

  it('answers each person as the access rules say, for every call', async () => {
    const lab = await market.db.selectFrom('organisations').select('id').where('slug', '=', 'vien-api-d').executeTakeFirstOrThrow();
    const listing = (await importPublishedListings(market.ctx, lab.id, [{ ...SHRIMP_OFFER, title: 'Ma trận quyền' }])).ids[0]!;
    // Interest: signed in, not one's own listing.
    expect(await call(null, 'POST', '/api/v1/my/deals', { listingId: listing, ...INTEREST })).toBe(401);
    expect(await call('seller', 'POST', '/api/v1/my/deals', { listingId: listing, ...INTEREST })).toBe(400);
    expect(await call('buyer', 'POST', '/api/v1/my/deals', { listingId: listing, ...INTEREST })).toBe(201);
    expect(await call('buyeradmin', 'POST', '/api/v1/my/deals', { listingId: listing, ...INTEREST })).toBe(200);
    const deal = (await market.db.selectFrom('deals').select('id').where('listing_id', '=', listing).executeTakeFirstOrThrow()).id;

    const expectations: [string | null, number, number, number][] = [
      // who, GET the list, GET the deal, POST accept (the seller answers)
      [null, 401, 401, 401],
      ['buyer', 200, 200, 403],
      ['buyeradmin', 200, 200, 403],
      ['other', 200, 404, 404],
      ['curator', 200, 200, 403],
    ];
    for (const [who, list, one, accept] of expectations) {
      expect(await call(who, 'GET', '/api/v1/my/deals'), `${who} list`).toBe(list);
      expect(await call(who, 'GET', `/api/v1/my/deals/${deal}`), `${who} deal`).toBe(one);
      expect(await call(who, 'POST', `/api/v1/my/deals/${deal}/transitions`, { name: 'accept' }), `${who} accept`).toBe(accept);
    }
    // Ending a deal: the parties withdraw, only curators terminate.
    for (const who of ['buyer', 'seller']) expect(await call(who, 'POST', `/api/v1/my/deals/${deal}/transitions`, { name: 'terminate', reason: 'x' }), who).toBe(403);
    expect(await call('other', 'POST', `/api/v1/my/deals/${deal}/transitions`, { name: 'withdraw', reason: 'x' })).toBe(404);
    expect(await call('seller', 'POST', `/api/v1/my/deals/${deal}/transitions`, { name: 'accept' })).toBe(200);
    expect(await call('curator', 'POST', `/api/v1/my/deals/${deal}/transitions`, { name: 'terminate', reason: 'Trùng lặp' })).toBe(200);
    expect(await call('buyeradmin', 'POST', `/api/v1/my/deals/${deal}/transitions`, { name: 'withdraw', reason: 'x' })).toBe(409);
    // A curator may also mark an open deal resolved; a party may not.
    const again = (await post('buyer', '/api/v1/my/deals', { listingId: listing, ...INTEREST })).body.data.id as string;
    expect(await call('buyer', 'POST', `/api/v1/my/deals/${again}/transitions`, { name: 'resolve' })).toBe(403);
    expect(await call('curator', 'POST', `/api/v1/my/deals/${again}/transitions`, { name: 'resolve', reason: 'Hai bên đã ký trực tiếp' })).toBe(200);
    expect((await market.db.selectFrom('deals').select('stage').where('id', '=', again).executeTakeFirstOrThrow()).stage).toBe('resolved');
  });
});
