// The market on a phone, measured in Chromium: every page a visitor, a university, a business and
// the curator reach by following links fits a 390 px and a 360 px screen (nothing sticks out
// sideways unless it scrolls in a box of its own), its controls are big enough to touch, its
// bytes hold no control character, and on search the count and the first result come before any
// scrolling. Without JavaScript, as a phone on a weak connection first sees each page.
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDeals } from '../../app/services/demo-market.server.js';
import { refreshMarketFacts } from '../../app/services/market-figures.server.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { startBrowserMarket, type BrowserMarket } from '../support/e2e.js';
import { crawl, overflowing, routeOf, smallTargets } from '../support/page-crawl.js';

let world: BrowserMarket;

beforeAll(async () => {
  world = await startBrowserMarket({ demoData: true, prepare: async (market) => {
    await seedDemoDeals(market.ctx);
    await refreshMarketFacts(market.db);
  } });
});

afterAll(() => world?.close());

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };
/** C0 controls but tab, line feed and carriage return, and DEL. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

async function phone(browser: Browser, url: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL: url, viewport: PHONE, javaScriptEnabled: false, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

const readers = [
  { who: 'a visitor', email: null, locale: 'vi-VN', starts: ['/', '/offers', '/demands', '/search?q=nuoc%20thai', '/market', '/login', '/signup', '/forgot-password', '/no-such-page'] },
  { who: 'a visitor reading English', email: null, locale: 'en-US', starts: ['/', '/offers', '/search?q=water', '/market'] },
  { who: 'a university admin', email: 'hbk.admin@opentex.demo', locale: 'vi-VN', starts: ['/my/deals', '/my/listings', '/my/organisation', '/notifications', '/account', '/my/matches', '/my/searches'] },
  { who: 'a business admin', email: 'mekongxanh.admin@opentex.demo', locale: 'vi-VN', starts: ['/my/deals', '/my/listings', '/my/organisation', '/my/matches'] },
  { who: 'the curator', email: 'curator@opentex.demo', locale: 'vi-VN', starts: ['/curator', '/curator/deals', '/curator/organisations', '/curator/stats', '/curator/import', '/my/deals'] },
] as const;

describe('on a phone', () => {
  for (const reader of readers) {
    it(`every page ${reader.who} reaches fits 390 and 360 px, has targets of 24 px, and clean bytes`, async () => {
      const page = await phone(world.browser, world.url, { locale: reader.locale });
      if (reader.locale === 'en-US') {
        await page.goto('/');
        await page.locator('button[name=lang][value=en]').click();
        await page.waitForURL((url) => url.pathname === '/');
      }
      if (reader.email) {
        await page.goto('/login');
        await page.locator('input[name=email]').fill(reader.email);
        await page.locator('input[name=password]').fill(DEMO_PASSWORD);
        await page.locator('main button[type=submit]').click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      }
      const dirty: string[] = [];
      const pages = await crawl(page, [...reader.starts], {
        limit: 70,
        onBytes: (path, body) => {
          const at = body.toString('latin1').search(CONTROL);
          if (at >= 0) dirty.push(`${path} at byte ${at}`);
        },
      });
      const problems: string[] = [];
      for (const path of pages) {
        await page.setViewportSize(PHONE);
        await page.goto(path);
        for (const size of [PHONE, SMALL_PHONE]) {
          await page.setViewportSize(size);
          for (const o of await overflowing(page)) problems.push(`${path} at ${size.width} px: ${o}`);
        }
        for (const s of await smallTargets(page)) problems.push(`${path}: small target ${s}`);
      }
      expect(problems).toEqual([]);
      expect(dirty).toEqual([]);
      const routes = new Set(pages.map(routeOf));
      if (reader.email === null) expect([...routes]).toEqual(expect.arrayContaining(['/', '/offers', '/listings/:id', '/organisations/:slug', '/market']));
      else expect([...routes]).toEqual(expect.arrayContaining(['/my/deals', '/deals/:id', '/my/listings']));
      if (reader.email === 'hbk.admin@opentex.demo') expect([...routes]).toEqual(expect.arrayContaining(['/contracts/:id', '/milestones/:id']));
      if (reader.email === 'curator@opentex.demo') expect([...routes]).toEqual(expect.arrayContaining(['/curator/organisations', '/curator/stats', '/curator/listings/:id']));
    });
  }

  it('shows the result count and the first result on search before any scrolling, with the filters behind a button', async () => {
    const page = await phone(world.browser, world.url);
    await page.goto('/search?q=nuoc%20thai');
    const count = page.locator('#results-heading');
    expect(await count.textContent()).toMatch(/^\d+ kết quả$/);
    const first = page.locator('.listing-card').first();
    const box = await first.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeLessThan(PHONE.height - 100);
    // The filters are one tap away, and open without JavaScript.
    const sector = page.getByRole('checkbox', { name: /Môi trường và nước/ });
    expect(await sector.isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Bộ lọc' }).click();
    await sector.check();
    await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
    await page.waitForURL(/sector=environment_water/);
    expect(await page.locator('summary', { hasText: 'Bộ lọc' }).textContent()).toContain('1 đang dùng');
  });

  it('opens the account menu from one button, without JavaScript', async () => {
    const page = await phone(world.browser, world.url);
    await page.goto('/login');
    await page.locator('input[name=email]').fill('hbk.admin@opentex.demo');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThan(140);
    const myListings = page.getByRole('link', { name: 'Tin của tôi' });
    expect(await myListings.isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Menu' }).click();
    await myListings.click();
    await page.waitForURL(/\/my\/listings$/);
  });
});
