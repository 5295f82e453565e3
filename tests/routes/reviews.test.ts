// Reviews over HTTP, as a browser without JavaScript uses them: each side posts the form on the
// deal page; the organisation page shows a review only once it is visible, with the average the
// Vietnamese way; then who may open and post the review form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
import { agreedDeal, completedDeal, type DealSide } from '../support/completed-deal.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

type Who = 'anonymous' | 'buyerMember' | 'buyerAdmin' | 'sellerMember' | 'sellerAdmin' | 'other' | 'curator';
const PASSWORD = 'mat-khau-thu-nghiem';
const EMAILS: Record<Exclude<Who, 'anonymous'>, string> = {
  buyerMember: 'nv@tom-rv.vn',
  buyerAdmin: 'gd@tom-rv.vn',
  sellerMember: 'nv@vien-rv.vn',
  sellerAdmin: 'vt@vien-rv.vn',
  other: 'ai@khac-rv.vn',
  curator: 'cb@so-rv.vn',
};
const DAY = 86_400_000;

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let now = new Date();
let buyer: DealSide;
let seller: DealSide;
const cookies: Partial<Record<Who, string>> = {};

async function call(who: Who, method: 'GET' | 'POST', p: string, form?: Record<string, string>) {
  const headers: Record<string, string> = {};
  if (cookies[who]) headers.cookie = cookies[who]!;
  const res = await fetch(`${server.url}${p}`, { method, headers, body: form ? new URLSearchParams(form) : undefined, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

/** A review posted through the form, as the browser sends it; the minute moves on so reviews keep their order. */
function review(who: Who, dealId: string, form: Record<string, string>, query = '') {
  now = new Date(now.getTime() + 60_000);
  return call(who, 'POST', `/deals/${dealId}/review${query}`, form);
}

const completed = () => completedDeal(market.ctx, buyer, seller);

beforeAll(async () => {
  market = await createTestMarket({ clock: () => now });
  const passwordHash = await hashPassword(PASSWORD);
  const sme = await createOrganisation(market.db, { slug: 'tom-rv', name: 'Công ty Tôm Đánh Giá', type: 'enterprise', taxCode: '0100109106' });
  const lab = await createOrganisation(market.db, { slug: 'vien-rv', name: 'Viện Màng Lọc Đánh Giá', type: 'institute', taxCode: '0001000027' });
  const other = await createOrganisation(market.db, { slug: 'khac-rv', name: 'Công ty Khác', type: 'enterprise', taxCode: '0001000034' });
  const agency = await createOrganisation(market.db, { slug: 'so-rv', name: 'Sở KH&CN', type: 'agency', taxCode: '0001000041' });
  const orgOf: Record<Exclude<Who, 'anonymous'>, [string, 'enterprise' | 'institute' | 'agency', 'member' | 'admin']> = {
    buyerMember: [sme, 'enterprise', 'member'],
    buyerAdmin: [sme, 'enterprise', 'admin'],
    sellerMember: [lab, 'institute', 'member'],
    sellerAdmin: [lab, 'institute', 'admin'],
    other: [other, 'enterprise', 'admin'],
    curator: [agency, 'agency', 'member'],
  };
  const actors: Partial<Record<Who, Actor>> = {};
  for (const [who, [organisationId, organisationType, role]] of Object.entries(orgOf)) {
    const userId = await createUser(market.db, { email: EMAILS[who as keyof typeof EMAILS], name: `Người ${who}`, organisationId, role, passwordHash });
    actors[who as Who] = { userId, name: `Người ${who}`, email: EMAILS[who as keyof typeof EMAILS], organisationId, organisationType, role, platformAdmin: false };
  }
  buyer = { org: sme, member: actors.buyerMember!, admin: actors.buyerAdmin! };
  seller = { org: lab, member: actors.sellerMember!, admin: actors.sellerAdmin! };
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

describe('reviews without JavaScript', () => {
  it('are posted through the deal page’s form and reach the organisation page only once visible', async () => {
    const first = await completed();
    let page = (await call('buyerMember', 'GET', `/deals/${first}`)).text;
    expect(page).toContain('id="reviews"');
    expect(page).toContain(`action="/deals/${first}/review"`);
    expect(page).toMatch(/<legend>Mức độ hài lòng<\/legend>/);
    expect(page).toMatch(/<input type="radio"[^>]*name="rating"[^>]*value="5"/);
    expect(page).toContain('Rất hài lòng');

    const posted = await review('buyerMember', first, { rating: '5', comment: 'Bàn giao đúng hạn, hỗ trợ vận hành tận tình.' });
    expect(posted.status).toBe(302);
    expect(posted.location).toBe(`/deals/${first}#reviews`);
    expect((await call('buyerMember', 'GET', `/deals/${first}`)).text).toContain('Bàn giao đúng hạn, hỗ trợ vận hành tận tình.');
    // Hidden from the seller and from the public until the seller has posted too.
    page = (await call('sellerAdmin', 'GET', `/deals/${first}`)).text;
    expect(page).not.toContain('Bàn giao đúng hạn');
    expect(page).toContain('Bên kia đã gửi đánh giá');
    let org = (await call('anonymous', 'GET', '/organisations/vien-rv')).text;
    expect(org).not.toContain('Bàn giao đúng hạn');
    expect(org).toContain('Chưa có đánh giá nào được công bố.');

    // A form without a rating comes back with the field's error, in the reader's language, the comment kept.
    const bad = await review('sellerAdmin', first, { comment: 'Thanh toán đúng hạn.' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('hãy chọn một trong các lựa chọn');
    expect(bad.text).toContain('Thanh toán đúng hạn.</textarea>');
    const badEn = await review('sellerAdmin', first, { rating: '9', comment: '' }, '?lang=en');
    expect(badEn.status).toBe(400);
    expect(badEn.text).toContain('choose one of the options offered');

    expect((await review('sellerAdmin', first, { rating: '4', comment: 'Thanh toán đúng hạn.' })).status).toBe(302);
    page = (await call('sellerMember', 'GET', `/deals/${first}`)).text;
    expect(page).toContain('Bàn giao đúng hạn, hỗ trợ vận hành tận tình.');
    expect(page).toContain('Thanh toán đúng hạn.');
    org = (await call('anonymous', 'GET', '/organisations/vien-rv')).text;
    expect(org).toContain('Bàn giao đúng hạn, hỗ trợ vận hành tận tình.');
    expect(org).toContain('Công ty Tôm Đánh Giá');
    expect(org).toContain('5,0 / 5 từ 1 đánh giá');
    expect((await call('anonymous', 'GET', '/organisations/tom-rv')).text).toContain('4,0 / 5 từ 1 đánh giá');

    // A second deal reviewed by both: the average the Vietnamese way; in English, the English way.
    const second = await completed();
    await review('buyerAdmin', second, { rating: '4', comment: '' });
    await review('sellerMember', second, { rating: '5', comment: '' });
    expect((await call('anonymous', 'GET', '/organisations/vien-rv')).text).toContain('4,5 / 5 từ 2 đánh giá');
    expect((await call('anonymous', 'GET', '/organisations/vien-rv?lang=en')).text).toContain('4.5 / 5 from 2 reviews');

    // A third: only the buyer reviews. Thirteen days on it is still hidden; at fourteen it shows.
    const third = await completed();
    await review('buyerMember', third, { rating: '3', comment: 'Tài liệu vận hành còn thiếu.' });
    now = new Date(now.getTime() + 13 * DAY);
    org = (await call('anonymous', 'GET', '/organisations/vien-rv')).text;
    expect(org).not.toContain('Tài liệu vận hành còn thiếu.');
    now = new Date(now.getTime() + 1 * DAY);
    org = (await call('anonymous', 'GET', '/organisations/vien-rv')).text;
    expect(org).toContain('Tài liệu vận hành còn thiếu.');
    expect(org).toContain('4,0 / 5 từ 3 đánh giá');
  });
});

describe('who may open and post the review form', () => {
  it('the people of each side; another organisation does not learn of the deal; a curator may not', async () => {
    const dealId = await completed();
    const path = `/deals/${dealId}/review`;
    const expected: Record<Who, number | 'login'> = { anonymous: 'login', other: 404, buyerMember: 200, buyerAdmin: 200, sellerMember: 200, sellerAdmin: 200, curator: 403 };
    for (const who of Object.keys(expected) as Who[]) {
      const res = await call(who, 'GET', path);
      if (expected[who] === 'login') expect(res.status === 302 && (res.location ?? '').startsWith('/login'), `GET ${who}`).toBe(true);
      else expect(res.status, `GET ${who}`).toBe(expected[who]);
    }
    // The curator's deal page shows the section but offers no form.
    expect((await call('curator', 'GET', `/deals/${dealId}`)).text).not.toContain(`action="${path}"`);

    const valid = { rating: '4', comment: 'Hợp tác tốt.' };
    const posts: [Who, number | 'login'][] = [['anonymous', 'login'], ['other', 404], ['curator', 403], ['buyerMember', 302], ['sellerAdmin', 302], ['buyerAdmin', 409]];
    for (const [who, status] of posts) {
      const res = await review(who, dealId, valid);
      if (status === 'login') expect(res.status === 302 && (res.location ?? '').startsWith('/login'), `POST ${who}`).toBe(true);
      else expect(res.status, `POST ${who}`).toBe(status);
    }
    expect(await market.db.selectFrom('reviews').select('party').where('deal_id', '=', dealId).orderBy('party').execute()).toEqual([{ party: 'buyer' }, { party: 'seller' }]);
    // Once its side has posted, the form is not offered again; nor before the contract is completed.
    expect((await call('buyerAdmin', 'GET', path)).status).toBe(409);
    const agreed = await agreedDeal(market.ctx, buyer, seller);
    const early = await call('buyerMember', 'GET', `/deals/${agreed}/review`);
    expect(early.status).toBe(409);
    expect(early.text).toContain('Chỉ có thể đánh giá trong 14 ngày sau khi hợp đồng hoàn thành');
    expect((await call('buyerMember', 'GET', `/deals/${agreed}`)).text).not.toContain('id="reviews"');
  });
});
