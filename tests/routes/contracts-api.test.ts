// The contracts and milestones API over HTTP: a deal agreed through the deals API, its contract
// completed and signed by both sides, its PDF, a milestone paid by reported transfer, delivered
// and accepted; the same 400/401/403/404/409 answers as the rest of the API, in the caller's
// language; and who may read or do what, on the API and on the pages, cell by cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { vietQrForAccount } from '../../app/domain/vietqr.js';
import { languageCookie } from '../../app/i18n/language.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { SHRIMP_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';
import { signPdf, signingIdentity } from '../support/sign-pdf.js';

type Who = 'anonymous' | 'buyerMember' | 'buyerAdmin' | 'sellerMember' | 'sellerAdmin' | 'other' | 'curator';
type Person = Exclude<Who, 'anonymous'>;
const EVERYONE: Who[] = ['anonymous', 'buyerMember', 'buyerAdmin', 'sellerMember', 'sellerAdmin', 'other', 'curator'];
const PASSWORD = 'mat-khau-thu-nghiem';
const EMAILS: Record<Person, string> = {
  buyerMember: 'nv@tom-api-hd.vn',
  buyerAdmin: 'gd@tom-api-hd.vn',
  sellerMember: 'nv@vien-api-hd.vn',
  sellerAdmin: 'vt@vien-api-hd.vn',
  other: 'gd@khac-api-hd.vn',
  curator: 'cb@so-api-hd.vn',
};

const INTEREST = { cooperation: 'Chuyển giao trọn gói cho trại tôm ở Cà Mau.', aboutUs: 'Công ty nuôi tôm, 120 ha ao nuôi.', transferMode: 'turnkey' };
const TERMS = {
  subject: 'Chuyển giao hệ thống MBR xử lý nước thải ao tôm',
  transferMode: 'turnkey',
  exclusive: false,
  territory: 'Cà Mau',
  fieldOfUse: 'Nuôi trồng thủy sản',
  durationMonths: 24,
  price: 1_500_000_000,
  warranty: '12 tháng',
  milestones: [
    { amount: 600_000_000, condition: 'Khi ký hợp đồng', deliverable: 'Thiết kế chi tiết' },
    { amount: 900_000_000, condition: 'Khi nghiệm thu', deliverable: 'Hệ thống vận hành' },
  ],
  disputeResolution: 'mediation',
  validDays: 14,
};
const SELLER_DETAILS = { address: '1 Đại Cồ Việt, Hà Nội', legalRepresentative: 'Trần Thị Bình', representativeTitle: 'Viện trưởng', ipNumber: '1-0012345' };
const BUYER_DETAILS = { address: 'Khóm 5, Phường 8, TP. Cà Mau', legalRepresentative: 'Lê Văn Cường', representativeTitle: 'Giám đốc' };

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let lab: string;
const cookies: Partial<Record<Who, string>> = {};

/** A JSON call as a program makes it; `headers` may add a language. */
async function api(who: Who, method: 'GET' | 'POST', p: string, body?: unknown, headers: Record<string, string> = {}) {
  const sent: Record<string, string> = { ...headers };
  if (body !== undefined) sent['content-type'] = 'application/json';
  const cookie = [cookies[who], headers.cookie].filter(Boolean).join('; ');
  if (cookie) sent.cookie = cookie;
  const res = await fetch(`${server.url}${p}`, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
  const json = (res.headers.get('content-type') ?? '').includes('application/json');
  return { status: res.status, headers: res.headers, body: (json ? await res.json() : await res.arrayBuffer()) as any };
}

/** A page or a plain form post, as a browser without JavaScript makes it. */
async function page(who: Who, method: 'GET' | 'POST', p: string, form?: Record<string, string | number>) {
  const headers: Record<string, string> = cookies[who] ? { cookie: cookies[who]! } : {};
  const body = form ? new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])) : undefined;
  const res = await fetch(`${server.url}${p}`, { method, headers, body, redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get('location') };
}

