// Deals over HTTP, as a browser without JavaScript uses them: plain links and form posts. An SME
// expresses interest in a university's offer, the university answers, both sign the NDA, trade
// term sheets and agree; then who may see and do what on a deal page; then bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { languageCookie } from '../../app/i18n/language.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { WASTEWATER_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

type Who = 'anonymous' | 'buyerMember' | 'buyerAdmin' | 'sellerMember' | 'sellerAdmin' | 'other' | 'curator';
const PASSWORD = 'mat-khau-thu-nghiem';
const EMAILS: Record<Exclude<Who, 'anonymous'>, string> = {
  buyerMember: 'mua@sme.vn',
  buyerAdmin: 'quantri@sme.vn',
  sellerMember: 'ban@dhbk.vn',
  sellerAdmin: 'quantri@dhbk.vn',
  other: 'khac@khac.vn',
  curator: 'canbo@so.vn',
};
const SECRET = 'MẬT-4411: nhiệt độ lên men 37,5 °C';
const UNIVERSITY = 'Đại học Bách khoa Thử nghiệm';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let university: string;
const cookies: Partial<Record<Who, string>> = {};

async function login(email: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: PASSWORD }), redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function call(who: Who, method: 'GET' | 'POST', path: string, form?: Record<string, string | number>) {
  const headers: Record<string, string> = {};
  if (cookies[who]) headers.cookie = cookies[who]!;
  const body = form ? new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])) : undefined;
  const res = await fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

const toLogin = (r: { status: number; location: string | null }) => r.status === 302 && (r.location ?? '').startsWith('/login?redirectTo=');

/** The deal's version as the page's forms post it. */
async function versionOf(deal: string): Promise<number> {
  const row = await market.db.selectFrom('deals').select('version').where('id', '=', deal).executeTakeFirstOrThrow();
  return row.version;
}

function pageVersion(html: string): number {
  const m = /name="version" value="(\d+)"/.exec(html);
  expect(m, 'a form with the deal version').not.toBeNull();
  return Number(m![1]);
}

