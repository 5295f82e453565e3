// The HTTP edge (issue 7, findings 5, 6, 7, 12, 15), over real HTTP against the built app:
// bodies are limited before they are buffered, every response carries the security headers,
// redirects stay on the site, and hostile input is a 400 or cleaned, never a 500.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { readConfig } from '../../app/config.server.js';
import { createSearch } from '../../search/client.js';
import { AI_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

const PASSWORD = 'mat-khau-thu-nghiem';
let market: TestMarket;
let server: { url: string; close(): Promise<void> };
const cookies: Record<'member' | 'admin' | 'curator', string> = { member: '', admin: '', curator: '' };

async function login(email: string, redirectTo?: string) {
  const body = new URLSearchParams({ email, password: PASSWORD });
  if (redirectTo !== undefined) body.set('redirectTo', redirectTo);
  return fetch(`${server.url}/login`, { method: 'POST', body, redirect: 'manual' });
}

async function post(path: string, fields: Record<string, string | string[]>, cookie = cookies.member) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body, headers: { cookie }, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

async function postJson(path: string, value: unknown, cookie = cookies.member) {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(value), headers: { cookie, 'content-type': 'application/json' } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function postRaw(path: string, contentType: string, body: string, cookie = cookies.member) {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body, headers: { cookie, 'content-type': contentType }, redirect: 'manual' });
  return { status: res.status, text: await res.text() };
}

