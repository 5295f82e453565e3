// Accounts over HTTP: the development mailbox is off unless switched on and then answers only
// this machine; nothing links to it; no page tells a stranger whether an email has an account.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { readConfig } from '../../app/config.server.js';
import { createHttpApp } from '../../app/server/http-server.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

type Server = { url: string; close(): Promise<void> };
let market: TestMarket;
let off: Server;
let on: Server;
let cookie: string;

async function post(server: Server, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body: new URLSearchParams(fields), headers, redirect: 'manual' });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

/** A page's body without what legitimately differs between two requests (nonces). */
const comparable = (html: string) => html.replace(/ nonce="[^"]*"/g, '');

/** A GET with full control of the Host header (fetch would not send a foreign one). */
function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const signUpForm = {
  name: 'Lê Hoa', password: 'mat-khau-dai-du', organisationName: 'Công ty Hoa', organisationType: 'enterprise', province: 'ha-noi',
  website: '', description: '', legalRepresentative: 'Lê Văn Hùng', registrationDocument: '0108887771',
};

const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

beforeAll(async () => {
  market = await createTestMarket();
  const org = await createOrganisation(market.db, { slug: 'vien-tai-khoan', name: 'Viện Tài Khoản', type: 'institute', taxCode: '0100000041' });
  await createUser(market.db, { email: 'admin@vien.vn', organisationId: org, role: 'admin', passwordHash: await hashPassword('mat-khau-thu-nghiem') });
  off = await startTestServer(market.ctx);
  on = await startTestServer({ ...market.ctx, devMailbox: KEY });
  const res = await fetch(`${off.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'admin@vien.vn', password: 'mat-khau-thu-nghiem' }), redirect: 'manual' });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});

afterAll(async () => {
  await off?.close();
  await on?.close();
  await market?.close();
});

describe('the development mailbox', () => {
  it('is off in the default configuration, and cannot be on beside SMTP', () => {
    expect(readConfig({ NODE_ENV: 'production' }).devMailbox).toBe(false);
    expect(readConfig({ NODE_ENV: 'production', DEV_MAILBOX: 'true' }).devMailbox).toBe(true);
    expect(() => readConfig({ NODE_ENV: 'production', DEV_MAILBOX: 'true', SMTP_URL: 'smtp://mail.example.com' })).toThrow(/DEV_MAILBOX/);
  });

  it('does not exist unless switched on, even for this machine', async () => {
    await post(off, '/forgot-password', { email: 'admin@vien.vn' });
    const res = await fetch(`${off.url}/dev/mailbox`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('reset-password/');
  });

  it('is linked from no page', async () => {
    for (const server of [off, on]) {
      for (const path of ['/', '/login', '/signup', '/forgot-password', '/search']) {
        const html = await (await fetch(`${server.url}${path}`)).text();
        expect(html, path).not.toContain('/dev/mailbox');
      }
      expect((await post(server, '/forgot-password', { email: 'someone@x.vn' })).html).not.toContain('/dev/mailbox');
    }
  });

  it('when switched on, shows the emails to this machine with the key from the log, uncached', async () => {
    const res = await fetch(`${on.url}/dev/mailbox?key=${KEY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('/reset-password/');
  });

  it('when switched on, answers 404 to a request relayed by a proxy or sent under a foreign host name', async () => {
    expect((await fetch(`${on.url}/dev/mailbox?key=${KEY}`, { headers: { 'X-Forwarded-For': '203.0.113.7' } })).status).toBe(404);
    expect((await fetch(`${on.url}/dev/mailbox?key=${KEY}`, { headers: { Forwarded: 'for=203.0.113.7' } })).status).toBe(404);
    expect(await rawGet(`${on.url}/dev/mailbox?key=${KEY}`, { Host: 'attacker.example' })).toBe(404);
  });

  it('when switched on, answers 404 to a local request without the key (a proxy on this host that adds no header)', async () => {
    for (const query of ['', '?key=', `?key=${KEY.slice(0, -1)}x`]) {
      const res = await fetch(`${on.url}/dev/mailbox${query}`);
      expect(res.status, query).toBe(404);
      expect(await res.text()).not.toContain('/reset-password/');
    }
  });

  const lan = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  it.skipIf(!lan)('when switched on, answers 404 to another machine', async () => {
    const app = await createHttpApp({ ...market.ctx, devMailbox: KEY }, 'build/index.js');
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, lan!, () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://${lan}:${port}/dev/mailbox?key=${KEY}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('/reset-password/');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('no account enumeration', () => {
  it('sign-up answers the same for an email with an account and for a new one', async () => {
    const existing = await post(off, '/signup', { ...signUpForm, email: 'admin@vien.vn', taxCode: '0108887771' });
    const unknown = await post(off, '/signup', { ...signUpForm, email: 'moi@cong-ty-hoa.vn', taxCode: '0200000060' });
    expect(existing.status).toBe(200);
    expect(unknown.status).toBe(existing.status);
    expect(comparable(unknown.html)).toBe(comparable(existing.html));
    // The owner of the account is told; the new address gets its confirmation link.
    const mails = await market.db.selectFrom('emails').select(['to', 'text']).where('to', 'in', ['admin@vien.vn', 'moi@cong-ty-hoa.vn']).where('text', 'like', '%sign%up%').execute();
    expect(mails.find((m) => m.to === 'admin@vien.vn')?.text).toContain('/login');
    expect(mails.find((m) => m.to === 'moi@cong-ty-hoa.vn')?.text).toContain('/signup/confirm/');
  });

  it('the password-reset form answers the same for an email with an account and for an unknown one', async () => {
    const existing = await post(off, '/forgot-password', { email: 'admin@vien.vn' });
    const unknown = await post(off, '/forgot-password', { email: 'khong-ai@x.vn' });
    expect(existing.status).toBe(200);
    expect(unknown.status).toBe(existing.status);
    expect(comparable(unknown.html)).toBe(comparable(existing.html));
  });

  it('the invite form does not say whether the email already has an account', async () => {
    const existing = await post(off, '/my/organisation', { intent: 'invite', email: 'admin@vien.vn', role: 'member' }, { cookie });
    const unknown = await post(off, '/my/organisation', { intent: 'invite', email: 'nguoi-moi@vien.vn', role: 'member' }, { cookie });
    expect(existing.status).toBe(200);
    expect(unknown.status).toBe(existing.status);
    expect(existing.html).not.toMatch(/đã có tài khoản|already has an account/);
  });
});
