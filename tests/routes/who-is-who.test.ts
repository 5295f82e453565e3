// Issue 13, "who is who", through the pages: an admin asks for verification with a file and a
// contact, the curator opens the evidence and verifies with the checks recorded; an admin
// removes a member; the curator's review page; rejecting through its confirmation page, no JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { languageCookie } from '../../app/i18n/language.server.js';
import { AI_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const PDF = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let uni: string;
const cookies: Record<string, string> = {};
let english = '';

async function login(email: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: PASSWORD }), redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function call(who: string, method: string, path: string, body?: Record<string, string | string[]> | FormData) {
  const headers: Record<string, string> = { cookie: `${cookies[who] ?? ''}; ${english}` };
  let payload: FormData | URLSearchParams | undefined;
  if (body instanceof FormData) payload = body;
  else if (body) {
    payload = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) for (const one of [v].flat()) payload.append(k, one);
  }
  const res = await fetch(`${server.url}${path}`, { method, headers, body: payload, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), type: res.headers.get('content-type'), text: await res.text() };
}

async function api(who: string, method: string, path: string, body?: object) {
  const res = await fetch(`${server.url}${path}`, { method, headers: { cookie: cookies[who]!, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  uni = await createOrganisation(market.db, { slug: 'dh-r', name: 'Đại học Rừng', type: 'university', taxCode: '0100000041' });
  const firm = await createOrganisation(market.db, { slug: 'cty-r', name: 'Công ty Rừng', type: 'enterprise', taxCode: '0100000042' });
  const agency = await createOrganisation(market.db, { slug: 'so-r', name: 'Sở KH&CN R', type: 'agency', taxCode: '0100000043', verified: true });
  await createUser(market.db, { email: 'admin@r.vn', name: 'Lê Quản Trị', organisationId: uni, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'member@r.vn', name: 'Đỗ Thành Viên', organisationId: uni, passwordHash });
  await createUser(market.db, { email: 'firm@r.vn', organisationId: firm, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'curator@r.vn', organisationId: agency, passwordHash });
  server = await startTestServer(market.ctx);
  english = (await languageCookie.serialize('en')).split(';')[0]!;
  for (const who of ['admin', 'member', 'firm', 'curator']) cookies[who] = await login(`${who}@r.vn`);
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('verification with evidence', () => {
  it('is asked for with a file and a contact, opened and verified by the curator with the checks recorded', async () => {
    expect((await call('curator', 'GET', `/curator/organisations/${uni}`)).text).toContain('has not asked for verification');
    expect((await call('curator', 'POST', `/curator/organisations/${uni}`, { decision: 'verify', checks: 'tax_code_active' })).status).toBe(409);

    const page = await call('admin', 'GET', '/my/organisation');
    expect(page.text).toContain('href="/my/organisation/verification"');
    const form = new FormData();
    form.append('intent', 'request');
    form.append('document', new Blob([PDF], { type: 'application/pdf' }), 'giay-dkkd.pdf');
    form.append('contactName', 'Trần Thị Bình');
    form.append('contactRole', 'Trưởng phòng hành chính');
    form.append('contactPhone', '');
    form.append('contactEmail', 'binh@r.vn');
    const sent = await call('admin', 'POST', '/my/organisation/verification', form);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe('/my/organisation?verification=sent');
    expect((await call('admin', 'GET', '/my/organisation')).text).toContain('waits for a curator');

    const review = await call('curator', 'GET', `/curator/organisations/${uni}`);
    expect(review.status).toBe(200);
    for (const shown of ['0100000041', 'Trần Thị Bình', 'binh@r.vn', 'https://dangkykinhdoanh.gov.vn', 'https://tracuunnt.gdt.gov.vn', 'giay-dkkd.pdf', 'The tax code is active in the registry']) expect(review.text).toContain(shown);
    const link = /href="(\/verification-requests\/[0-9a-f-]+\/document)"/.exec(review.text)![1]!;
    const file = await call('curator', 'GET', link);
    expect(file).toMatchObject({ status: 200, type: 'application/pdf', text: PDF });
    expect((await call('firm', 'GET', link)).status).toBe(404);

    const verified = await call('curator', 'POST', `/curator/organisations/${uni}`, { decision: 'verify', checks: ['name_matches_registration', 'contact_reached'], note: 'Gọi điện ngày 28/11', reason: '' });
    expect(verified.status).toBe(200);
    expect(verified.text).toContain('The organisation is verified.');
    const after = await call('curator', 'GET', `/curator/organisations/${uni}`);
    expect(after.text.replaceAll('<!-- -->', '')).toContain('Checked: The name matches the registration; The contact person was reached');
    expect((await call('curator', 'GET', '/curator/organisations')).text).toContain('Verified (');
  });
});

describe('removing a member', () => {
  it('ends the removed member’s session, keeps their name on what they did, and keeps the last admin', async () => {
    const created = await api('member', 'POST', '/api/v1/my/listings', { ...AI_OFFER, title: 'Bộ đọc mã vạch cho kho lạnh' });
    expect(created.status).toBe(201);
    const id = created.json.data.id as string;
    expect((await api('member', 'POST', `/api/v1/my/listings/${id}/submit`)).status).toBe(200);

    const memberId = (await market.db.selectFrom('users').select('id').where('email', '=', 'member@r.vn').executeTakeFirstOrThrow()).id;
    const adminId = (await market.db.selectFrom('users').select('id').where('email', '=', 'admin@r.vn').executeTakeFirstOrThrow()).id;
    expect((await call('member', 'POST', '/my/organisation', { intent: 'remove', userId: adminId })).status).toBe(403);
    const removed = await call('admin', 'POST', '/my/organisation', { intent: 'remove', userId: memberId });
    expect(removed.status).toBe(200);
    expect(removed.text).toContain('The member was removed.');
    expect((await call('member', 'GET', '/my/organisation')).location).toMatch(/^\/login/);
    expect((await api('member', 'GET', '/api/v1/my/listings')).status).toBe(401);
    // Their submission still carries their name on the listing's history.
    expect((await call('admin', 'GET', `/my/listings/${id}`)).text).toContain('Đỗ Thành Viên');
    const last = await call('admin', 'POST', '/my/organisation', { intent: 'remove', userId: adminId });
    expect(last.status).toBe(409);
    expect(last.text).toContain('An organisation keeps at least one administrator.');
  });
});

describe("the curator's review page and the rejection", () => {
  it('shows the public fields, the organisation, the diff on resubmission and a near-duplicate; rejects through a confirmation page', async () => {
    const make = async (who: string, input: object) => (await api(who, 'POST', '/api/v1/my/listings', input)).json.data.id as string;
    const onMarket = await make('firm', { ...AI_OFFER, title: 'Vietnamese OCR for scanned administrative forms' });
    await api('firm', 'POST', `/api/v1/my/listings/${onMarket}/submit`);
    expect((await call('curator', 'POST', `/curator/listings/${onMarket}`, { intent: 'approve' })).status).toBe(200);

    const input = { ...AI_OFFER, innovation: 'Reads handwritten diacritics', keywords: ['OCR', 'chữ viết tay'], transferModes: ['licence_exclusive', 'joint_development'] };
    const id = await make('admin', input);
    await api('admin', 'POST', `/api/v1/my/listings/${id}/submit`);
    expect((await call('curator', 'POST', `/curator/listings/${id}`, { intent: 'request_changes', reason: 'Nêu rõ độ chính xác.' })).status).toBe(200);
    expect((await api('admin', 'PATCH', `/api/v1/my/listings/${id}`, { ...input, summary: 'OCR with 99% accuracy on scanned forms.' })).status).toBe(200);
    await api('admin', 'POST', `/api/v1/my/listings/${id}/submit`);

    const page = await call('curator', 'GET', `/curator/listings/${id}`);
    expect(page.status).toBe(200);
    for (const shown of ['Transfer modes', 'Exclusive licence', 'Keywords', 'chữ viết tay', 'What is innovative', 'Reads handwritten diacritics', '0100000041', 'Verified', 'Resubmitted after a curator chose to request changes', 'OCR with 99% accuracy on scanned forms.', AI_OFFER.summary, 'Similar listings already on the market', `href="/listings/${onMarket}"`]) {
      expect(page.text, shown).toContain(shown);
    }

    // The reject button opens the confirmation page (a GET carrying the reason); nothing is rejected yet.
    expect((await call('curator', 'POST', `/curator/listings/${id}`, { intent: 'reject', reason: 'x' })).status).toBe(400);
    const confirm = await call('curator', 'GET', `/curator/listings/${id}/reject?reason=${encodeURIComponent('Trùng với tin đã có.')}`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Confirm the rejection');
    expect(confirm.text).toContain('Trùng với tin đã có.');
    expect((await market.db.selectFrom('listings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('pending_review');
    expect((await call('firm', 'GET', `/curator/listings/${id}/reject`)).status).toBe(403);
    expect((await call('curator', 'POST', `/curator/listings/${id}/reject`, { reason: '' })).status).toBe(400);
    const done = await call('curator', 'POST', `/curator/listings/${id}/reject`, { reason: 'Trùng với tin đã có.' });
    expect(done).toMatchObject({ status: 302, location: `/curator/listings/${id}` });
    expect((await market.db.selectFrom('listings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('rejected');
    expect((await call('curator', 'GET', `/curator/listings/${id}/reject`)).status).toBe(409);
  });
});