/** Sends raw bytes and resolves with what the server answered first (its status line and headers). */
function rawExchange(chunks: (string | Buffer)[]): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    let answered = false;
    socket.on('data', (d) => {
      answered = true;
      answer += d.toString('latin1');
      if (answer.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', (e) => (answer ? resolve(answer) : reject(e)));
    socket.on('close', () => resolve(answer));
    // One piece at a time, stopping as soon as the server has answered.
    const send = (i: number) => {
      if (answered || i >= chunks.length) return;
      socket.write(chunks[i]!, (error) => (error ? undefined : setImmediate(() => send(i + 1))));
    };
    socket.on('connect', () => send(0));
  });
}

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
const statusOf = (answer: string) => Number(answer.split(' ')[1]);
const headerOf = (answer: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(answer)?.[1]?.trim() ?? null;

const LISTING_FORM = {
  intent: 'save', kind: 'offer', title: 'Cảm biến độ mặn giá rẻ', summary: 'Cảm biến đo độ mặn cho ao nuôi tôm, gửi số liệu qua điện thoại.',
  description: 'Mô tả', innovation: '', sectors: ['aquaculture_fisheries'], keywords: 'độ mặn, cảm biến', trl: '5', ipStatus: 'utility_solution',
  transferModes: ['licence_non_exclusive'], priceMin: '', priceMax: '', province: 'ca-mau', language: 'vi', confidentialDetails: '',
};

async function titleOf(id: string) {
  return (await market.db.selectFrom('listings').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title;
}

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  const uni = await createOrganisation(market.db, { slug: 'vien-bien', name: 'Viện Biên', type: 'institute', taxCode: '0100000071' });
  const agency = await createOrganisation(market.db, { slug: 'so-bien', name: 'Sở Biên', type: 'agency', taxCode: '0100000072' });
  await createUser(market.db, { email: 'member@bien.vn', organisationId: uni, passwordHash });
  await createUser(market.db, { email: 'admin@bien.vn', organisationId: uni, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'curator@bien.vn', organisationId: agency, passwordHash });
  server = await startTestServer(market.ctx);
  for (const who of ['member', 'admin', 'curator'] as const) {
    cookies[who] = (await login(`${who}@bien.vn`)).headers.get('set-cookie')!.split(';')[0]!;
  }
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('body limits', () => {
  it('answers a 100 MB sign-in form 413 from its Content-Length, without waiting for the body', async () => {
    const answer = await rawExchange([
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`,
    ]);
    expect(statusOf(answer)).toBe(413);
    expect(headerOf(answer, 'connection')).toBe('close');
    const page = await fetch(`${server.url}/login`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(page.status).toBe(413);
    const html = await page.text();
    expect(html).toContain('Dữ liệu gửi lên quá lớn');
    expect(html).toContain('What was sent is too large');
    // Styled like every page, by the same stylesheet.
    const stylesheet = /<link rel="stylesheet" href="(\/build\/[^"]+\.css)">/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    expect((await fetch(`${server.url}${stylesheet}`)).status).toBe(200);
  });

  it('answers the JSON API 413 with a JSON error', async () => {
    const res = await fetch(`${server.url}/api/v1/my/listings`, { method: 'POST', body: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }), headers: { cookie: cookies.member, 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/too large: 1 MB at most/) });
  });

  it('stops reading a chunked body without a length once it passes 1 MB', async () => {
    const piece = 'a='.padEnd(256 * 1024, 'x');
    const chunk = `${(piece.length).toString(16)}\r\n${piece}\r\n`;
    const answer = await rawExchange([
      'POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n',
      // 10 MB offered; the server answers after a little over 1 MB.
      ...Array.from({ length: 40 }, () => chunk),
      '0\r\n\r\n',
    ]);
    expect(statusOf(answer)).toBe(413);
  });

  it('lets a 5 MB attachment through but not a larger upload body', async () => {
    const answer = await rawExchange([
      `POST /my/listings/x/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookies.member}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${7 * 1024 * 1024}\r\n\r\n`,
    ]);
    expect(statusOf(answer)).toBe(413);
  });
});

describe('security headers', () => {
  const expectCommon = (res: Response) => {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  };

  it('give every page a CSP whose nonce is on every inline script, new for each request', async () => {
    const nonces: string[] = [];
    for (const path of ['/', '/search?q=ocr']) {
      const res = await fetch(`${server.url}${path}`);
      expectCommon(res);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      nonces.push(nonce!);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('are on JSON, redirects, static files, 404s, 403s and 413s too', async () => {
    const responses = [
      await fetch(`${server.url}/api/v1/listings`),
      await fetch(`${server.url}/api/v1/nothing-here`),
      await fetch(`${server.url}/my/listings`, { redirect: 'manual' }),
      await fetch(`${server.url}/favicon.svg`),
      await fetch(`${server.url}/no-such-file.png`),
      await fetch(`${server.url}/no-such-page`),
      await fetch(`${server.url}/login`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: new URLSearchParams({ email: 'a@b.vn' }) }),
      await fetch(`${server.url}/login`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 404, 302, 200, 404, 404, 403, 413]);
    for (const res of responses) expectCommon(res);
    const built = /src="(\/build\/[^"]+\.js)"/.exec(await (await fetch(`${server.url}/`)).text())?.[1] ?? /href="(\/build\/[^"]+\.js)"/.exec(await (await fetch(`${server.url}/`)).text())![1]!;
    expectCommon(await fetch(`${server.url}${built}`));
  });

  it('cache the stylesheet and the scripts for good: their names change with their content', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
    const script = /<link rel="modulepreload" [^>]*href="([^"]+)"/.exec(html)![1]!;
    for (const asset of [stylesheet, script]) {
      expect(asset).toMatch(/^\/build\/.+-[A-Z0-9]{8}\.(css|js)$/);
      const res = await fetch(`${server.url}${asset}`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      if (asset === stylesheet) expect(res.headers.get('content-encoding')).toBe('gzip');
    }
  });

  it('send HSTS only over HTTPS, believing X-Forwarded-Proto only when TRUST_PROXY says so', async () => {
    const proxied = { 'x-forwarded-proto': 'https' };
    expect((await fetch(`${server.url}/`, { headers: proxied })).headers.get('strict-transport-security')).toBeNull();
    const behindProxy = await startTestServer(market.ctx, { trustProxy: readConfig(env({ TRUST_PROXY: 'loopback' })).trustProxy });
    try {
      expect((await fetch(`${behindProxy.url}/`, { headers: proxied })).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect((await fetch(`${behindProxy.url}/api/v1/listings`, { headers: proxied })).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect((await fetch(`${behindProxy.url}/`)).headers.get('strict-transport-security')).toBeNull();
    } finally {
      await behindProxy.close();
    }
  });

  it('read TRUST_PROXY as Express does: off by default, hops, or addresses, never a blind true', () => {
    expect(readConfig(env({})).trustProxy).toBe(false);
    expect(() => readConfig(env({ TRUST_PROXY: 'true' }))).toThrow(/TRUST_PROXY/);
    expect(readConfig(env({ TRUST_PROXY: '2' })).trustProxy).toBe(2);
    expect(readConfig(env({ TRUST_PROXY: 'loopback, 10.0.0.0/8' })).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => readConfig(env({ TRUST_PROXY: 'yes please!' }))).toThrow(/TRUST_PROXY/);
  });
});

describe('redirects after sign-in and language switch', () => {
  it.each([
    ['/%09/evil.example/phish'],
    ['/\t/evil.example'],
    ['/%2F%2Fevil.example'],
    ['/\\evil.example'],
    ['/x\r\nSet-Cookie: a=b'],
    ['/\n'],
  ])('send %j home instead, never to another site and never a 500', async (to) => {
    const res = await login('member@bien.vn', to);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/my/listings');
    const lang = await post('/language', { lang: 'en', returnTo: to });
    expect(lang).toMatchObject({ status: 302, location: '/' });
  });

  it('keep a path on the site, and the sign-in page renders whatever redirectTo holds', async () => {
    expect((await login('member@bien.vn', '/search?q=ocr')).headers.get('location')).toBe('/search?q=ocr');
    expect((await fetch(`${server.url}/login?redirectTo=%0D%0A%00%09/evil`)).status).toBe(200);
  });
});

describe('input that used to give a 500', () => {
  it('multipart without a boundary, malformed or truncated, is a 400', async () => {
    expect((await postRaw('/login', 'multipart/form-data', 'email=a')).status).toBe(400);
    expect((await postRaw('/login', 'multipart/form-data; boundary=zz', '--zz\r\ngarbage\r\n\r\n')).status).toBe(400);
    expect((await postRaw('/login', 'text/plain', 'email=a')).status).toBe(400);
    const truncated = '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then noth';
    const { id } = (await postJson('/api/v1/my/listings', AI_OFFER)).json.data as { id: string };
    const res = await postRaw(`/my/listings/${id}/attachments`, 'multipart/form-data; boundary=zz', truncated);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Không đọc được dữ liệu biểu mẫu');
  });

  it('file names with ; = quotes and Vietnamese letters upload fine, without bidirectional overrides', async () => {
    const { id } = (await postJson('/api/v1/my/listings', AI_OFFER)).json.data as { id: string };
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF');
    for (const name of ['Kết quả đo pH=7.pdf', 'báo cáo; "bản 2".pdf', 'hợp-đồng\u202Efdp.exe.pdf']) {
      const form = new FormData();
      form.set('intent', 'add');
      form.set('file', new Blob([pdf], { type: 'application/pdf' }), name);
      const res = await fetch(`${server.url}/my/listings/${id}/attachments`, { method: 'POST', body: form, headers: { cookie: cookies.member }, redirect: 'manual' });
      expect(res.headers.get('location'), name).toBe(`/my/listings/${id}?attachment=added`);
    }
    const names = (await market.db.selectFrom('attachments').select('filename').where('listing_id', '=', id).execute()).map((r) => r.filename).sort();
    expect(names).toEqual(['Kết quả đo pH=7.pdf', 'báo cáo; _bản 2_.pdf', 'hợp-đồngfdp.exe.pdf'].sort());
  });

  it('a NUL in a new listing (form and API) is removed, and so are bidirectional overrides', async () => {
    const form = await post('/my/listings/new?kind=offer', { ...LISTING_FORM, title: 'Cảm biến\u0000 độ mặn \u202Egiá rẻ', description: 'Dòng 1\r\nDòng\u0007 2' });
    expect(form.status).toBe(302);
    const formId = form.location!.split('/').pop()!;
    expect(await titleOf(formId)).toBe('Cảm biến độ mặn giá rẻ');
    const api = await postJson('/api/v1/my/listings', { ...AI_OFFER, title: 'OCR\u0000 for \u2066forms\u2069', keywords: ['a\u0000b'] });
    expect(api.status).toBe(201);
    expect(await titleOf((api.json.data as { id: string }).id)).toBe('OCR for forms');
  });

  it('a title of zero-width or other invisible characters is refused like an empty one', async () => {
    for (const title of ['\u200B\u200B\u200B\u200B\u200B\u200B', '\u2800\u3164\u200D\uFEFF\u00AD\u2060 ']) {
      const form = await post('/my/listings/new?kind=offer', { ...LISTING_FORM, title });
      expect(form.status).toBe(400);
      expect(form.text).toContain('id="field-title-error"');
      expect(form.text).toContain('bắt buộc');
      const api = await postJson('/api/v1/my/listings', { ...AI_OFFER, title });
      expect(api.status).toBe(400);
      expect(api.json.fields).toMatchObject({ title: ['required'] });
    }
  });

  it('a NUL in a saved-search name, a curator reason or an organisation name is removed', async () => {
    expect((await post('/my/searches', { intent: 'save', name: 'Cảm biến\u0000', query: 'q=ocr' })).status).toBe(200);
    const saved = await market.db.selectFrom('saved_searches').select('name').execute();
    expect(saved.map((s) => s.name)).toEqual(['Cảm biến']);
    const refused = await post('/my/searches', { intent: 'save', name: '\u200B\u200B', query: 'q=ocr' });
    expect(refused.status).toBe(400);

    const { id } = (await postJson('/api/v1/my/listings', AI_OFFER)).json.data as { id: string };
    expect((await fetch(`${server.url}/api/v1/my/listings/${id}/submit`, { method: 'POST', headers: { cookie: cookies.member } })).status).toBe(200);
    expect((await post(`/curator/listings/${id}`, { intent: 'request_changes', reason: '\u200B\u2060' }, cookies.curator)).status).toBe(400);
    expect((await post(`/curator/listings/${id}`, { intent: 'request_changes', reason: 'Thiếu\u0000 số liệu đo' }, cookies.curator)).status).toBe(200);
    const event = await market.db.selectFrom('audit_events').select('reason').where('entity_id', '=', id).where('action', '=', 'request_changes').executeTakeFirstOrThrow();
    expect(event.reason).toBe('Thiếu số liệu đo');

    const profile = await post('/my/organisation', { intent: 'profile', organisationName: 'Viện\u0000 Biên \u202Emới', province: 'ha-noi', website: '', description: '' }, cookies.admin);
    expect(profile.status).toBe(200);
    expect((await market.db.selectFrom('organisations').select('name').where('slug', '=', 'vien-bien').executeTakeFirstOrThrow()).name).toBe('Viện Biên mới');
  });

  it('a control character in a path is a 400, before any route or query sees it', async () => {
    for (const path of ['/organisations/%00', '/organisations/vien%0Abien', '/listings/%7F', '/api/v1/listings/%00']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(400);
      if (path.startsWith('/api/')) expect(await res.json()).toEqual({ error: expect.stringMatching(/not allowed/) });
      else expect(await res.text()).toContain('Địa chỉ trang chứa ký tự không được phép');
    }
    expect((await fetch(`${server.url}/organisations/vien-bien`)).status).toBe(200);
  });

  it('a NUL in the search words works when Meilisearch is down and search falls back to PostgreSQL', async () => {
    const live = market.ctx.search;
    market.ctx.search = createSearch({ host: 'http://127.0.0.1:9', apiKey: 'none', indexName: 'none', timeoutMs: 1000 });
    try {
      const page = await fetch(`${server.url}/search?q=%00ocr%00`);
      expect(page.status).toBe(200);
      const api = await fetch(`${server.url}/api/v1/search?q=ocr%00`);
      expect(api.status).toBe(200);
      expect(((await api.json()) as { meta: { engine: string } }).meta.engine).toBe('postgres');
    } finally {
      market.ctx.search.close();
      market.ctx.search = live;
    }
  });
});
