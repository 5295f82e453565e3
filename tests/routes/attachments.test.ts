// Files on a listing, over HTTP: the owner uploads and removes; the public downloads only the
// non-confidential files of a published listing; wrong or oversized files are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { AI_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let owner: string;
let stranger: string;
let listing: string;

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');

async function login(email: string) {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: 'mat-khau-thu-nghiem' }), redirect: 'manual' });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function upload(cookie: string, file: { bytes: Uint8Array; type: string; name: string }, confidential = false) {
  const form = new FormData();
  form.set('intent', 'add');
  form.set('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name);
  if (confidential) form.set('confidential', 'on');
  const res = await fetch(`${server.url}/my/listings/${listing}/attachments`, { method: 'POST', body: form, headers: { cookie }, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') };
}

async function filesOf(cookie: string | null) {
  const html = await (await fetch(`${server.url}/listings/${listing}`, { headers: cookie ? { cookie } : {} })).text();
  return [...html.matchAll(/href="\/attachments\/([0-9a-f-]{36})"[^>]*>([^<]+)</g)].map((m) => ({ id: m[1]!, name: m[2]! }));
}

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword('mat-khau-thu-nghiem');
  const org = await createOrganisation(market.db, { slug: 'vien-tep', name: 'Viện Tệp', type: 'institute', taxCode: '0100000061' });
  const other = await createOrganisation(market.db, { slug: 'cty-tep', name: 'Công ty Tệp', type: 'enterprise', taxCode: '0100000062' });
  await createUser(market.db, { email: 'owner@tep.vn', organisationId: org, passwordHash });
  await createUser(market.db, { email: 'other@tep.vn', organisationId: other, passwordHash });
  listing = (await importPublishedListings(market.ctx, org, [AI_OFFER])).ids[0]!;
  server = await startTestServer(market.ctx);
  owner = await login('owner@tep.vn');
  stranger = await login('other@tep.vn');
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('attachments', () => {
  it('are uploaded by the owner and downloaded by anyone, confidential ones only by the owner', async () => {
    expect(await upload(owner, { bytes: PDF, type: 'application/pdf', name: 'Bản mô tả kỹ thuật.pdf' })).toEqual({ status: 302, location: `/my/listings/${listing}?attachment=added` });
    expect((await upload(owner, { bytes: PDF, type: 'application/pdf', name: 'secret-process.pdf' }, true)).location).toContain('attachment=added');
    // Files added to a published listing wait for a curator (tests/routes/attachment-review.test.ts).
    await market.db.updateTable('attachments').set({ review_state: 'approved' }).where('listing_id', '=', listing).execute();

    const publicFiles = await filesOf(null);
    expect(publicFiles.map((f) => f.name)).toEqual(['Bản mô tả kỹ thuật.pdf']);
    const download = await fetch(`${server.url}/attachments/${publicFiles[0]!.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);

    const ownerFiles = await filesOf(owner);
    const secret = ownerFiles.find((f) => f.name === 'secret-process.pdf')!;
    expect((await fetch(`${server.url}/attachments/${secret.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/attachments/${secret.id}`, { headers: { cookie: stranger } })).status).toBe(404);
    expect((await fetch(`${server.url}/attachments/${secret.id}`, { headers: { cookie: owner } })).status).toBe(200);
  });

  it('refuses a stranger, a file that is not what it claims, and one over 5 MB', async () => {
    expect((await upload(stranger, { bytes: PDF, type: 'application/pdf', name: 'x.pdf' })).status).toBe(404);
    expect((await upload(owner, { bytes: new TextEncoder().encode('MZ fake'), type: 'application/pdf', name: 'virus.pdf' })).location).toContain('attachment=refused');
    expect((await upload(owner, { bytes: new Uint8Array(5 * 1024 * 1024 + 10).fill(0x25), type: 'application/pdf', name: 'big.pdf' })).location).toContain('attachment=too_large');
    expect((await filesOf(owner)).map((f) => f.name).sort()).toEqual(['Bản mô tả kỹ thuật.pdf', 'secret-process.pdf']);
  });

  it('are removed by the owner only', async () => {
    const [first] = await filesOf(owner);
    const form = (id: string) => {
      const f = new FormData();
      f.set('intent', 'remove');
      f.set('attachmentId', id);
      return f;
    };
    expect((await fetch(`${server.url}/my/listings/${listing}/attachments`, { method: 'POST', body: form(first!.id), headers: { cookie: stranger }, redirect: 'manual' })).status).toBe(404);
    const res = await fetch(`${server.url}/my/listings/${listing}/attachments`, { method: 'POST', body: form(first!.id), headers: { cookie: owner }, redirect: 'manual' });
    expect(res.headers.get('location')).toContain('attachment=removed');
    expect((await filesOf(owner)).map((f) => f.id)).not.toContain(first!.id);
  });
});
