// Personal API tokens over HTTP: made and revoked on /account with plain forms, sent as Bearer to
// /api/v1 only, stored hashed, scoped, rate limited; and the OpenAPI document that describes every
// endpoint, valid OpenAPI 3.1, each of whose GET paths answers.
import { validate } from '@readme/openapi-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { API_TOKEN_LIMITS } from '../../app/services/api-tokens.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { AI_OFFER, SHRIMP_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { completedDeal, type DealSide } from '../support/completed-deal.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let cookie: string;
let offer: string;
let dealId: string;
const PASSWORD = 'mat-khau-thu-nghiem';

async function login(email: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: PASSWORD }), redirect: 'manual' });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Posts the /account form as a browser without JavaScript does; the page it gets back. */
async function accountForm(fields: Record<string, string>, lang = 'en') {
  const res = await fetch(`${server.url}/account?lang=${lang}`, { method: 'POST', headers: { cookie }, body: new URLSearchParams(fields), redirect: 'manual' });
  return { status: res.status, html: await res.text(), cache: res.headers.get('cache-control') };
}

/** A new token made through the form: its secret, read from the page that shows it once. */
async function makeToken(name: string, scope: 'read' | 'write', expiresInDays = ''): Promise<string> {
  const { status, html, cache } = await accountForm({ intent: 'create_token', name, scope, expiresInDays });
  expect(status).toBe(200);
  expect(cache).toBe('no-store');
  return /data-testid="new-token">(otx_[\w-]+)</.exec(html)![1]!;
}

async function call(token: string | null, method: string, path: string, body?: unknown, lang?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (lang) headers['accept-language'] = lang;
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // A PDF or a CSV.
  }
  return { status: res.status, headers: res.headers, body: json, text };
}

const actor = (userId: string, organisationId: string, organisationType: Actor['organisationType'], role: Actor['role']): Actor => ({
  userId, name: userId, email: `${userId}@x.vn`, organisationId, organisationType, role, platformAdmin: false,
});

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  const sme = await createOrganisation(market.db, { slug: 'tom-token', name: 'Tôm Token', type: 'enterprise', taxCode: '0100109106' });
  const lab = await createOrganisation(market.db, { slug: 'vien-token', name: 'Viện Token', type: 'institute', taxCode: '0001000027' });
  const buyerMember = await createUser(market.db, { email: 'buyer@token.vn', organisationId: sme, passwordHash });
  const buyerAdmin = await createUser(market.db, { email: 'gd@token.vn', organisationId: sme, role: 'admin', passwordHash });
  const sellerMember = await createUser(market.db, { email: 'nv@vien-token.vn', organisationId: lab, passwordHash });
  const sellerAdmin = await createUser(market.db, { email: 'gd@vien-token.vn', organisationId: lab, role: 'admin', passwordHash });
  const buyer: DealSide = { org: sme, member: actor(buyerMember, sme, 'enterprise', 'member'), admin: actor(buyerAdmin, sme, 'enterprise', 'admin') };
  const seller: DealSide = { org: lab, member: actor(sellerMember, lab, 'institute', 'member'), admin: actor(sellerAdmin, lab, 'institute', 'admin') };
  offer = (await importPublishedListings(market.ctx, lab, [AI_OFFER])).ids[0]!;
  dealId = await completedDeal(market.ctx, buyer, seller, SHRIMP_OFFER);
  server = await startTestServer(market.ctx);
  cookie = await login('buyer@token.vn');
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('tokens on /account, without JavaScript', () => {
  it('makes a token, shows its secret once, stores only its hash, and revokes it', async () => {
    const token = await makeToken('Hệ thống ERP', 'write', '30');
    const page = await (await fetch(`${server.url}/account?lang=vi`, { headers: { cookie } })).text();
    expect(page).toContain('Hệ thống ERP');
    expect(page).toContain('Đọc và ghi');
    expect(page).not.toContain(token);
    const rows = await market.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    expect(rows.find((r) => r.name === 'Hệ thống ERP')!.expires_at).not.toBeNull();

    expect((await call(token, 'GET', '/api/v1/my/listings')).status).toBe(200);
    const used = await market.db.selectFrom('api_tokens').select(['id', 'last_used_at']).where('name', '=', 'Hệ thống ERP').executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();

    const revoked = await accountForm({ intent: 'revoke_token', tokenId: used.id }, 'vi');
    expect(revoked.status).toBe(200);
    expect(revoked.html).toContain('Đã thu hồi mã');
    const refused = await call(token, 'GET', '/api/v1/my/listings', undefined, 'vi');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: 'Mã API này không tồn tại, đã bị thu hồi hoặc đã hết hạn.', code: 'api_token_invalid' });
  });

  it('answers a bad form with its field errors, and makes nothing', async () => {
    const before = await market.db.selectFrom('api_tokens').select('id').execute();
    const { status, html } = await accountForm({ intent: 'create_token', name: '', scope: 'admin', expiresInDays: '9999' });
    expect(status).toBe(400);
    expect(html).toContain('id="field-name-error"');
    expect(html).toContain('id="field-expiresInDays-error"');
    expect(await market.db.selectFrom('api_tokens').select('id').execute()).toHaveLength(before.length);
  });
});