/** A page form with a file (multipart), as the contract page's digital signature sends it. */
async function upload(who: Who, p: string, fields: Record<string, string | number>, file: Buffer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
  form.set('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), 'hop-dong-da-ky.pdf');
  const res = await fetch(`${server.url}${p}`, { method: 'POST', headers: cookies[who] ? { cookie: cookies[who]! } : {}, body: form, redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get('location') };
}

const langCookie = async (lang: 'vi' | 'en') => (await languageCookie.serialize(lang)).split(';')[0]!;
const VI = { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.5' };

const contractNow = (id: string) => market.db.selectFrom('contracts').select(['version', 'content_sha256', 'stage']).where('id', '=', id).executeTakeFirstOrThrow();
const milestoneNow = (id: string) => market.db.selectFrom('milestones').select(['version', 'stage']).where('id', '=', id).executeTakeFirstOrThrow();

/** A deal agreed through the deals API: its contract's id. */
async function agreedContract(): Promise<string> {
  const offer = (await importPublishedListings(market.ctx, lab, [SHRIMP_OFFER])).ids[0]!;
  const deal = (await api('buyerMember', 'POST', '/api/v1/my/deals', { listingId: offer, ...INTEREST })).body.data.id as string;
  const transitions = `/api/v1/my/deals/${deal}/transitions`;
  expect((await api('sellerAdmin', 'POST', transitions, { name: 'accept' })).status).toBe(200);
  expect((await api('buyerMember', 'POST', transitions, { name: 'propose_terms', terms: TERMS })).status).toBe(200);
  expect((await api('sellerAdmin', 'POST', transitions, { name: 'accept_terms', termsVersion: 1 })).status).toBe(200);
  return (await api('buyerMember', 'GET', `/api/v1/my/deals/${deal}`)).body.data.contract.id as string;
}

/** Both sides complete their details through the API: a contract with no blanks left, not signed. */
async function completedContract(): Promise<string> {
  const id = await agreedContract();
  expect((await api('sellerAdmin', 'POST', `/api/v1/my/contracts/${id}/transitions`, { name: 'revise', ...SELLER_DETAILS })).status).toBe(200);
  expect((await api('buyerAdmin', 'POST', `/api/v1/my/contracts/${id}/transitions`, { name: 'revise', ...BUYER_DETAILS })).status).toBe(200);
  return id;
}

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  const sme = await createOrganisation(market.db, { slug: 'tom-api-hd', name: 'Công ty Tôm API', type: 'enterprise', taxCode: '0100109106' });
  lab = await createOrganisation(market.db, { slug: 'vien-api-hd', name: 'Viện Màng Lọc API', type: 'institute', taxCode: '0001000027' });
  const other = await createOrganisation(market.db, { slug: 'khac-api-hd', name: 'Công ty Khác API', type: 'enterprise', taxCode: '0001000034' });
  const agency = await createOrganisation(market.db, { slug: 'so-api-hd', name: 'Sở KH&CN API', type: 'agency', taxCode: '0001000041' });
  const orgOf: Record<Person, [string, 'member' | 'admin']> = {
    buyerMember: [sme, 'member'],
    buyerAdmin: [sme, 'admin'],
    sellerMember: [lab, 'member'],
    sellerAdmin: [lab, 'admin'],
    other: [other, 'admin'],
    curator: [agency, 'member'],
  };
  for (const [who, [organisationId, role]] of Object.entries(orgOf)) await createUser(market.db, { email: EMAILS[who as Person], name: `Người ${who}`, organisationId, role, passwordHash });
  await market.db.insertInto('bank_accounts').values({ organisation_id: lab, bank_code: 'ACB', account_number: '257678859', holder_name: 'VIEN MANG LOC' }).execute();
  server = await startTestServer(market.ctx);
  for (const who of Object.keys(EMAILS) as Person[]) {
    const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: EMAILS[who], password: PASSWORD }), redirect: 'manual' });
    cookies[who] = res.headers.get('set-cookie')!.split(';')[0]!;
  }
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('a contract through the API, from the agreed deal to an accepted milestone', () => {
  it('is completed and signed by both sides, read as a PDF, and its first milestone paid, delivered and accepted', async () => {
    const id = await agreedContract();
    const transitions = `/api/v1/my/contracts/${id}/transitions`;

    // Read: the signer sees its own blanks and may revise; a member without signing authority may not.
    const draft = (await api('sellerAdmin', 'GET', `/api/v1/my/contracts/${id}`)).body.data;
    expect(draft).toMatchObject({ id, stage: 'draft', party: 'seller', signatures: [], milestones: [] });
    expect(draft.transitions).toEqual(expect.arrayContaining(['revise', 'sign']));
    expect(draft.number).toMatch(/^OTX-\d{4}-\d{6}$/);
    expect(draft.gaps.length).toBeGreaterThan(0);
    expect(draft.ownDetails).toEqual({ address: '', legalRepresentative: '', representativeTitle: '', ipNumber: null, stateFunded: false });
    expect((await api('sellerMember', 'GET', `/api/v1/my/contracts/${id}`)).body.data).toMatchObject({ party: 'seller', ownDetails: null, transitions: [] });

    // Signing over blanks, and details that break the form's rules: 400, nothing changes.
    const early = await api('sellerAdmin', 'POST', transitions, { name: 'sign', typedName: 'Trần Thị Bình', contentSha256: draft.contentSha256 }, VI);
    expect(early).toMatchObject({ status: 400, body: { code: 'contract_incomplete' } });
    expect(early.body.fields.form[0]).toContain('Hợp đồng còn chỗ trống (địa chỉ bên giao');
    const bad = await api('sellerAdmin', 'POST', transitions, { name: 'revise', address: '', legalRepresentative: 'B', representativeTitle: 'Viện trưởng' }, VI);
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ address: ['ít nhất 5 ký tự'], legalRepresentative: ['ít nhất 2 ký tự'] });
    const notBoolean = await api('sellerAdmin', 'POST', transitions, { name: 'revise', ...SELLER_DETAILS, stateFunded: 'maybe' }, VI);
    expect(notBoolean.status).toBe(400);
    expect(Object.keys(notBoolean.body.fields)).toEqual(['stateFunded']);
    expect((await api('sellerAdmin', 'POST', transitions, { name: 'sign_digital', typedName: 'X', contentSha256: draft.contentSha256 })).body).toMatchObject({ code: 'unknown_intent' });
    expect((await contractNow(id)).version).toBe(draft.version);

    // Both sides complete their details, each with the version it read: each completion is a new version.
    const seller = await api('sellerAdmin', 'POST', transitions, { name: 'revise', version: draft.version, ...SELLER_DETAILS });
    expect(seller).toMatchObject({ status: 200, body: { data: { id, name: 'revise', from: 'draft', status: 'draft', version: draft.version + 1 } } });
    const stale = await api('buyerAdmin', 'POST', transitions, { name: 'revise', version: draft.version, ...BUYER_DETAILS }, VI);
    expect(stale).toMatchObject({ status: 409, body: { code: 'changed_meanwhile' } });
    expect(stale.body.error).toContain('tải lại trang');
    expect((await api('buyerAdmin', 'POST', transitions, { name: 'revise', version: draft.version + 1, ...BUYER_DETAILS })).status).toBe(200);
    const complete = (await api('buyerAdmin', 'GET', `/api/v1/my/contracts/${id}`)).body.data;
    expect(complete).toMatchObject({ gaps: [], contentVersion: draft.contentVersion + 2 });
    expect(complete.ownDetails).toEqual({ ...BUYER_DETAILS, ipNumber: null, stateFunded: null });
    expect(complete.contentSha256).not.toBe(draft.contentSha256);

    // A signature of content read before the last change: 409 contract_changed, in English by the cookie.
    const en = { cookie: await langCookie('en'), ...VI };
    const old = await api('sellerAdmin', 'POST', transitions, { name: 'sign', typedName: 'Trần Thị Bình', contentSha256: draft.contentSha256 }, en);
    expect(old).toMatchObject({ status: 409, body: { code: 'contract_changed' } });
    expect(old.body.error).toBe(`The contract has a newer version ${complete.contentVersion} than the one you read: read the new version, then sign.`);

    // The first signature, then the second makes the contract signed and its milestones fall due.
    const first = await api('sellerAdmin', 'POST', transitions, { name: 'sign', version: complete.version, typedName: 'Trần Thị Bình', contentSha256: complete.contentSha256 });
    expect(first).toMatchObject({ status: 200, body: { data: { name: 'sign', status: 'draft' } } });
    const second = await api('buyerAdmin', 'POST', transitions, { name: 'sign', typedName: 'Lê Văn Cường', contentSha256: complete.contentSha256 });
    expect(second).toMatchObject({ status: 200, body: { data: { name: 'countersign', from: 'draft', status: 'signed' } } });
    const signed = (await api('buyerMember', 'GET', `/api/v1/my/contracts/${id}`)).body.data;
    expect(signed.stage).toBe('signed');
    expect(signed.signatures.map((s: { party: string; typedName: string; method: string }) => [s.party, s.typedName, s.method])).toEqual([
      ['seller', 'Trần Thị Bình', 'click'],
      ['buyer', 'Lê Văn Cường', 'click'],
    ]);

    // The PDF of the version signed, its hash in a header.
    const pdf = await api('buyerMember', 'GET', `/api/v1/my/contracts/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-content-sha256')).toBe(complete.contentSha256);
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${complete.number}-v${complete.contentVersion}.pdf"`);
    expect(Buffer.from(pdf.body as ArrayBuffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The milestones, as the contract lists them.
    const milestones = await api('sellerMember', 'GET', `/api/v1/my/contracts/${id}/milestones`);
    expect(milestones.status).toBe(200);
    expect(milestones.body.data.map((m: { number: number; amount: number; stage: string }) => [m.number, m.amount, m.stage])).toEqual([
      [1, 600_000_000, 'due'],
      [2, 900_000_000, 'due'],
    ]);
    expect(milestones.body.data).toEqual(signed.milestones);
    const m1 = milestones.body.data[0] as { id: string; version: number; transferReference: string };
    const mPath = `/api/v1/my/milestones/${m1.id}`;

    // The buyer sees the seller's account and the VietQR payload (no picture); the seller does not need it.
    const toPay = (await api('buyerMember', 'GET', mPath)).body.data;
    expect(toPay).toMatchObject({ id: m1.id, number: 1, stage: 'due', party: 'buyer', contractId: id, contractStage: 'signed', transitions: ['report_transfer'] });
    expect(toPay.bankTransfer).toEqual({
      bankName: expect.stringContaining('ACB'),
      accountNumber: '257678859',
      holderName: 'VIEN MANG LOC',
      qrPayload: vietQrForAccount({ bankCode: 'ACB', accountNumber: '257678859', holderName: 'VIEN MANG LOC' }, { amount: 600_000_000, purpose: m1.transferReference }),
    });
    expect(toPay.bankTransfer.qrPayload).toMatch(/^000201.*257678859/);
    expect((await api('sellerAdmin', 'GET', mPath)).body.data).toMatchObject({ bankTransfer: null, transitions: [] });

    // Report the transfer, confirm it, deliver (a note is required), accept.
    const step = async (who: Who, name: string, body: Record<string, unknown> = {}) => api(who, 'POST', `${mPath}/transitions`, { name, ...body }, VI);
    expect(await step('buyerMember', 'report_transfer', { version: m1.version, note: 'UNC số 123' })).toMatchObject({ status: 200, body: { data: { name: 'report_transfer', status: 'transfer_reported' } } });
    expect(await step('buyerMember', 'report_transfer', { version: m1.version })).toMatchObject({ status: 409, body: { code: 'changed_meanwhile' } });
    expect(await step('sellerAdmin', 'confirm_receipt')).toMatchObject({ status: 200, body: { data: { status: 'paid' } } });
    const noNote = await step('sellerAdmin', 'deliver');
    expect(noNote).toMatchObject({ status: 400, body: { fields: { note: ['bắt buộc'] } } });
    expect(await step('sellerAdmin', 'deliver', { note: 'Bản vẽ thiết kế chi tiết' })).toMatchObject({ status: 200, body: { data: { status: 'delivered' } } });
    expect(await step('buyerAdmin', 'accept')).toMatchObject({ status: 200, body: { data: { from: 'delivered', status: 'accepted' } } });
    const done = (await api('buyerMember', 'GET', mPath)).body.data;
    expect(done).toMatchObject({ stage: 'accepted', transitions: [], bankTransfer: null });
    expect(done.payments).toEqual([{ provider: 'bank_transfer', status: 'confirmed', amount: 600_000_000, at: expect.any(String) }]);
    expect(done.history.map((h: { action: string }) => h.action)).toEqual(['report_transfer', 'confirm_receipt', 'deliver', 'accept']);
    expect(done.history[0].note).toBe('UNC số 123');
    // The contract is being performed: it is not re-made any more.
    expect(await api('sellerAdmin', 'POST', transitions, { name: 'revise', ...SELLER_DETAILS })).toMatchObject({ status: 409, body: { code: 'contract_wrong_stage' } });
  });
});

