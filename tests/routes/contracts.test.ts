// Contracts and milestones over HTTP, as a browser without JavaScript uses them: an agreed deal's
// contract completed and signed by both sides, its PDF read back, a milestone paid by VietQR,
// delivered and accepted; then who may see which page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { formatVnd } from '../../app/domain/money.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { SHRIMP_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

type Who = 'anonymous' | 'buyerMember' | 'buyerAdmin' | 'sellerAdmin' | 'other' | 'curator';
const PASSWORD = 'mat-khau-thu-nghiem';
const EMAILS: Record<Exclude<Who, 'anonymous'>, string> = {
  buyerMember: 'nv@sme-hd.vn',
  buyerAdmin: 'gd@sme-hd.vn',
  sellerAdmin: 'vt@vien-hd.vn',
  other: 'ai@khac-hd.vn',
  curator: 'cb@so-hd.vn',
};

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let lab: string;
const cookies: Partial<Record<Who, string>> = {};

async function call(who: Who, method: 'GET' | 'POST', p: string, form?: Record<string, string | number>) {
  const headers: Record<string, string> = {};
  if (cookies[who]) headers.cookie = cookies[who]!;
  const body = form ? new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])) : undefined;
  const res = await fetch(`${server.url}${p}`, { method, headers, body, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)![1]!;

/** A deal agreed through the pages: the contract's id. */
async function agreedContract(): Promise<string> {
  const offer = (await importPublishedListings(market.ctx, lab, [SHRIMP_OFFER])).ids[0]!;
  const interest = await call('buyerMember', 'POST', `/listings/${offer}/interest`, { cooperation: 'Chuyển giao trọn gói cho trại tôm ở Cà Mau.', aboutUs: 'Công ty nuôi tôm, 120 ha ao nuôi.', transferMode: 'turnkey', priceIndication: '' });
  const deal = interest.location!.replace('/deals/', '');
  const v = async () => (await market.db.selectFrom('deals').select('version').where('id', '=', deal).executeTakeFirstOrThrow()).version;
  await call('sellerAdmin', 'POST', `/deals/${deal}`, { intent: 'accept', version: await v() });
  const terms = {
    intent: 'propose_terms', subject: 'Chuyển giao hệ thống MBR xử lý nước thải ao tôm', transferMode: 'turnkey', territory: 'Cà Mau', fieldOfUse: 'Nuôi trồng thủy sản',
    durationMonths: '24', price: '1.500.000.000', warranty: '12 tháng', disputeResolution: 'mediation', validDays: '14',
    'milestones.0.amount': '600.000.000', 'milestones.0.condition': 'Khi ký hợp đồng', 'milestones.0.deliverable': 'Thiết kế chi tiết',
    'milestones.1.amount': '900.000.000', 'milestones.1.condition': 'Khi nghiệm thu', 'milestones.1.deliverable': 'Hệ thống vận hành',
  };
  expect((await call('buyerMember', 'POST', `/deals/${deal}`, { ...terms, version: await v() })).status).toBe(200);
  expect((await call('sellerAdmin', 'POST', `/deals/${deal}`, { intent: 'accept_terms', termsVersion: 1, version: await v() })).status).toBe(200);
  const page = (await call('buyerMember', 'GET', `/deals/${deal}`)).text;
  return /href="\/contracts\/([0-9a-f-]{36})"/.exec(page)![1]!;
}

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  const sme = await createOrganisation(market.db, { slug: 'tom-hd', name: 'Công ty Tôm Hợp Đồng', type: 'enterprise', taxCode: '0100109106' });
  lab = await createOrganisation(market.db, { slug: 'vien-hd', name: 'Viện Màng Lọc Hợp Đồng', type: 'institute', taxCode: '0001000027' });
  const other = await createOrganisation(market.db, { slug: 'khac-hd', name: 'Công ty Khác', type: 'enterprise', taxCode: '0001000034' });
  const agency = await createOrganisation(market.db, { slug: 'so-hd', name: 'Sở KH&CN', type: 'agency', taxCode: '0001000041' });
  const orgOf: Record<Exclude<Who, 'anonymous'>, [string, 'member' | 'admin']> = { buyerMember: [sme, 'member'], buyerAdmin: [sme, 'admin'], sellerAdmin: [lab, 'admin'], other: [other, 'admin'], curator: [agency, 'member'] };
  for (const [who, [organisationId, role]] of Object.entries(orgOf)) await createUser(market.db, { email: EMAILS[who as keyof typeof EMAILS], name: `Người ${who}`, organisationId, role, passwordHash });
  await market.db.insertInto('bank_accounts').values({ organisation_id: lab, bank_code: 'ACB', account_number: '257678859', holder_name: 'VIEN MANG LOC' }).execute();
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

describe('a contract without JavaScript', () => {
  it('is completed and signed by both sides, read back as a PDF, and its first milestone paid by VietQR, delivered and accepted', async () => {
    const id = await agreedContract();
    let page = (await call('sellerAdmin', 'GET', `/contracts/${id}`)).text;
    expect(page).toMatch(/OTX-\d{4}-\d{6}/);
    expect(page).toContain('Hợp đồng còn chỗ trống');
    // Only the seller is asked whether state money made the technology.
    expect(page).toContain('Công nghệ này có được tạo ra bằng vốn nhà nước hoặc ngân sách nhà nước không?');
    expect((await call('buyerAdmin', 'GET', `/contracts/${id}`)).text).not.toContain('bằng vốn nhà nước hoặc ngân sách nhà nước không?');
    // Signing over blanks is refused in Vietnamese.
    const early = await call('sellerAdmin', 'POST', `/contracts/${id}`, { intent: 'sign', typedName: 'Trần Thị Bình', contentSha256: hidden(page, 'contentSha256'), version: hidden(page, 'version') });
    expect(early.status).toBe(400);
    expect(early.text).toContain('Hợp đồng còn chỗ trống (địa chỉ bên giao');
    // Bad input on the details form: field errors, nothing changed.
    const bad = await call('sellerAdmin', 'POST', `/contracts/${id}`, { intent: 'revise', address: '', legalRepresentative: 'B', representativeTitle: 'Viện trưởng', version: hidden(page, 'version') });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('ít nhất 5 ký tự');
    expect(bad.text).toContain('ít nhất 2 ký tự');
    for (const [who, details] of [
      ['sellerAdmin', { address: '1 Đại Cồ Việt, Hà Nội', legalRepresentative: 'Trần Thị Bình', representativeTitle: 'Viện trưởng', ipNumber: '1-0012345', stateFunded: 'yes' }],
      ['buyerAdmin', { address: 'Khóm 5, Phường 8, TP. Cà Mau', legalRepresentative: 'Lê Văn Cường', representativeTitle: 'Giám đốc' }],
    ] as const) {
      page = (await call(who, 'GET', `/contracts/${id}`)).text;
      expect((await call(who, 'POST', `/contracts/${id}`, { intent: 'revise', ...details, version: hidden(page, 'version') })).status).toBe(200);
    }
    // A member without signing authority is not offered the signature.
    expect((await call('buyerMember', 'GET', `/contracts/${id}`)).text).not.toContain('value="sign"');
    for (const [who, name] of [['sellerAdmin', 'Trần Thị Bình'], ['buyerAdmin', 'Lê Văn Cường']] as const) {
      page = (await call(who, 'GET', `/contracts/${id}`)).text;
      const signed = await call(who, 'POST', `/contracts/${id}`, { intent: 'sign', typedName: name, contentSha256: hidden(page, 'contentSha256'), version: hidden(page, 'version') });
      expect(signed.status).toBe(200);
    }
    page = (await call('buyerMember', 'GET', `/contracts/${id}`)).text;
    expect(page).toContain('đã ký, đang thực hiện');
    expect(page).toContain('Lê Văn Cường');

    // The PDF: the parties, the price the Vietnamese way, and the content hash.
    const sha = /SHA-256 <code class="hash">([0-9a-f]{64})<\/code>/.exec(page)![1]!;
    const pdf = await fetch(`${server.url}/contracts/${id}/pdf`, { headers: { cookie: cookies.buyerMember! } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'otx-')), 'hd.pdf');
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const expected of ['Viện Màng Lọc Hợp Đồng', 'Công ty Tôm Hợp Đồng', '1.500.000.000', sha, 'Lê Văn Cường']) expect(text).toContain(expected);
    // The seller declared state funding: the contract says the transfer must be registered.
    expect(text.replace(/\s+/g, ' ')).toContain('Sở Khoa học và Công nghệ');

    // Milestone 1: the buyer sees the VietQR code and the details as text, and reports the transfer.
    const milestone = /href="\/milestones\/([0-9a-f-]{36})"/.exec(page)![1]!;
    let m = (await call('buyerMember', 'GET', `/milestones/${milestone}`)).text;
    expect(m).toContain('<svg');
    expect(m).toContain('257678859');
    expect(m).toContain('VIEN MANG LOC');
    expect(m).toContain('600.000.000');
    // Without Stripe keys the card option says it is unavailable, and bank transfer still works.
    expect(m).toContain('Thanh toán bằng thẻ chưa sẵn sàng: hãy chuyển khoản ngân hàng bằng VietQR.');
    // Payable within 30 days; once that date has passed, both pages flag it overdue.
    expect(m).toContain('Hạn thanh toán');
    expect(m).not.toContain('quá hạn: chưa thanh toán đúng hạn');
    await market.db.updateTable('milestones').set({ pay_by: new Date(Date.now() - 60_000) }).where('id', '=', milestone).execute();
    m = (await call('buyerMember', 'GET', `/milestones/${milestone}`)).text;
    expect(m).toContain('quá hạn: chưa thanh toán đúng hạn');
    expect((await call('sellerAdmin', 'GET', `/contracts/${id}`)).text).toContain('quá hạn: chưa thanh toán đúng hạn');
    expect((await call('buyerMember', 'POST', `/milestones/${milestone}`, { intent: 'report_transfer', note: '', version: hidden(m, 'version') })).status).toBe(200);
    m = (await call('sellerAdmin', 'GET', `/milestones/${milestone}`)).text;
    expect((await call('sellerAdmin', 'POST', `/milestones/${milestone}`, { intent: 'confirm_receipt', note: '', version: hidden(m, 'version') })).status).toBe(200);
    m = (await call('sellerAdmin', 'GET', `/milestones/${milestone}`)).text;
    const noNote = await call('sellerAdmin', 'POST', `/milestones/${milestone}`, { intent: 'deliver', note: '', version: hidden(m, 'version') });
    expect(noNote.status).toBe(400);
    expect((await call('sellerAdmin', 'POST', `/milestones/${milestone}`, { intent: 'deliver', note: 'Bản vẽ thiết kế chi tiết', version: hidden(m, 'version') })).status).toBe(200);
    m = (await call('buyerMember', 'GET', `/milestones/${milestone}`)).text;
    expect((await call('buyerMember', 'POST', `/milestones/${milestone}`, { intent: 'accept', note: '', version: hidden(m, 'version') })).status).toBe(200);
    m = (await call('buyerMember', 'GET', `/milestones/${milestone}`)).text;
    expect(m).toContain('đã nghiệm thu');
    expect(m).toContain('đã xác nhận');

    // The deal's one timeline carries the contract's and the milestones' steps, the same for both sides.
    const { deal_id: deal } = await market.db.selectFrom('contracts').select('deal_id').where('id', '=', id).executeTakeFirstOrThrow();
    const timelineOf = (html: string) => /<ol class="history deal-timeline">([\s\S]*?)<\/ol>/.exec(html)![1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const seen = timelineOf((await call('buyerMember', 'GET', `/deals/${deal}`)).text);
    expect(timelineOf((await call('sellerAdmin', 'GET', `/deals/${deal}`)).text)).toBe(seen);
    const steps = ['Hợp đồng được lập', 'Ký hợp đồng: hai bên đã ký', 'Đợt thanh toán: bên bán xác nhận đã nhận tiền', 'Đợt thanh toán: bên mua nghiệm thu'];
    const at = steps.map((step) => seen.indexOf(step));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('who may see a contract and its milestones', () => {
  it('the two organisations and curators; others do not learn it exists; only the right side acts', async () => {
    const id = await agreedContract();
    const expected: Record<Who, number | 'login'> = { anonymous: 'login', other: 404, buyerMember: 200, buyerAdmin: 200, sellerAdmin: 200, curator: 200 };
    for (const p of [`/contracts/${id}`, `/contracts/${id}/pdf`]) {
      for (const who of Object.keys(expected) as Who[]) {
        const res = await call(who, 'GET', p);
        if (expected[who] === 'login') expect(res.status === 302 && (res.location ?? '').startsWith('/login'), `${p} ${who}`).toBe(true);
        else expect(res.status, `${p} ${who}`).toBe(expected[who]);
      }
    }
    const page = (await call('sellerAdmin', 'GET', `/contracts/${id}`)).text;
    const sign = { intent: 'sign', typedName: 'X Y', contentSha256: hidden(page, 'contentSha256'), version: hidden(page, 'version') };
    expect((await call('other', 'POST', `/contracts/${id}`, sign)).status).toBe(404);
    expect((await call('curator', 'POST', `/contracts/${id}`, sign)).status).toBe(403);
    expect((await call('buyerMember', 'POST', `/contracts/${id}`, sign)).status).toBe(403);
    expect((await call('buyerMember', 'POST', `/contracts/${id}`, { intent: 'approve', version: 1 })).status).toBe(400);
    // The card button's target: without Stripe keys nobody starts a card payment, and it says so on the milestone page.
    await market.db.insertInto('milestones').values({ contract_id: id, number: 9, amount: 1_000_000, condition: 'Thử', deliverable: 'Thử', stage: 'due', transfer_reference: `OTX TEST ${id.slice(0, 8)}` }).execute();
    const card = (await market.db.selectFrom('milestones').select('id').where('contract_id', '=', id).where('number', '=', 9).executeTakeFirstOrThrow()).id;
    for (const who of Object.keys(expected) as Who[]) {
      const res = await call(who, 'POST', `/milestones/${card}/card`);
      if (who === 'anonymous') expect(res.status === 302 && (res.location ?? '').startsWith('/login'), who).toBe(true);
      else expect([res.status, res.location], who).toEqual([303, `/milestones/${card}?card=card_unavailable`]);
    }
    expect((await call('buyerMember', 'GET', '/contracts/not-a-contract')).status).toBe(404);
    expect((await call('buyerMember', 'GET', '/milestones/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('signing authority', () => {
  it('an admin gives a member the right to sign, who is then offered the signature; a member cannot give it', async () => {
    const id = await agreedContract();
    const member = await market.db.selectFrom('users').select('id').where('email', '=', EMAILS.buyerMember).executeTakeFirstOrThrow();
    expect((await call('buyerMember', 'POST', '/my/organisation', { intent: 'set_signing', userId: member.id, maySign: 'on' })).status).toBe(403);
    expect((await call('other', 'POST', '/my/organisation', { intent: 'set_signing', userId: member.id, maySign: 'on' })).status).toBe(404);
    const granted = await call('buyerAdmin', 'POST', '/my/organisation', { intent: 'set_signing', userId: member.id, maySign: 'on' });
    expect(granted.status).toBe(200);
    expect(granted.text).toContain('Đã lưu quyền ký hợp đồng.');
    expect((await call('buyerMember', 'GET', `/contracts/${id}`)).text).toContain('name="typedName"');
    await call('buyerAdmin', 'POST', '/my/organisation', { intent: 'set_signing', userId: member.id, maySign: 'off' });
    expect((await call('buyerMember', 'GET', `/contracts/${id}`)).text).not.toContain('name="typedName"');
  });
});

describe('an express licence', () => {
  it('is priced by the offer’s owner and bought at once by another organisation, straight to a contract to sign', async () => {
    const offer = (await importPublishedListings(market.ctx, lab, [{ ...SHRIMP_OFFER, title: 'Phần mềm tối ưu cho ăn tôm' }])).ids[0]!;
    expect((await call('buyerAdmin', 'GET', `/listings/${offer}`)).text).not.toContain('Mua li-xăng ngay');
    // A price below the minimum is refused on the listing; the owner's own price is saved.
    const low = await call('sellerAdmin', 'POST', `/my/listings/${offer}/express`, { price: '500' });
    expect(low.location).toBe(`/my/listings/${offer}?express=refused`);
    expect((await call('buyerAdmin', 'POST', `/my/listings/${offer}/express`, { price: '50.000.000' })).status).toBe(404);
    expect((await call('sellerAdmin', 'POST', `/my/listings/${offer}/express`, { price: '50.000.000' })).location).toBe(`/my/listings/${offer}?express=saved`);
    expect((await call('sellerAdmin', 'GET', `/my/listings/${offer}?express=saved`)).text).toContain('Đã lưu li-xăng nhanh.');

    const page = (await call('buyerAdmin', 'GET', `/listings/${offer}`)).text;
    expect(page).toContain(`Mua li-xăng ngay: ${formatVnd(50_000_000)}`);
    const bought = await call('buyerAdmin', 'POST', `/listings/${offer}/buy`);
    expect(bought.status).toBe(302);
    expect(bought.location).toMatch(/^\/contracts\/[0-9a-f-]{36}$/);
    const contract = (await call('buyerAdmin', 'GET', bought.location!)).text;
    expect(contract).toContain('chờ ký');
    expect(contract).toContain('50.000.000');
    // A second click finds the same contract; the owner cannot buy its own licence.
    expect((await call('buyerMember', 'POST', `/listings/${offer}/buy`)).location).toBe(bought.location);
    expect((await call('sellerAdmin', 'POST', `/listings/${offer}/buy`)).status).toBe(400);
    const deal = await market.db.selectFrom('deals as d').innerJoin('contracts as c', 'c.deal_id', 'd.id').select(['d.stage', 'd.agreed_terms_sha256', 'c.express']).where('d.listing_id', '=', offer).executeTakeFirstOrThrow();
    expect(deal).toMatchObject({ stage: 'agreed', express: true });
    expect(deal.agreed_terms_sha256).toMatch(/^[0-9a-f]{64}$/);
    // Removing the price stops new purchases.
    await call('sellerAdmin', 'POST', `/my/listings/${offer}/express`, { price: '' });
    expect((await call('other', 'POST', `/listings/${offer}/buy`)).status).toBe(409);
  });
});

describe('a curator ends a contract', () => {
  it('with a reason both sides read; without one it is refused; its milestones stop', async () => {
    const id = await agreedContract();
    let page = (await call('curator', 'GET', `/contracts/${id}`)).text;
    expect(page).toContain('Chấm dứt hợp đồng (cán bộ quản lý sàn)');
    expect((await call('sellerAdmin', 'GET', `/contracts/${id}`)).text).not.toContain('value="terminate"');
    const empty = await call('curator', 'POST', `/contracts/${id}`, { intent: 'terminate', reason: ' ', version: hidden(page, 'version') });
    expect(empty.status).toBe(400);
    expect((await call('sellerAdmin', 'POST', `/contracts/${id}`, { intent: 'terminate', reason: 'Tranh chấp', version: hidden(page, 'version') })).status).toBe(403);
    page = (await call('curator', 'GET', `/contracts/${id}`)).text;
    expect((await call('curator', 'POST', `/contracts/${id}`, { intent: 'terminate', reason: 'Bên bán ngừng hoạt động.', version: hidden(page, 'version') })).status).toBe(200);
    expect((await call('buyerMember', 'GET', `/contracts/${id}`)).text).toContain('đã chấm dứt');
  });
});
