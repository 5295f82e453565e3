// The bulk-import pages, form actions and template, tried as every kind of person over real HTTP
// on the built app: a university's admin and the curators may; everyone else gets the sign-in
// page, 403, or 404 for an import that is not theirs to know of.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { IMPORT_COLUMNS } from '../../app/domain/bulk-import-columns.js';
import { languageCookie } from '../../app/i18n/language.server.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

type Who = 'anonymous' | 'firmMember' | 'firmAdmin' | 'uniMember' | 'uniAdmin' | 'curator' | 'platform';
const PEOPLE: Who[] = ['anonymous', 'firmMember', 'firmAdmin', 'uniMember', 'uniAdmin', 'curator', 'platform'];
const PASSWORD = 'mat-khau-thu-nghiem';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
const cookies: Partial<Record<Who, string>> = {};
let uni: string;

const FILE = Papa.unparse([IMPORT_COLUMNS.map((c) => c.vi), IMPORT_COLUMNS.map((c) => (c.field === 'reference' ? 'P-1' : c.example))]);

async function login(email: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: PASSWORD }), redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function call(who: Who, method: string, path: string, body?: FormData | URLSearchParams, extraCookie?: string) {
  const cookie = [cookies[who], extraCookie].filter(Boolean).join('; ');
  const res = await fetch(`${server.url}${path}`, { method, headers: cookie ? { cookie } : {}, body, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), type: res.headers.get('content-type'), text: await res.text() };
}

function upload(extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('intent', 'upload');
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  form.set('file', new Blob([FILE], { type: 'text/csv' }), 'chao-ban.csv');
  return form;
}

const toLogin = (r: { status: number; location: string | null }) => r.status === 302 && (r.location ?? '').startsWith('/login?redirectTo=');
const staged = (r: { status: number; location: string | null }) => r.status === 302 && /^\/imports\/[0-9a-f-]{36}$/.test(r.location ?? '');

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  uni = await createOrganisation(market.db, { slug: 'dh', name: 'Đại học Thử', type: 'university', taxCode: '0100000041' });
  const firm = await createOrganisation(market.db, { slug: 'cty', name: 'Công ty Thử', type: 'enterprise', taxCode: '0100000042' });
  const agency = await createOrganisation(market.db, { slug: 'so', name: 'Sở KH&CN', type: 'agency', taxCode: '0100000043' });
  await createUser(market.db, { email: 'member@cty.vn', organisationId: firm, passwordHash });
  await createUser(market.db, { email: 'admin@cty.vn', organisationId: firm, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'member@dh.vn', organisationId: uni, passwordHash });
  await createUser(market.db, { email: 'admin@dh.vn', organisationId: uni, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'curator@so.vn', organisationId: agency, passwordHash });
  const root = await createUser(market.db, { email: 'root@cty.vn', organisationId: firm, passwordHash });
  await market.db.updateTable('users').set({ platform_admin: true }).where('id', '=', root).execute();
  server = await startTestServer(market.ctx);
  const emails: Record<Exclude<Who, 'anonymous'>, string> = {
    firmMember: 'member@cty.vn',
    firmAdmin: 'admin@cty.vn',
    uniMember: 'member@dh.vn',
    uniAdmin: 'admin@dh.vn',
    curator: 'curator@so.vn',
    platform: 'root@cty.vn',
  };
  for (const [who, email] of Object.entries(emails)) cookies[who as Who] = await login(email);
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('who may import', () => {
  it('the upload page and its action: a university admin only', async () => {
    for (const who of PEOPLE) {
      const page = await call(who, 'GET', '/my/listings/import');
      const post = await call(who, 'POST', '/my/listings/import', upload());
      if (who === 'anonymous') {
        expect(toLogin(page) && toLogin(post), who).toBe(true);
      } else if (who === 'uniAdmin') {
        expect(page.status, who).toBe(200);
        expect(staged(post), who).toBe(true);
      } else {
        expect([page.status, post.status], who).toEqual([403, 403]);
      }
    }
  });

  it("the curator's page and its action: curators and the platform admin, for a university", async () => {
    for (const who of PEOPLE) {
      const page = await call(who, 'GET', '/curator/import');
      const post = await call(who, 'POST', '/curator/import', upload({ organisationId: uni }));
      if (who === 'anonymous') expect(toLogin(page) && toLogin(post), who).toBe(true);
      else if (who === 'curator' || who === 'platform') {
        expect(page.status, who).toBe(200);
        expect(page.text).toContain('Đại học Thử');
        expect(staged(post), who).toBe(true);
      } else expect([page.status, post.status], who).toEqual([403, 403]);
    }
  });

  it('the template: whoever may import, headers in their language', async () => {
    for (const who of PEOPLE) {
      const res = await call(who, 'GET', '/my/listings/import/template?format=csv');
      if (who === 'anonymous') expect(toLogin(res), who).toBe(true);
      else if (['uniAdmin', 'curator', 'platform'].includes(who)) {
        expect(res.status, who).toBe(200);
        expect(res.type).toContain('text/csv');
        expect(res.text).toContain('Mã tham chiếu');
      } else expect(res.status, who).toBe(403);
    }
    const english = await call('uniAdmin', 'GET', '/my/listings/import/template?format=csv', undefined, (await languageCookie.serialize('en')).split(';')[0]);
    expect(english.text.split('\r\n')[0]).toMatch(/^Reference,Title,Summary/);
    const xlsx = await call('uniAdmin', 'GET', '/my/listings/import/template?format=xlsx');
    expect(xlsx.type).toContain('spreadsheetml');
  });

  it('the preview and its confirmation: the organisation admin and curators; others are told nothing', async () => {
    const post = await call('uniAdmin', 'POST', '/my/listings/import', upload());
    const path = post.location!;
    for (const who of PEOPLE) {
      const page = await call(who, 'GET', path);
      if (who === 'anonymous') expect(toLogin(page), who).toBe(true);
      else if (['uniAdmin', 'curator', 'platform'].includes(who)) {
        expect(page.status, who).toBe(200);
        expect(page.text).toContain('P-1');
      } else expect(page.status, who).toBe(404);
    }
    for (const who of ['anonymous', 'firmMember', 'firmAdmin', 'uniMember'] as const) {
      const confirm = await call(who, 'POST', path, new URLSearchParams({ intent: 'confirm', mode: 'draft' }));
      if (who === 'anonymous') expect(toLogin(confirm), who).toBe(true);
      else expect(confirm.status, who).toBe(404);
    }
    expect(await market.db.selectFrom('listings').select('id').execute()).toEqual([]);
    const wrongMode = await call('uniAdmin', 'POST', path, new URLSearchParams({ intent: 'confirm', mode: 'publish' }));
    expect(wrongMode.status).toBe(400);
    const confirmed = await call('uniAdmin', 'POST', path, new URLSearchParams({ intent: 'confirm', mode: 'draft' }));
    expect(confirmed).toMatchObject({ status: 302, location: path });
    const again = await call('uniAdmin', 'POST', path, new URLSearchParams({ intent: 'confirm', mode: 'draft' }));
    expect(again.status).toBe(409);
    expect(await market.db.selectFrom('listings').select('import_reference').execute()).toEqual([{ import_reference: 'P-1' }]);
  });
});