/** The timeline as a person reads it (tags gone, spaces squeezed). */
function timelineOf(html: string): string {
  const m = /<ol class="history deal-timeline">([\s\S]*?)<\/ol>/.exec(html);
  expect(m, 'a timeline').not.toBeNull();
  return m![1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

const INTEREST = {
  cooperation: 'Mua li-xăng không độc quyền để lắp đặt tại nhà máy chế biến ở Cần Thơ.',
  unclear: 'Chi phí vận hành thực tế mỗi mét khối?',
  aboutUs: 'Doanh nghiệp chế biến thủy sản, 300 lao động, xử lý 400 m³ nước thải mỗi ngày.',
  transferMode: 'licence_non_exclusive',
  priceIndication: '1.200.000.000',
};

function terms(price: string, milestones: [string, string, string][]) {
  const form: Record<string, string> = {
    intent: 'propose_terms',
    subject: 'Li-xăng công nghệ xử lý nước thải bằng màng sinh học và bí quyết vận hành',
    transferMode: 'licence_non_exclusive',
    territory: 'Việt Nam',
    fieldOfUse: 'Chế biến thủy sản',
    durationMonths: '36',
    price,
    warranty: 'Bảo hành 12 tháng',
    disputeResolution: 'arbitration',
    validDays: '14',
  };
  milestones.forEach(([amount, condition, deliverable], i) => {
    form[`milestones.${i}.amount`] = amount;
    form[`milestones.${i}.condition`] = condition;
    form[`milestones.${i}.deliverable`] = deliverable;
  });
  return form;
}

/** A published offer of the university, for a deal of its own. */
async function newOffer(title: string, anonymous = true): Promise<string> {
  const { ids } = await importPublishedListings(market.ctx, university, [{ ...WASTEWATER_OFFER, title, anonymous, confidentialDetails: SECRET }]);
  return ids[0]!;
}

/** The SME's interest in a fresh offer: the deal it opens, at `inquiry`. */
async function openDeal(title: string): Promise<string> {
  const offer = await newOffer(title);
  const res = await call('buyerMember', 'POST', `/listings/${offer}/interest`, INTEREST);
  expect(res.status).toBe(302);
  return res.location!.replace('/deals/', '');
}

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  university = await createOrganisation(market.db, { slug: 'dhbk-tn', name: UNIVERSITY, type: 'university', taxCode: '0100000031' });
  const sme = await createOrganisation(market.db, { slug: 'sme-thuy-san', name: 'Công ty Thủy sản Mekong', type: 'enterprise', taxCode: '0100000032' });
  const other = await createOrganisation(market.db, { slug: 'cty-khac-2', name: 'Công ty Khác Hai', type: 'enterprise', taxCode: '0100000033' });
  const agency = await createOrganisation(market.db, { slug: 'so-khcn', name: 'Sở KH&CN', type: 'agency', taxCode: '0100000034' });
  const orgOf: Record<Exclude<Who, 'anonymous'>, [string, 'member' | 'admin']> = {
    buyerMember: [sme, 'member'],
    buyerAdmin: [sme, 'admin'],
    sellerMember: [university, 'member'],
    sellerAdmin: [university, 'admin'],
    other: [other, 'admin'],
    curator: [agency, 'member'],
  };
  for (const [who, [organisationId, role]] of Object.entries(orgOf)) {
    await createUser(market.db, { email: EMAILS[who as keyof typeof EMAILS], name: `Người ${who}`, organisationId, role, passwordHash });
  }
  server = await startTestServer(market.ctx);
  for (const who of Object.keys(EMAILS) as (keyof typeof EMAILS)[]) cookies[who] = await login(EMAILS[who]);
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('a deal from interest to agreement, without JavaScript', () => {
  it('runs from the listing page to agreed terms, both sides seeing the same timeline', async () => {
    const offer = await newOffer('Màng sinh học MBBR cho nước thải thủy sản');

    // The SME finds the offer: its page links to the interest form.
    const listing = await call('buyerMember', 'GET', `/listings/${offer}`);
    expect(listing.text).toContain(`href="/listings/${offer}/interest"`);
    expect(listing.text).toContain('Bày tỏ quan tâm');
    expect(listing.text).not.toContain(UNIVERSITY);
    // Its own organisation gets no such link; a visitor is asked to sign in first.
    expect((await call('sellerMember', 'GET', `/listings/${offer}`)).text).not.toContain(`/listings/${offer}/interest"`);
    expect((await call('anonymous', 'GET', `/listings/${offer}`)).text).toContain('Đăng nhập để bày tỏ quan tâm');

    expect((await call('buyerMember', 'GET', `/listings/${offer}/interest`)).status).toBe(200);
    const sent = await call('buyerMember', 'POST', `/listings/${offer}/interest`, INTEREST);
    expect(sent.status).toBe(302);
    const deal = sent.location!.replace('/deals/', '');
    const row = await market.db.selectFrom('deals').select(['stage', 'price_indication']).where('id', '=', deal).executeTakeFirstOrThrow();
    expect(row).toEqual({ stage: 'inquiry', price_indication: 1_200_000_000 });

    // A second attempt, by form or by the form's page, leads to the same deal.
    expect((await call('buyerAdmin', 'POST', `/listings/${offer}/interest`, INTEREST)).location).toBe(`/deals/${deal}`);
    expect((await call('buyerMember', 'GET', `/listings/${offer}/interest`)).location).toBe(`/deals/${deal}`);
    expect((await call('buyerMember', 'GET', `/listings/${offer}`)).text).toContain(`href="/deals/${deal}"`);

    // The university has it awaiting its answer, with the days left, and the header counts it.
    const inbox = await call('sellerMember', 'GET', '/my/deals');
    const [awaitingYou, rest] = inbox.text.split('id="group-awaitingThem"');
    expect(awaitingYou).toContain('Màng sinh học MBBR cho nước thải thủy sản');
    expect(awaitingYou).toContain('còn 10 ngày làm việc');
    expect(inbox.text).toMatch(/deals-count">1</);
    expect(rest).not.toContain(`/deals/${deal}`);
    // The SME waits for them; the owner is still anonymous to it.
    const smeInbox = await call('buyerMember', 'GET', '/my/deals');
    expect(smeInbox.text.split('id="group-awaitingThem"')[1]).toContain(`/deals/${deal}`);
    expect(smeInbox.text).not.toContain(UNIVERSITY);

    let smePage = await call('buyerMember', 'GET', `/deals/${deal}`);
    expect(smePage.status).toBe(200);
    expect(smePage.text).not.toContain(UNIVERSITY);
    expect(smePage.text).not.toContain(SECRET);
    expect(smePage.text).not.toContain('value="accept"');

    // The university accepts and proposes the NDA.
    let uniPage = await call('sellerMember', 'GET', `/deals/${deal}`);
    expect(uniPage.text).toContain('value="accept"');
    expect(uniPage.text).toContain('value="decline"');
    expect((await call('sellerMember', 'POST', `/deals/${deal}`, { intent: 'accept', version: pageVersion(uniPage.text) })).status).toBe(200);
    uniPage = await call('sellerMember', 'GET', `/deals/${deal}`);
    expect(uniPage.text).toContain('THỎA THUẬN BẢO MẬT HAI CHIỀU');
    const proposed = await call('sellerMember', 'POST', `/deals/${deal}`, { intent: 'propose_nda', version: pageVersion(uniPage.text) });
    expect(proposed.status).toBe(200);
    expect(proposed.text).toContain('Đã đề xuất thỏa thuận bảo mật.');

    // The SME now knows whom it deals with, but sees nothing confidential before accepting the NDA.
    smePage = await call('buyerMember', 'GET', `/deals/${deal}`);
    expect(smePage.text).toContain(UNIVERSITY);
    expect(smePage.text).not.toContain(SECRET);
    expect(smePage.text).not.toContain(EMAILS.sellerAdmin);
    expect((await call('buyerMember', 'POST', `/deals/${deal}`, { intent: 'accept_nda', version: pageVersion(smePage.text) })).status).toBe(200);
    smePage = await call('buyerMember', 'GET', `/deals/${deal}`);
    expect(smePage.text).toContain(SECRET);
    expect(smePage.text).toContain(EMAILS.sellerAdmin);
    expect(smePage.text).toContain('Có hiệu lực từ');

    // Terms: the SME proposes, the university counters with a higher price.
    const v1 = terms('1.000.000.000', [['300.000.000', 'Khi ký hợp đồng', 'Tài liệu kỹ thuật'], ['700.000.000', 'Khi nghiệm thu', 'Hệ thống vận hành']]);
    expect((await call('buyerMember', 'POST', `/deals/${deal}`, { ...v1, version: pageVersion(smePage.text) })).status).toBe(200);
    uniPage = await call('sellerMember', 'GET', `/deals/${deal}`);
    expect(uniPage.text).toContain('Phiên bản 1');
    expect(uniPage.text).toContain('1.000.000.000');
    const v2 = terms('1.200.000.000', [['400.000.000', 'Khi ký hợp đồng', 'Tài liệu kỹ thuật'], ['800.000.000', 'Khi nghiệm thu', 'Hệ thống vận hành']]);
    expect((await call('sellerMember', 'POST', `/deals/${deal}`, { ...v2, version: pageVersion(uniPage.text) })).status).toBe(200);

    smePage = await call('buyerMember', 'GET', `/deals/${deal}`);
    expect(smePage.text).toContain('Thay đổi so với phiên bản trước: Giá (đồng), Lịch thanh toán');
    expect(smePage.text).toContain('Chấp nhận phiên bản 2');
    expect(smePage.text).not.toContain('Chấp nhận phiên bản 1');

    // Accepting the superseded version is refused in Vietnamese, and changes nothing.
    const stale = await call('buyerMember', 'POST', `/deals/${deal}`, { intent: 'accept_terms', version: pageVersion(smePage.text), termsVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Đề xuất này đã được thay bằng phiên bản 2: hãy xem phiên bản mới nhất rồi quyết định.');
    expect((await market.db.selectFrom('deals').select('stage').where('id', '=', deal).executeTakeFirstOrThrow()).stage).toBe('negotiating');

    const agreed = await call('buyerMember', 'POST', `/deals/${deal}`, { intent: 'accept_terms', version: pageVersion(smePage.text), termsVersion: 2 });
    expect(agreed.status).toBe(200);
    expect(agreed.text).toContain('Đã chấp nhận điều khoản: thương vụ đã thống nhất.');
    const frozen = await market.db.selectFrom('deals').select(['stage', 'agreed_terms_version', 'agreed_terms_sha256']).where('id', '=', deal).executeTakeFirstOrThrow();
    expect(frozen).toMatchObject({ stage: 'agreed', agreed_terms_version: 2 });
    expect(frozen.agreed_terms_sha256).toMatch(/^[0-9a-f]{64}$/);

    // One timeline for both sides, every step in order.
    smePage = await call('buyerMember', 'GET', `/deals/${deal}`);
    uniPage = await call('sellerMember', 'GET', `/deals/${deal}`);
    const timeline = timelineOf(smePage.text);
    expect(timelineOf(uniPage.text)).toBe(timeline);
    const steps = ['Bày tỏ quan tâm', 'Chấp nhận đề nghị', 'Đề xuất và chấp nhận thỏa thuận bảo mật', 'Chấp nhận thỏa thuận bảo mật: có hiệu lực', 'Đề xuất điều khoản', 'Chấp nhận điều khoản: thống nhất'];
    const at = steps.map((s) => timeline.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Both sides read which version was agreed, and the hash of its content the contract will carry.
    for (const page of [smePage.text, uniPage.text]) {
      expect(page).toContain('Hai bên đã thống nhất phiên bản này');
      expect(page).toContain(frozen.agreed_terms_sha256!);
    }
    expect((await call('sellerMember', 'GET', '/my/deals')).text.split('id="group-agreed"')[1]!.split('id="group-closed"')[0]).toContain(`/deals/${deal}`);
  });

  it('keeps a message in the timeline and an anonymous owner unnamed in it before accepting', async () => {
    const deal = await openDeal('Bí quyết lọc sinh học cho ao nuôi tôm');
    expect((await call('sellerMember', 'POST', `/deals/${deal}`, { intent: 'message', body: 'Công suất nhà máy của quý công ty là bao nhiêu?' })).status).toBe(200);
    const smePage = await call('buyerMember', 'GET', `/deals/${deal}`);
    const timeline = timelineOf(smePage.text);
    expect(timeline).toContain('Công suất nhà máy của quý công ty là bao nhiêu?');
    expect(timeline).toContain('bên bán');
    expect(timeline).not.toContain('Người sellerMember');
    expect(timelineOf((await call('sellerMember', 'GET', `/deals/${deal}`)).text)).toContain('Người sellerMember');
  });
});

describe('in English', () => {
  it('shows the deal page, the NDA and the inbox in the reader’s language', async () => {
    const deal = await openDeal('Bộ lọc sinh học cho trại giống');
    await call('sellerMember', 'POST', `/deals/${deal}`, { intent: 'accept', version: await versionOf(deal) });
    await call('sellerMember', 'POST', `/deals/${deal}`, { intent: 'propose_nda', version: await versionOf(deal) });
    const lang = (await languageCookie.serialize('en')).split(';')[0]!;
    const get = async (path: string) => (await fetch(`${server.url}${path}`, { headers: { cookie: `${cookies.buyerMember}; ${lang}` } })).text();
    const page = await get(`/deals/${deal}`);
    // The NDA in full, both languages, as accepted (its hash is of this very text); Vietnamese prevails.
    expect(page).toContain('MUTUAL NON-DISCLOSURE AGREEMENT');
    expect(page).toContain('THỎA THUẬN BẢO MẬT');
    expect(page).toContain('The Vietnamese text prevails.');
    expect(page).toContain('Accept the NDA');
    expect(page).toContain('Accepted the inquiry; negotiation opened');
    expect(page).toContain('1.200.000.000');
    const inbox = await get('/my/deals');
    expect(inbox).toContain('Awaiting your answer');
    expect(inbox.split('id="group-awaitingThem"')[0]).toContain(`/deals/${deal}`);
  });
});

describe('who may see and do what on a deal page', () => {
  const PEOPLE: Who[] = ['anonymous', 'other', 'buyerMember', 'buyerAdmin', 'sellerMember', 'curator'];
  type Expect = number | 'login';

  async function tryAll(deal: string, form: Record<string, string>, expected: Partial<Record<Who, Expect>>, last: Who[] = []) {
    for (const who of [...PEOPLE.filter((p) => !last.includes(p)), ...last]) {
      const want = expected[who];
      if (want === undefined) continue;
      const res = await call(who, 'POST', `/deals/${deal}`, { ...form, version: await versionOf(deal) });
      if (want === 'login') expect(toLogin(res), `${form.intent} by ${who}`).toBe(true);
      else expect(res.status, `${form.intent} by ${who}`).toBe(want);
    }
  }

  it('GET /deals/:id: the two organisations and curators; others do not learn it exists', async () => {
    const deal = await openDeal('Cảm biến đo oxy hòa tan giá rẻ');
    const expected: Record<Who, Expect> = { anonymous: 'login', other: 404, buyerMember: 200, buyerAdmin: 200, sellerMember: 200, sellerAdmin: 200, curator: 200 };
    for (const who of Object.keys(expected) as Who[]) {
      const res = await call(who, 'GET', `/deals/${deal}`);
      if (expected[who] === 'login') expect(toLogin(res), who).toBe(true);
      else expect(res.status, who).toBe(expected[who]);
      if (who === 'other') expect(res.text).not.toContain('Cảm biến đo oxy');
    }
    // A curator reads the deal and is offered only the operator's button.
    const curatorPage = (await call('curator', 'GET', `/deals/${deal}`)).text;
    expect(curatorPage).toContain('value="terminate"');
    for (const intent of ['accept', 'decline', 'withdraw', 'propose_nda']) expect(curatorPage).not.toContain(`value="${intent}"`);
    expect((await call('other', 'GET', '/deals/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call('buyerMember', 'GET', '/deals/not-a-deal')).status).toBe(404);
  });

  it('POST on an inquiry: messages from both sides and curators; the answer only from the owner', async () => {
    const deal = await openDeal('Chế phẩm vi sinh xử lý bùn đáy ao');
    await tryAll(deal, { intent: 'message', body: 'Xin chào' }, { anonymous: 'login', other: 404, buyerMember: 200, buyerAdmin: 200, sellerMember: 200, curator: 200 });
    const nobody = { anonymous: 'login', other: 404, buyerMember: 403, buyerAdmin: 403, sellerMember: 403, curator: 403 } as const;
    // Nobody holds the side that answers an NDA or terms before either was proposed.
    await tryAll(deal, { intent: 'accept_nda' }, nobody);
    await tryAll(deal, { intent: 'accept_terms', termsVersion: '1' }, nobody);
    // The parties hold the side, but not yet the stage; a curator never holds it.
    const tooEarly = { anonymous: 'login', other: 404, buyerMember: 409, buyerAdmin: 409, sellerMember: 409, curator: 403 } as const;
    await tryAll(deal, { intent: 'propose_nda' }, tooEarly);
    await tryAll(deal, terms('1.000.000.000', [['1.000.000.000', 'Khi ký hợp đồng', 'Toàn bộ tài liệu']]), tooEarly);
    expect(await versionOf(deal)).toBe(2);
    expect((await market.db.selectFrom('term_sheets').select('id').where('deal_id', '=', deal).execute()).length).toBe(0);
  });

  it('accept and decline: the owner (the seller here) only', async () => {
    const owner = { anonymous: 'login', other: 404, buyerMember: 403, buyerAdmin: 403, curator: 403, sellerMember: 200 } as const;
    await tryAll(await openDeal('Thiết bị sục khí tiết kiệm điện'), { intent: 'accept' }, owner, ['sellerMember']);
    await tryAll(await openDeal('Quy trình ủ phân hữu cơ từ phụ phẩm'), { intent: 'decline', declineReason: 'price', reason: 'Giá chưa phù hợp' }, owner, ['sellerMember']);
  });

  it('withdraw: either side with a reason; terminate: a curator only', async () => {
    await tryAll(
      await openDeal('Hệ thống quan trắc nước tự động'),
      { intent: 'withdraw', reason: 'Đã chọn giải pháp khác' },
      { anonymous: 'login', other: 404, curator: 403, buyerAdmin: 200 },
      ['buyerAdmin'],
    );
    await tryAll(
      await openDeal('Vật liệu hấp phụ kim loại nặng'),
      { intent: 'terminate', reason: 'Trùng lặp với thương vụ khác' },
      { anonymous: 'login', other: 404, buyerMember: 403, buyerAdmin: 403, sellerMember: 403, curator: 200 },
      ['curator'],
    );
  });

  it('refuses an unknown intent or a post without the version, and a page older than the deal', async () => {
    const deal = await openDeal('Đèn LED dẫn dụ cá tiết kiệm nhiên liệu');
    const unknown = await call('sellerMember', 'POST', `/deals/${deal}`, { intent: 'approve', version: await versionOf(deal) });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Biểu mẫu yêu cầu một thao tác mà trang này không có.');
    expect((await call('sellerMember', 'POST', `/deals/${deal}`, { intent: 'accept' })).status).toBe(400);
    const old = await call('sellerMember', 'POST', `/deals/${deal}`, { intent: 'accept', version: (await versionOf(deal)) - 1 });
    expect(old.status).toBe(409);
    expect(old.text).toContain('Đã có người thay đổi nội dung này trong lúc bạn thao tác');
    expect((await market.db.selectFrom('deals').select('stage').where('id', '=', deal).executeTakeFirstOrThrow()).stage).toBe('inquiry');
  });
});

describe('bad input', () => {
  it('on the interest form: 400 with the fields explained in Vietnamese, and no deal', async () => {
    const offer = await newOffer('Công nghệ sấy lạnh nông sản');
    const count = async () => (await market.db.selectFrom('deals').select('id').where('listing_id', '=', offer).execute()).length;
    const res = await call('buyerMember', 'POST', `/listings/${offer}/interest`, { cooperation: 'Ngắn', unclear: '', aboutUs: '', transferMode: 'mua_dut', priceIndication: 'một tỷ' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('ít nhất 10 ký tự');
    expect(res.text).toContain('hãy chọn một hình thức chuyển giao');
    expect(res.text).toContain('một số tiền nguyên, tính bằng đồng, ví dụ 1.500.000.000');
    // What was typed stays in the form.
    expect(res.text).toContain('một tỷ');
    expect(await count()).toBe(0);
  });

  it('on the term-sheet form: 400 with field errors, milestones that must add up, and no version written', async () => {
    const deal = await openDeal('Men vi sinh cho thức ăn thủy sản');
    await call('sellerMember', 'POST', `/deals/${deal}`, { intent: 'accept', version: await versionOf(deal) });
    const sheets = async () => (await market.db.selectFrom('term_sheets').select('id').where('deal_id', '=', deal).execute()).length;
    const version = await versionOf(deal);

    const fields = await call('buyerMember', 'POST', `/deals/${deal}`, { ...terms('', [['', '', '']]), territory: '', durationMonths: 'ba năm', version });
    expect(fields.status).toBe(400);
    expect(fields.text).toContain('ít nhất 2 ký tự');
    expect(fields.text).toContain('giá trị không hợp lệ');
    expect(fields.text).toContain('bắt buộc');
    expect(fields.text).toContain('hãy chọn ít nhất 1');

    const sum = await call('buyerMember', 'POST', `/deals/${deal}`, { ...terms('1.000.000.000', [['300.000.000', 'Khi ký', 'Tài liệu'], ['600.000.000', 'Khi nghiệm thu', 'Thiết bị']]), version });
    expect(sum.status).toBe(400);
    expect(sum.text).toContain('các đợt thanh toán cộng lại 900.000.000 ₫, phải bằng giá 1.000.000.000 ₫');
    // The typed amounts come back to be corrected, not typed again.
    expect(sum.text).toContain('value="600.000.000"');

    expect(await sheets()).toBe(0);
    expect(await versionOf(deal)).toBe(version);
  });

  it('on the decline and withdraw forms: a coded reason, a reason written', async () => {
    const deal = await openDeal('Phần mềm truy xuất nguồn gốc tôm');
    const decline = await call('sellerMember', 'POST', `/deals/${deal}`, { intent: 'decline', declineReason: 'khong_thich', reason: '', version: await versionOf(deal) });
    expect(decline.status).toBe(400);
    expect(decline.text).toContain('hãy chọn một trong các lựa chọn');
    const withdraw = await call('buyerMember', 'POST', `/deals/${deal}`, { intent: 'withdraw', reason: '  ', version: await versionOf(deal) });
    expect(withdraw.status).toBe(400);
    expect(withdraw.text).toContain('bắt buộc');
    expect((await market.db.selectFrom('deals').select('stage').where('id', '=', deal).executeTakeFirstOrThrow()).stage).toBe('inquiry');
  });
});

describe('files in the thread', () => {
  type Expect = number | 'login';
  const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  async function post(who: Who, deal: string, body: string, file?: { name: string; type: string; bytes: Uint8Array }) {
    const form = new FormData();
    form.set('intent', 'message');
    form.set('body', body);
    if (file) form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const res = await fetch(`${server.url}/deals/${deal}`, { method: 'POST', body: form, headers: { cookie: cookies[who]! }, redirect: 'manual' });
    return { status: res.status, text: await res.text() };
  }

  it('sends a file with a message, seen and downloaded by the two sides and curators only', async () => {
    const deal = await openDeal('Màng lọc gốm cho nước cấp nông thôn');
    const sent = await post('sellerMember', deal, 'Gửi quý công ty bản tóm tắt kỹ thuật.', { name: 'Tóm tắt kỹ thuật.pdf', type: 'application/pdf', bytes: PDF });
    expect(sent.status).toBe(200);
    const page = (await call('buyerMember', 'GET', `/deals/${deal}`)).text;
    const link = /href="(\/deals\/[^"]+\/files\/[^"]+)" download="">([^<]+)</.exec(page);
    expect(link, 'a download link in the timeline').not.toBeNull();
    expect(link![2]).toBe('Tóm tắt kỹ thuật.pdf');
    const expected: Record<Who, Expect> = { anonymous: 'login', other: 404, buyerMember: 200, buyerAdmin: 200, sellerMember: 200, sellerAdmin: 200, curator: 200 };
    for (const who of Object.keys(expected) as Who[]) {
      const res = await fetch(`${server.url}${link![1]}`, { headers: cookies[who] ? { cookie: cookies[who]! } : {}, redirect: 'manual' });
      if (expected[who] === 'login') expect(res.status, who).toBe(302);
      else expect(res.status, who).toBe(expected[who]);
      if (res.status === 200) {
        expect(res.headers.get('content-disposition'), who).toMatch(/^attachment;/);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
      } else await res.arrayBuffer();
    }
    // The same file id under another deal is not found.
    const elsewhere = await openDeal('Bộ kit xét nghiệm nhanh vi khuẩn');
    expect((await fetch(`${server.url}${link![1]!.replace(deal, elsewhere)}`, { headers: { cookie: cookies.buyerMember! } })).status).toBe(404);
  });

  it('refuses a file whose bytes are not an accepted type, or too large, with nothing written', async () => {
    const deal = await openDeal('Chế phẩm sinh học khử mùi chuồng trại');
    const messages = async () => (await market.db.selectFrom('deal_messages').select('id').where('deal_id', '=', deal).execute()).length;
    const html = await post('buyerMember', deal, 'Tài liệu kèm theo', { name: 'bao-cao.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>') });
    expect(html.status).toBe(400);
    expect(html.text).toContain('chỉ nhận PDF, PNG, JPEG, DOCX hoặc PPTX');
    // What was typed stays in the form.
    expect(html.text).toContain('Tài liệu kèm theo');
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    const large = await post('buyerMember', deal, 'Bản vẽ', { name: 'ban-ve.pdf', type: 'application/pdf', bytes: big });
    expect(large.status).toBe(413);
    expect(large.text).toContain('tối đa 5 MB');
    expect(await messages()).toBe(0);
    expect((await market.db.selectFrom('deal_files').select('id').where('deal_id', '=', deal).execute()).length).toBe(0);
    // A message without a file is still a message, as a browser sends an empty file input.
    expect((await post('buyerMember', deal, 'Chỉ có lời nhắn', { name: '', type: 'application/octet-stream', bytes: new Uint8Array() })).status).toBe(200);
    expect(await messages()).toBe(1);
  });
});