describe('the API’s refusals', () => {
  it('answer 400, 401, 403, 404, 405 and 409 with a sentence in the caller’s language and a code for programs', async () => {
    const id = await completedContract();
    const transitions = `/api/v1/my/contracts/${id}/transitions`;
    const { content_sha256: sha } = await contractNow(id);
    const en = { cookie: await langCookie('en') };
    // Without a language a program gets English; Accept-Language or the site's cookie choose, the cookie first.
    const cases: [string, Awaited<ReturnType<typeof api>>, Awaited<ReturnType<typeof api>>, Awaited<ReturnType<typeof api>>][] = [
      ['401', await api('anonymous', 'GET', `/api/v1/my/contracts/${id}`, undefined, VI), await api('anonymous', 'GET', `/api/v1/my/contracts/${id}`), await api('anonymous', 'GET', `/api/v1/my/contracts/${id}`, undefined, { ...VI, ...en })],
      ['404', await api('other', 'GET', `/api/v1/my/contracts/${id}`, undefined, VI), await api('other', 'GET', `/api/v1/my/contracts/${id}`), await api('other', 'GET', `/api/v1/my/contracts/${id}`, undefined, { ...VI, ...en })],
    ];
    for (const [status, vi, plain, cookie] of cases) {
      expect([vi.status, plain.status, cookie.status], status).toEqual([Number(status), Number(status), Number(status)]);
      expect(plain.body.error, status).toBe(cookie.body.error);
      expect(vi.body.error, status).not.toBe(plain.body.error);
    }
    expect(cases[0]![1].body).toEqual({ error: 'Hãy đăng nhập trước.', code: 'sign_in_first' });
    expect(cases[0]![2].body).toEqual({ error: 'Sign in first.', code: 'sign_in_first' });
    expect(cases[1]![1].body).toEqual({ error: `Không có hợp đồng nào với mã “${id}”.`, code: 'not_found' });
    expect(cases[1]![2].body).toEqual({ error: `No contract with id “${id}”.`, code: 'not_found' });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await api('buyerMember', 'GET', `/api/v1/my/milestones/${missing}`, undefined, VI)).body).toEqual({ error: `Không có đợt thanh toán nào với mã “${missing}”.`, code: 'not_found' });
    expect((await api('buyerMember', 'GET', '/api/v1/my/contracts/not-a-contract/pdf')).status).toBe(404);

    // 403: a member without signing authority.
    const sign = { name: 'sign', typedName: 'Nguyễn Văn A', contentSha256: sha };
    const forbiddenVi = await api('buyerMember', 'POST', transitions, sign, VI);
    expect(forbiddenVi).toMatchObject({ status: 403, body: { code: 'forbidden_signer' } });
    expect(forbiddenVi.body.error).toContain('Chỉ người có thẩm quyền ký');
    expect((await api('buyerMember', 'POST', transitions, sign, en)).body.error).toContain('Only an authorised signer');

    // 400: the fields by name, in the language; an unreadable body; an unknown action.
    const badEn = await api('buyerAdmin', 'POST', transitions, { name: 'revise', address: 'x', legalRepresentative: 'Lê Văn Cường', representativeTitle: '' }, en);
    expect(badEn).toMatchObject({ status: 400, body: { error: 'Invalid input: see `fields` for each field.', fields: { address: ['at least 5 characters'], representativeTitle: ['at least 2 characters'] } } });
    expect((await api('buyerAdmin', 'POST', transitions, { name: 'revise', version: 'old', ...BUYER_DETAILS }, en)).body.fields).toEqual({ version: ['not a valid value'] });
    const notJson = await fetch(`${server.url}${transitions}`, { method: 'POST', headers: { cookie: cookies.buyerAdmin!, 'content-type': 'application/json', ...VI }, body: '{name:' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { fields: unknown }).fields).toEqual({ body: ['nội dung gửi lên không phải JSON hợp lệ'] });
    expect((await api('buyerAdmin', 'POST', transitions, { name: 'approve' })).body).toMatchObject({ code: 'unknown_intent' });
    expect((await api('buyerAdmin', 'POST', transitions, { typedName: 'Lê Văn Cường' })).body).toMatchObject({ code: 'unknown_intent' });

    // 405: reading a transitions address, posting to a read.
    expect((await api('buyerAdmin', 'GET', transitions)).status).toBe(405);
    expect((await api('buyerAdmin', 'POST', `/api/v1/my/contracts/${id}`, {})).status).toBe(405);

    // 409: the version read is gone, and a milestone not at that step; in either language.
    const { version } = await contractNow(id);
    const staleEn = await api('sellerAdmin', 'POST', transitions, { name: 'revise', version: version - 1, ...SELLER_DETAILS }, en);
    expect(staleEn).toMatchObject({ status: 409, body: { code: 'changed_meanwhile', error: 'Somebody changed this in the meantime: reload the page to see its current state, then try again.' } });
    expect((await api('sellerAdmin', 'POST', transitions, sign)).status).toBe(200);
    expect((await api('buyerAdmin', 'POST', transitions, sign)).status).toBe(200);
    const [m1] = (await api('buyerAdmin', 'GET', `/api/v1/my/contracts/${id}/milestones`)).body.data as { id: string }[];
    const early = await api('buyerAdmin', 'POST', `/api/v1/my/milestones/${m1!.id}/transitions`, { name: 'accept' }, VI);
    expect(early).toMatchObject({ status: 409, body: { code: 'milestone_wrong_stage' } });
    expect(early.body.error).toContain('Không thể làm việc này khi đợt thanh toán đang ở trạng thái');
  });
});

