// Notifications are marked read when opened: following one from the list marks that one read and
// leads where it points; the bell's count drops; someone else's notification is a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { notifyUser } from '../../app/services/notifications.server.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
const cookies: Record<string, string> = {};

async function signIn(email: string) {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: 'mat-khau-thu-nghiem' }), redirect: 'manual' });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const get = (path: string, who: string) => fetch(`${server.url}${path}`, { headers: { cookie: cookies[who]! }, redirect: 'manual' });
const bell = async (who: string) => /Thông báo \((\d+) chưa đọc\)/.exec(await (await get('/notifications', who)).text())?.[1];

beforeAll(async () => {
  market = await createTestMarket();
  const org = await createOrganisation(market.db, { slug: 'vien-thong-bao', name: 'Viện Thông Báo', type: 'institute', taxCode: '0100109106' });
  const passwordHash = await hashPassword('mat-khau-thu-nghiem');
  const reader = await createUser(market.db, { email: 'doc@vien.vn', organisationId: org, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'khac@vien.vn', organisationId: org, role: 'member', passwordHash });
  await notifyUser(market.ctx, market.db, { id: reader }, { kind: 'organisation_verified', params: {}, link: '/my/organisation' });
  await notifyUser(market.ctx, market.db, { id: reader }, { kind: 'organisation_verified', params: {}, link: '/my/listings' });
  server = await startTestServer(market.ctx);
  cookies.reader = await signIn('doc@vien.vn');
  cookies.other = await signIn('khac@vien.vn');
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('a notification', () => {
  it('is marked read when opened, and leads where it points', async () => {
    expect(await bell('reader')).toBe('2');
    const list = await (await get('/notifications', 'reader')).text();
    const opened = [...list.matchAll(/href="(\/notifications\/[0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(opened).toHaveLength(2);
    const res = await get(opened[0]!, 'reader');
    expect(res.status).toBe(302);
    expect(['/my/organisation', '/my/listings']).toContain(res.headers.get('location'));
    expect(await bell('reader')).toBe('1');
    // Opening it again changes nothing.
    expect((await get(opened[0]!, 'reader')).status).toBe(302);
    expect(await bell('reader')).toBe('1');
  });

  it('of someone else is not found, and stays unread', async () => {
    const list = await (await get('/notifications', 'reader')).text();
    const unread = /<li class="unread">[\s\S]*?href="(\/notifications\/[0-9a-f-]{36})"/.exec(list)![1]!;
    expect((await get(unread, 'other')).status).toBe(404);
    expect((await get('/notifications/not-an-id', 'other')).status).toBe(404);
    expect(await bell('reader')).toBe('1');
  });
});
