// Attachments over HTTP (issue 7, finding 13): a file is stored and downloaded under the
// extension of the type its bytes prove; a JAR declared as DOCX is refused; a file added to a
// published listing stays out of the public's sight until a curator approves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { AI_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { DOCX_ENTRIES, JAR_ENTRIES, makeZip } from '../fixtures/zip.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let owner: string;
let curator: string;
let listing: string;

async function login(email: string) {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: PASSWORD }), redirect: 'manual' });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function upload(file: { bytes: Uint8Array; type: string; name: string }) {
  const form = new FormData();
  form.set('intent', 'add');
  form.set('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name);
  const res = await fetch(`${server.url}/my/listings/${listing}/attachments`, { method: 'POST', body: form, headers: { cookie: owner }, redirect: 'manual' });
  return res.headers.get('location') ?? '';
}

async function page(path: string, cookie: string | null) {
  return (await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} })).text();
}

const links = (html: string) => [...html.matchAll(/href="\/attachments\/([0-9a-f-]{36})"[^>]*>([^<]+)</g)].map((m) => ({ id: m[1]!, name: m[2]! }));

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  const org = await createOrganisation(market.db, { slug: 'vien-duyet', name: 'Viện Duyệt Tệp', type: 'institute', taxCode: '0100000091' });
  const agency = await createOrganisation(market.db, { slug: 'so-duyet', name: 'Sở Duyệt', type: 'agency', taxCode: '0100000092' });
  await createUser(market.db, { email: 'owner@duyet.vn', organisationId: org, passwordHash });
  await createUser(market.db, { email: 'curator@duyet.vn', organisationId: agency, passwordHash });
  listing = (await importPublishedListings(market.ctx, org, [AI_OFFER])).ids[0]!;
  server = await startTestServer(market.ctx);
  owner = await login('owner@duyet.vn');
  curator = await login('curator@duyet.vn');
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('an attachment', () => {
  it('is stored and downloaded under the extension of its checked type', async () => {
    expect(await upload({ bytes: PDF, type: 'application/pdf', name: 'report.html' })).toContain('attachment=added');
    expect(await upload({ bytes: PNG, type: 'image/png', name: 'pic.svg' })).toContain('attachment=added');
    expect(await upload({ bytes: makeZip(DOCX_ENTRIES), type: DOCX, name: 'ban-mo-ta.docx' })).toContain('attachment=added');
    const files = links(await page(`/my/listings/${listing}`, owner));
    expect(files.map((f) => f.name).sort()).toEqual(['ban-mo-ta.docx', 'pic.png', 'report.pdf']);
    const pdf = await fetch(`${server.url}/attachments/${files.find((f) => f.name === 'report.pdf')!.id}`, { headers: { cookie: owner } });
    expect(pdf.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''report.pdf");
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('refuses a JAR declared as DOCX', async () => {
    expect(await upload({ bytes: makeZip(JAR_ENTRIES), type: DOCX, name: 'tai-lieu.docx' })).toContain('attachment=refused');
    expect(links(await page(`/my/listings/${listing}`, owner)).map((f) => f.name)).not.toContain('tai-lieu.docx');
  });

  it('added to a published listing, waits for a curator before the public sees it', async () => {
    const waiting = links(await page(`/my/listings/${listing}`, owner));
    expect(waiting).toHaveLength(3);
    expect(await page(`/my/listings/${listing}`, owner)).toContain('đang chờ cán bộ duyệt');
    expect(links(await page(`/listings/${listing}`, null))).toEqual([]);
    for (const f of waiting) expect((await fetch(`${server.url}/attachments/${f.id}`)).status).toBe(404);

    expect(await page('/curator', curator)).toContain(`href="/curator/listings/${listing}"`);
    const review = await page(`/curator/listings/${listing}`, curator);
    expect(links(review).map((f) => f.name).sort()).toEqual(['ban-mo-ta.docx', 'pic.png', 'report.pdf']);
    expect(review).toContain('value="approve_attachment"');
    const decide = (f: { id: string }, intent: string) =>
      fetch(`${server.url}/curator/listings/${listing}`, { method: 'POST', headers: { cookie: curator }, body: new URLSearchParams({ intent, attachmentId: f.id }), redirect: 'manual' });
    const byName = (name: string) => waiting.find((f) => f.name === name)!;
    expect((await decide(byName('report.pdf'), 'approve_attachment')).status).toBe(200);
    expect((await decide(byName('pic.png'), 'refuse_attachment')).status).toBe(200);
    expect((await decide(byName('pic.png'), 'approve_attachment')).status).toBe(409);
    const ownerDecides = await fetch(`${server.url}/curator/listings/${listing}`, { method: 'POST', headers: { cookie: owner }, body: new URLSearchParams({ intent: 'approve_attachment', attachmentId: byName('ban-mo-ta.docx').id }), redirect: 'manual' });
    expect(ownerDecides.status).toBe(403);

    expect(links(await page(`/listings/${listing}`, null)).map((f) => f.name)).toEqual(['report.pdf']);
    expect((await fetch(`${server.url}/attachments/${byName('report.pdf').id}`)).status).toBe(200);
    expect((await fetch(`${server.url}/attachments/${byName('pic.png').id}`)).status).toBe(404);
    expect(await page(`/my/listings/${listing}`, owner)).toContain('bị từ chối');
  });
});