describe('the permission matrix of contracts and milestones, on the API and the pages', () => {
  /** The expected answer of a page: a status, or the login page for anonymous callers. */
  type PageAnswer = number | 'login';
  const expectPage = (answer: { status: number; location: string | null }, expected: PageAnswer, label: string) => {
    if (expected === 'login') {
      expect(answer.status, label).toBe(302);
      expect(answer.location ?? '', label).toMatch(/^\/login\?redirectTo=/);
    } else expect(answer.status, label).toBe(expected);
  };

  /** Reading: the two organisations (every member) and curators; nobody else learns it exists. */
  const READ: Record<Who, [api: number, page: PageAnswer]> = {
    anonymous: [401, 'login'],
    buyerMember: [200, 200],
    buyerAdmin: [200, 200],
    sellerMember: [200, 200],
    sellerAdmin: [200, 200],
    other: [404, 404],
    curator: [200, 200],
  };

  async function expectReads(contract: string, milestone: string) {
    for (const who of EVERYONE) {
      const [apiStatus, pageStatus] = READ[who];
      const apiCalls = [`/api/v1/my/contracts/${contract}`, `/api/v1/my/contracts/${contract}/pdf`, `/api/v1/my/contracts/${contract}/milestones`, `/api/v1/my/milestones/${milestone}`];
      const pages = [`/contracts/${contract}`, `/contracts/${contract}/pdf`, `/milestones/${milestone}`];
      for (const p of apiCalls) expect((await api(who, 'GET', p)).status, `${who} GET ${p}`).toBe(apiStatus);
      for (const p of pages) expectPage(await page(who, 'GET', p), pageStatus, `${who} GET ${p}`);
    }
  }

  it('answers each person as the access rules say, for every contract and milestone call and page', async () => {
    const id = await completedContract();
    const apiPath = `/api/v1/my/contracts/${id}/transitions`;

    // Revising a complete draft: the signers of either side (each time a new version); the API
    // without a version, the page with the version it showed.
    const REVISE: Record<Who, [api: number, page: PageAnswer]> = {
      anonymous: [401, 'login'],
      buyerMember: [403, 403],
      buyerAdmin: [200, 200],
      sellerMember: [403, 403],
      sellerAdmin: [200, 200],
      other: [404, 404],
      curator: [403, 403],
    };
    for (const who of EVERYONE) {
      const details = who.startsWith('seller') ? SELLER_DETAILS : BUYER_DETAILS;
      expect((await api(who, 'POST', apiPath, { name: 'revise', ...details })).status, `${who} API revise`).toBe(REVISE[who][0]);
      const { version } = await contractNow(id);
      expectPage(await page(who, 'POST', `/contracts/${id}`, { intent: 'revise', version, ...details }), REVISE[who][1], `${who} page revise`);
    }

    // Signing: only a signer of a side that has not signed, by click (API and page) or by the
    // generated PDF signed digitally (page). The others are refused first — the digital door with
    // a PDF that is the contract, properly signed, so what refuses them is who they are — then the
    // seller's admin signs digitally on the page and the buyer's admin countersigns by the API.
    const signNow = async () => {
      const c = await contractNow(id);
      return { typedName: 'Người ký', contentSha256: c.content_sha256!, version: c.version };
    };
    const pdf = Buffer.from((await api('sellerAdmin', 'GET', `/api/v1/my/contracts/${id}/pdf`)).body as ArrayBuffer);
    const signedPdf = await signPdf(pdf, signingIdentity({ commonName: 'Trần Thị Bình', organisation: 'Viện Màng Lọc API' }));
    const signDigitally = async (who: Who) => upload(who, `/contracts/${id}`, { intent: 'sign_digital', ...(await signNow()) }, signedPdf);
    const SIGN_REFUSED: Partial<Record<Who, [api: number, page: PageAnswer, digital: PageAnswer]>> = {
      anonymous: [401, 'login', 'login'],
      buyerMember: [403, 403, 403],
      sellerMember: [403, 403, 403],
      other: [404, 404, 404],
      curator: [403, 403, 403],
    };
    for (const [who, [apiStatus, pageStatus, digitalStatus]] of Object.entries(SIGN_REFUSED) as [Who, [number, PageAnswer, PageAnswer]][]) {
      const { version: _v, ...sign } = await signNow();
      expect((await api(who, 'POST', apiPath, { name: 'sign', ...sign })).status, `${who} API sign`).toBe(apiStatus);
      expectPage(await page(who, 'POST', `/contracts/${id}`, { intent: 'sign', ...(await signNow()) }), pageStatus, `${who} page sign`);
      expectPage(await signDigitally(who), digitalStatus, `${who} page sign_digital`);
    }
    // Another organisation learns nothing of the contract whatever it sends, even no file at all.
    expectPage(await upload('other', `/contracts/${id}`, { intent: 'sign_digital', ...(await signNow()) }, Buffer.alloc(0)), 404, 'other page sign_digital without a file');
    expectPage(await signDigitally('sellerAdmin'), 200, 'sellerAdmin page sign_digital');
    // A side that has signed hears so (409 already_signed), through any door.
    expect((await api('sellerAdmin', 'POST', apiPath, { name: 'sign', ...(await signNow()) })).status, 'sellerAdmin API sign again').toBe(409);
    expectPage(await page('sellerAdmin', 'POST', `/contracts/${id}`, { intent: 'sign', ...(await signNow()) }), 409, 'sellerAdmin page sign again');
    expect((await api('buyerAdmin', 'POST', apiPath, { name: 'sign', ...(await signNow()) })).status, 'buyerAdmin API countersign').toBe(200);
    expectPage(await page('buyerAdmin', 'POST', `/contracts/${id}`, { intent: 'sign', ...(await signNow()) }), 409, 'buyerAdmin page sign again');
    expectPage(await signDigitally('buyerAdmin'), 409, 'buyerAdmin page sign_digital again');
    expect((await market.db.selectFrom('contract_signatures').select(['party', 'method']).where('contract_id', '=', id).where('voided_at', 'is', null).orderBy('signed_at').execute())).toEqual([
      { party: 'seller', method: 'digital' },
      { party: 'buyer', method: 'click' },
    ]);
    expect((await contractNow(id)).stage).toBe('signed');

    // Reading the contract, its PDF and its milestones, and a milestone (access does not change with the stage).
    const milestone = ((await api('buyerMember', 'GET', `/api/v1/my/contracts/${id}/milestones`)).body.data as { id: string }[])[0]!.id;
    await expectReads(id, milestone);

    // Every milestone step through both doors, the API (no version) and the page (the version it
    // showed). Each row: the wrong side 403, another organisation 404, anonymous 401 (the login
    // page on the page), all tried through both before the step is taken; then the one marked 200
    // takes it through `by`, and those marked 409 — the right side, the milestone having moved on
    // (or not being there yet) — are refused through both.
    const mApi = `/api/v1/my/milestones/${milestone}/transitions`;
    const mPage = `/milestones/${milestone}`;
    type Door = 'api' | 'page';
    const act = async (who: Who, door: Door, name: string, note: string) => {
      if (door === 'api') return { status: (await api(who, 'POST', mApi, { name, note })).status, location: null };
      return page(who, 'POST', mPage, { intent: name, note, version: (await milestoneNow(milestone)).version });
    };
    const STEPS: { name: string; by: Door; note?: string; expected: Record<Who, 200 | 401 | 403 | 404 | 409> }[] = [
      { name: 'report_transfer', by: 'api', expected: { anonymous: 401, buyerMember: 200, buyerAdmin: 409, sellerMember: 403, sellerAdmin: 403, other: 404, curator: 403 } },
      { name: 'report_not_received', by: 'page', note: 'Chưa thấy tiền về', expected: { anonymous: 401, buyerMember: 403, buyerAdmin: 403, sellerMember: 409, sellerAdmin: 200, other: 404, curator: 403 } },
      { name: 'report_transfer', by: 'page', expected: { anonymous: 401, buyerMember: 409, buyerAdmin: 200, sellerMember: 403, sellerAdmin: 403, other: 404, curator: 403 } },
      { name: 'confirm_receipt', by: 'api', expected: { anonymous: 401, buyerMember: 403, buyerAdmin: 403, sellerMember: 200, sellerAdmin: 409, other: 404, curator: 403 } },
      { name: 'deliver', by: 'page', note: 'Bản vẽ thiết kế', expected: { anonymous: 401, buyerMember: 403, buyerAdmin: 403, sellerMember: 409, sellerAdmin: 200, other: 404, curator: 403 } },
      { name: 'request_changes', by: 'api', note: 'Thiếu bản vẽ móng', expected: { anonymous: 401, buyerMember: 200, buyerAdmin: 409, sellerMember: 403, sellerAdmin: 403, other: 404, curator: 403 } },
      // Changes were asked for: nothing to accept yet.
      { name: 'accept', by: 'api', expected: { anonymous: 401, buyerMember: 409, buyerAdmin: 409, sellerMember: 403, sellerAdmin: 403, other: 404, curator: 403 } },
      { name: 'deliver', by: 'api', note: 'Bản vẽ móng bổ sung', expected: { anonymous: 401, buyerMember: 403, buyerAdmin: 403, sellerMember: 200, sellerAdmin: 409, other: 404, curator: 403 } },
      { name: 'accept', by: 'page', expected: { anonymous: 401, buyerMember: 409, buyerAdmin: 200, sellerMember: 403, sellerAdmin: 403, other: 404, curator: 403 } },
    ];
    const through = async (who: Who, door: Door, s: (typeof STEPS)[number], expected: number) => {
      const answer = await act(who, door, s.name, s.note ?? '');
      const label = `${who} ${door} ${s.name}`;
      if (door === 'page' && expected === 401) expectPage(answer, 'login', label);
      else expect(answer.status, label).toBe(expected);
    };
    for (const s of STEPS) {
      const cells = Object.entries(s.expected) as [Who, number][];
      for (const [who, expected] of cells.filter(([, e]) => e !== 200 && e !== 409)) for (const door of ['api', 'page'] as const) await through(who, door, s, expected);
      for (const [who] of cells.filter(([, e]) => e === 200)) await through(who, s.by, s, 200);
      for (const [who] of cells.filter(([, e]) => e === 409)) for (const door of ['api', 'page'] as const) await through(who, door, s, 409);
    }
    expect((await milestoneNow(milestone)).stage).toBe('accepted');

    // A contract being performed is not revised: the signers get 409, everyone else as before.
    const REVISE_PERFORMING: Record<Who, [api: number, page: PageAnswer]> = { ...REVISE, buyerAdmin: [409, 409], sellerAdmin: [409, 409] };
    for (const who of EVERYONE) {
      const details = who.startsWith('seller') ? SELLER_DETAILS : BUYER_DETAILS;
      expect((await api(who, 'POST', apiPath, { name: 'revise', ...details })).status, `${who} API revise when performing`).toBe(REVISE_PERFORMING[who][0]);
      const { version } = await contractNow(id);
      expectPage(await page(who, 'POST', `/contracts/${id}`, { intent: 'revise', version, ...details }), REVISE_PERFORMING[who][1], `${who} page revise when performing`);
    }
  });
});
