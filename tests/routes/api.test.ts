import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { AI_OFFER, WASTEWATER_DEMAND, WASTEWATER_OFFER, createOrganisation } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let offerId: string;

const get = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
};

beforeAll(async () => {
  market = await createTestMarket();
  const org = await createOrganisation(market.db, { slug: 'vien-api', name: 'Viện API', type: 'institute', taxCode: '0100000005' });
  const textile = await createOrganisation(market.db, { slug: 'dn-det', name: 'Doanh nghiệp Dệt Bí Mật', type: 'enterprise', taxCode: '0900000002' });
  offerId = (await importPublishedListings(market.ctx, org, [WASTEWATER_OFFER, AI_OFFER])).ids[0]!;
  await importPublishedListings(market.ctx, textile, [WASTEWATER_DEMAND]);
  server = await startTestServer(market.ctx);
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('GET /api/v1/listings', () => {
  it('lists published listings with filters, paging and facets', async () => {
    const { status, body } = await get('/api/v1/listings?kind=offer&sector=environment_water');
    expect(status).toBe(200);
    expect(body.data.map((l: { id: string }) => l.id)).toEqual([offerId]);
    expect(body.meta).toMatchObject({ total: 1, page: 1, perPage: 20, totalPages: 1, engine: 'meilisearch' });
    expect(body.facets.kind).toEqual({ offer: 1 });
  });

  it.each([
    ['sector=nonsense', 'sector'],
    ['trl_min=0', 'trl_min'],
    ['trl_min=5&trl_max=2', 'trl_max'],
    ['page=-1', 'page'],
    ['per_page=5000', 'per_page'],
    ['sort=random', 'sort'],
  ])('answers 400 naming the parameter for %s', async (qs, parameter) => {
    const { status, body } = await get(`/api/v1/listings?${qs}`);
    expect(status).toBe(400);
    expect(body.parameter).toBe(parameter);
    expect(body.error).toContain(parameter);
  });
});

describe('GET /api/v1/search', () => {
  it('finds listings without diacritics', async () => {
    const { status, body } = await get('/api/v1/search?q=nuoc%20thai');
    expect(status).toBe(200);
    expect(body.meta.total).toBe(2);
  });

  it('needs q', async () => {
    const { status, body } = await get('/api/v1/search');
    expect(status).toBe(400);
    expect(body.parameter).toBe('q');
  });

  it('does not reveal anonymous owners or confidential details', async () => {
    const { body } = await get('/api/v1/search?q=nhuom');
    const text = JSON.stringify(body);
    expect(text).not.toContain('Dệt Bí Mật');
    expect(text).not.toContain('dn-det');
    const all = JSON.stringify((await get('/api/v1/listings?per_page=100')).body);
    expect(all).not.toContain('MLSS');
  });
});

describe('GET /api/v1/listings/:id', () => {
  it('returns one listing', async () => {
    const { status, body } = await get(`/api/v1/listings/${offerId}`);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ id: offerId, kind: 'offer', trl: 7, owner: { name: 'Viện API' } });
    expect(JSON.stringify(body)).not.toContain('MLSS');
  });

  it.each(['00000000-0000-0000-0000-000000000000', 'nope', "1' or 1=1"])('answers 404 with an error for %s', async (id) => {
    const { status, body } = await get(`/api/v1/listings/${encodeURIComponent(id)}`);
    expect(status).toBe(404);
    expect(typeof body.error).toBe('string');
  });
});

describe('the rest of the API', () => {
  it('reports health of PostgreSQL and Meilisearch', async () => {
    const { status, body } = await get('/api/v1/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, postgres: { ok: true }, meilisearch: { ok: true }, pendingIndexUpdates: 0 });
  });

  it('answers unknown endpoints with a JSON 404 and writes with 405', async () => {
    const unknown = await get('/api/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/json');
    const post = await fetch(`${server.url}/api/v1/listings`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(((await post.json()) as { error: string }).error).toMatch(/not allowed/i);
  });
});

describe('pages', () => {
  it('answer 404 with a useful page for unknown listings and paths', async () => {
    for (const path of ['/listings/00000000-0000-0000-0000-000000000000', '/listings/x', '/no/such/page', '/organisations/nobody']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html, path).toContain('Không tìm thấy trang');
      expect(html, path).toContain('href="/search"');
    }
  });

  it('refuse on a page what the API refuses, with the same sentence, and show no results as if filtered', async () => {
    for (const [qs, parameter] of [['trl_min=99&sector=environment_water', 'trl_min'], ['trl_min=7&trl_max=3', 'trl_max']] as const) {
      const page = await fetch(`${server.url}/offers?${qs}`);
      expect(page.status).toBe(400);
      const html = await page.text();
      const api = await (await fetch(`${server.url}/api/v1/listings?${qs}&lang=vi`)).json();
      expect(api.parameter).toBe(parameter);
      const sentence = api.error.charAt(0).toUpperCase() + api.error.slice(1);
      expect(html).toContain(sentence);
      expect(html).not.toContain('xử lý nước thải');
      expect(html).not.toContain('kết quả</h2>');
    }
  });

  it('never say "page 99 of 3": a page past the last one says so and leads to the last', async () => {
    const html = await (await fetch(`${server.url}/offers?per_page=1&page=99`)).text();
    const pages = Number(/(\d+) kết quả/.exec(html)![1]);
    expect(html).toContain(`Trang 99 nằm ngoài kết quả: chỉ có ${pages} trang.`);
    expect(html).not.toMatch(/Trang 99 \/ \d+/);
    expect(html).toContain(`page=${pages}`);
  });

  it('render the listing page with its facts and escaped, sanitised Markdown', async () => {
    const res = await fetch(`${server.url}/listings/${offerId}?lang=en`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Patent granted');
    expect(html).toMatch(/800\.000\.000\s₫/);
    expect(html).not.toContain('MLSS');
  });
});
