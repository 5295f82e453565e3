// /my/matches: the organisation's matches from the documented floor up, strongest first, a page
// of 20 at a time with paging text that agrees with the count, filtered by listing, strength and
// saved, and each saved or dismissed in place with a plain form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { INBOX_MATCH_FLOOR } from '../../app/domain/match-inbox.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let cookie: string;
const ids: { demands: string[]; offers: string[] } = { demands: [], offers: [] };

/** Published listings and their matches written as the matcher writes them (scores chosen here). */
async function publish(kind: 'offer' | 'demand', organisationId: string, title: string): Promise<string> {
  const row = await market.db
    .insertInto('listings')
    .values({
      kind, organisation_id: organisationId, status: 'published', published_at: new Date(), expires_at: new Date(Date.now() + 365 * 86_400_000), submitted_at: new Date(), updated_at: new Date(),
      title, summary: `${title}.`, description: '', innovation: '', sectors: ['agrifood'], keywords: [], trl: 5, transfer_modes: ['licence_non_exclusive'],
      price_negotiable: true, anonymous: false, province_code: 'ha-noi', language: 'vi',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const get = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
const scores = (html: string) => [...html.matchAll(/class="match-score[^"]*"[^>]*>(?:<[^>]+>)*(\d+)/g)].map((m) => Number(m[1]));

beforeAll(async () => {
  market = await createTestMarket();
  const firm = await createOrganisation(market.db, { slug: 'cong-ty-ket-noi', name: 'Công ty Kết Nối', type: 'enterprise', taxCode: '0100109106' });
  const lab = await createOrganisation(market.db, { slug: 'vien-ket-noi', name: 'Viện Kết Nối', type: 'institute', taxCode: '0001000027' });
  await createUser(market.db, { email: 'firm@ketnoi.vn', organisationId: firm, role: 'admin', passwordHash: await hashPassword('mat-khau-thu-nghiem') });
  ids.demands.push(await publish('demand', firm, 'Nhu cầu sấy nông sản'), await publish('demand', firm, 'Nhu cầu bảo quản lạnh'));
  for (let i = 0; i < 25; i += 1) ids.offers.push(await publish('offer', lab, `Công nghệ số ${i + 1}`));
  // 25 matches for the first demand, scores 33 … 81, and one of 90 for the second.
  for (let i = 0; i < 25; i += 1) {
    await market.db.insertInto('matches').values({ demand_id: ids.demands[0]!, offer_id: ids.offers[i]!, score: 33 + i * 2, reasons: JSON.stringify([]), computed_at: new Date(), first_seen_at: new Date(Date.now() - i * 60_000) }).execute();
  }
  await market.db.insertInto('matches').values({ demand_id: ids.demands[1]!, offer_id: ids.offers[0]!, score: 90, reasons: JSON.stringify([]), computed_at: new Date(), first_seen_at: new Date() }).execute();
  server = await startTestServer(market.ctx);
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'firm@ketnoi.vn', password: 'mat-khau-thu-nghiem' }), redirect: 'manual' });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('/my/matches', () => {
  it('lists only matches from the floor up, strongest first, 20 to a page, with paging that agrees with the count', async () => {
    const listed = 1 + Array.from({ length: 25 }, (_, i) => 33 + i * 2).filter((s) => s >= INBOX_MATCH_FLOOR).length;
    const first = await (await get('/my/matches')).text();
    expect(first).toContain(`${listed} kết nối`);
    const onFirst = scores(first);
    expect(onFirst[0]).toBe(90);
    expect(onFirst).toEqual([...onFirst].sort((a, b) => b - a));
    expect(Math.min(...onFirst)).toBeGreaterThanOrEqual(INBOX_MATCH_FLOOR);
    expect(onFirst.length).toBe(Math.min(20, listed));
    if (listed > 20) {
      expect(first).toContain(`Trang 1 / ${Math.ceil(listed / 20)}`);
      const second = scores(await (await get('/my/matches?page=2')).text());
      expect(second.length).toBe(listed - 20);
      expect(Math.max(...second)).toBeLessThanOrEqual(Math.min(...onFirst));
    }
  });

  it('filters by listing and by strength, and refuses a bad filter with the API sentence', async () => {
    const one = scores(await (await get(`/my/matches?listing=${ids.demands[1]}`)).text());
    expect(one).toEqual([90]);
    const strong = scores(await (await get('/my/matches?strength=strong')).text());
    expect(strong.every((s) => s >= 70)).toBe(true);
    expect(strong.length).toBeGreaterThan(1);
    const bad = await get('/my/matches?strength=everything');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('tham số tìm kiếm “strength” không hợp lệ');
  });

  it('saves and dismisses a match in place, back on the same page', async () => {
    const back = `/my/matches?listing=${ids.demands[0]}`;
    const save = await fetch(`${server.url}/my/matches`, { method: 'POST', headers: { cookie }, redirect: 'manual', body: new URLSearchParams({ intent: 'save', mine: ids.demands[0]!, other: ids.offers[24]!, back }) });
    expect(save.status).toBe(302);
    expect(save.headers.get('location')).toBe(back);
    const saved = await (await get('/my/matches?saved=1')).text();
    expect(scores(saved)).toEqual([81]);
    const dismiss = await fetch(`${server.url}/my/matches`, { method: 'POST', headers: { cookie }, redirect: 'manual', body: new URLSearchParams({ intent: 'dismiss', mine: ids.demands[0]!, other: ids.offers[23]!, back }) });
    expect(dismiss.status).toBe(302);
    expect(scores(await (await get(back)).text())).not.toContain(79);
    // Someone else's listing is not this organisation's to act on.
    const foreign = await fetch(`${server.url}/my/matches`, { method: 'POST', headers: { cookie }, redirect: 'manual', body: new URLSearchParams({ intent: 'dismiss', mine: ids.offers[0]!, other: ids.demands[1]!, back }) });
    expect([403, 404]).toContain(foreign.status);
  });
});