describe('Bearer tokens on /api/v1', () => {
  it('lets a write token create a draft listing, as its person', async () => {
    const token = await makeToken('Nhập tin', 'write');
    const created = await call(token, 'POST', '/api/v1/my/listings', { ...AI_OFFER, title: 'Bản nháp qua mã API' });
    expect(created.status).toBe(201);
    const row = await market.db.selectFrom('listings as l').innerJoin('organisations as o', 'o.id', 'l.organisation_id').select(['l.status', 'o.slug']).where('l.id', '=', created.body.data.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', slug: 'tom-token' });
  });

  it('refuses a read-only token on every write (403), and lets it read', async () => {
    const token = await makeToken('Báo cáo', 'read');
    expect((await call(token, 'GET', '/api/v1/my/listings')).status).toBe(200);
    const refused = await call(token, 'POST', '/api/v1/my/listings', { ...AI_OFFER, title: 'Không được tạo' });
    expect(refused).toMatchObject({ status: 403, body: { code: 'api_token_read_only' } });
    expect(refused.body.error).toContain('read');
    expect((await call(token, 'POST', `/api/v1/my/deals`, { listingId: offer, cooperation: 'Chúng tôi muốn hợp tác.', aboutUs: 'Công ty nuôi tôm.', transferMode: 'turnkey' })).status).toBe(403);
    expect(await market.db.selectFrom('listings').select('id').where('title', '=', 'Không được tạo').execute()).toEqual([]);
  });

  it('refuses an unknown token with a 401 in the caller’s language, on private and public endpoints alike', async () => {
    for (const path of ['/api/v1/my/listings', '/api/v1/listings']) {
      const res = await call('otx_khong-co-ma-nay', 'GET', path, undefined, 'en');
      expect(res).toMatchObject({ status: 401, body: { code: 'api_token_invalid', error: 'This API token is unknown, revoked or expired.' } });
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="opentex", error="invalid_token"');
    }
    expect((await call('not-a-token', 'GET', '/api/v1/my/deals')).status).toBe(401);
  });

  it('refuses a token once its expiry has passed (401)', async () => {
    const token = await makeToken('Hết hạn', 'read', '1');
    expect((await call(token, 'GET', '/api/v1/my/deals')).status).toBe(200);
    await sql`update api_tokens set created_at = now() - interval '3 days', expires_at = now() - interval '1 day' where name = 'Hết hạn'`.execute(market.db);
    expect(await call(token, 'GET', '/api/v1/my/deals')).toMatchObject({ status: 401, body: { code: 'api_token_invalid' } });
  });

  it('is never accepted by a page: /account with a token is still a sign-in', async () => {
    const token = await makeToken('Chỉ API', 'write');
    const res = await fetch(`${server.url}/account`, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/login/);
  });

  it('answers 429 with Retry-After once a token has made its requests of the window', async () => {
    const token = await makeToken('Máy gọi nhiều', 'read');
    const statuses: number[] = [];
    for (let i = 0; i < API_TOKEN_LIMITS.perWindow; i += 20) {
      const batch = await Promise.all(Array.from({ length: Math.min(20, API_TOKEN_LIMITS.perWindow - i) }, () => call(token, 'GET', '/api/v1/listings?per_page=1')));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const limited = await call(token, 'GET', '/api/v1/my/listings', undefined, 'vi');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ code: 'too_many_attempts' });
    // Another token of the same person has its own count.
    expect((await call(await makeToken('Máy khác', 'read'), 'GET', '/api/v1/my/listings')).status).toBe(200);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document with the bearer scheme and the error shape', async () => {
    const { status, body } = await call(null, 'GET', '/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(body));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(body.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(body.components.schemas.Error.required).toEqual(['error', 'code']);
    expect(body.paths['/api/v1/my/listings'].post.requestBody.content['application/json'].schema.properties.title).toMatchObject({ minLength: 5, maxLength: 200 });
  });

  it('documents every /api/v1 route module, and each documented GET path answers a token', async () => {
    const { readdir } = await import('node:fs/promises');
    const { body } = await call(null, 'GET', '/api/v1/openapi.json');
    const documented = Object.keys(body.paths).sort();
    const routes = (await readdir('app/routes'))
      .filter((f) => f.startsWith('api.v1.') && f !== 'api.v1.$.ts')
      .map((f) => `/${f.replace(/\.tsx?$/, '').replace('[.]', '\u0000').split('.').join('/').replace('\u0000', '.').replace(/\$(\w+)/g, '{$1}')}`)
      .sort();
    expect(documented).toEqual(routes);

    const token = await makeToken('Kiểm tra tài liệu', 'read');
    const contract = (await market.db.selectFrom('contracts').select('id').where('deal_id', '=', dealId).executeTakeFirstOrThrow()).id;
    const milestone = (await market.db.selectFrom('milestones').select('id').where('contract_id', '=', contract).executeTakeFirstOrThrow()).id;
    const ownListing = (await market.db.selectFrom('listings as l').innerJoin('organisations as o', 'o.id', 'l.organisation_id').select('l.id').where('o.slug', '=', 'tom-token').executeTakeFirstOrThrow()).id;
    const ids: Record<string, string> = {
      '/api/v1/listings/{id}': offer,
      '/api/v1/listings/{id}/matches': offer,
      '/api/v1/my/listings/{id}': ownListing,
      '/api/v1/my/deals/{id}': dealId,
      '/api/v1/my/contracts/{id}': contract,
      '/api/v1/my/contracts/{id}/pdf': contract,
      '/api/v1/my/contracts/{id}/milestones': contract,
      '/api/v1/my/milestones/{id}': milestone,
    };
    const answers: Record<string, number> = {};
    for (const [path, item] of Object.entries(body.paths as Record<string, Record<string, unknown>>)) {
      if (!item.get) continue;
      const url = path.replace('{id}', ids[path] ?? '').replace('{table}', 'funnel') + (path === '/api/v1/search' ? '?q=nuoc' : '');
      answers[path] = (await call(token, 'GET', url)).status;
    }
    expect(Object.entries(answers).filter(([, s]) => s !== 200)).toEqual([]);
    expect(Object.keys(answers).length).toBeGreaterThanOrEqual(15);
  });
});

describe('/api/docs', () => {
  it('lists every operation in Vietnamese and English, with a Bearer curl example, without JavaScript', async () => {
    for (const [lang, heading] of [['vi', 'Xác thực'], ['en', 'Authentication']] as const) {
      const res = await fetch(`${server.url}/api/docs?lang=${lang}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(heading);
      expect(html).toContain('POST /api/v1/my/listings');
      expect(html).toContain('PATCH /api/v1/my/listings/{id}');
      expect(html).toContain('Authorization: Bearer otx_');
    }
    const vi = await (await fetch(`${server.url}/api/docs?lang=vi`)).text();
    expect(vi).toContain('Tạo một tin nháp');
  });
});
