// A visitor's first minutes on the market, in real Chromium against the built app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrived, heading, newPage as openPage, visit } from '../support/pages.js';
import { startBrowserMarket, type BrowserMarket } from '../support/e2e.js';

let world: BrowserMarket;

beforeAll(async () => {
  world = await startBrowserMarket({ demoData: true });
});

afterAll(() => world?.close());

const newPage = (options: { javaScriptEnabled?: boolean } = {}) => openPage(world.browser, world.url, options);

describe('a visitor', () => {
  it('browses offers and narrows them to one sector', async () => {
    const page = await newPage();
    await visit(page, '/offers');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Công nghệ chào bán');
    const before = await page.locator('.listing-card').count();
    const totalBefore = await page.locator('#results-heading').textContent();
    await page.getByRole('checkbox', { name: /Môi trường và nước/ }).check();
    await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
    await arrived(page, /sector=environment_water/);
    await page.waitForFunction((t) => document.querySelector('#results-heading')?.textContent !== t, totalBefore);
    const cards = page.locator('.listing-card');
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(before);
    for (let i = 0; i < count; i += 1) {
      expect(await cards.nth(i).locator('.kind').textContent()).toBe('Chào bán');
      expect(await cards.nth(i).locator('.tags').textContent()).toContain('Môi trường và nước');
    }
    expect(await page.getByRole('checkbox', { name: /Môi trường và nước/ }).isChecked()).toBe(true);
  });

  it('searches without diacritics, sees the terms marked, and opens a listing', async () => {
    const page = await newPage();
    await visit(page, '/');
    await page.getByLabel('Tìm công nghệ hoặc nhu cầu').fill('nuoc thai');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await arrived(page, /\/search\?q=nuoc\+thai/);
    await heading(page, 'Kết quả cho “nuoc thai”');
    const first = page.locator('.listing-card').first();
    const title = (await first.locator('.listing-title').textContent())!;
    expect(title.toLowerCase()).toMatch(/nước thải|wastewater/);
    expect(await first.locator('mark').count()).toBeGreaterThan(0);

    await first.locator('.listing-title a').click();
    await arrived(page, /\/listings\/[0-9a-f-]{36}$/);
    await heading(page, title);
    expect(await page.getByRole('heading', { name: 'Thông tin chính' }).count()).toBe(1);
    expect(await page.locator('.facts').textContent()).toMatch(/₫|Thỏa thuận/);
  });

  it('switches the interface to English and keeps it while browsing', async () => {
    const page = await newPage();
    await visit(page, '/search?q=nuoc+thai');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await heading(page, 'Results for “nuoc thai”');
    expect(page.url()).toContain('/search?q=nuoc+thai');
    await page.getByRole('link', { name: 'Technology demands' }).click();
    await arrived(page, /\/demands$/);
    await heading(page, 'Technology demands');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('does all of it before JavaScript loads: search, filter, open, switch language', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await visit(page, '/', false);
    await page.getByLabel('Tìm công nghệ hoặc nhu cầu').fill('nuoc thai');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await arrived(page, /\/search\?q=nuoc\+thai/);
    const total = await page.locator('#results-heading').textContent();
    expect(total).toMatch(/^\d+ kết quả$/);
    expect(await page.locator('.listing-card mark').count()).toBeGreaterThan(0);

    // On the page as it first arrives, the filters wait behind their button.
    await page.locator('summary', { hasText: 'Bộ lọc' }).click();
    await page.getByLabel('Loại tin').selectOption('demand');
    await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
    await arrived(page, /kind=demand/);
    const kinds = await page.locator('.listing-card .kind').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Nhu cầu']));

    await page.locator('.listing-title a').first().click();
    await arrived(page, /\/listings\//);
    expect(await page.getByRole('heading', { name: 'Thông tin chính' }).count()).toBe(1);

    await page.getByRole('button', { name: 'English' }).click();
    await arrived(page, /\/listings\//);
    expect(await page.getByRole('heading', { name: 'Key facts' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('meets an unknown page with a 404 that leads back into the market', async () => {
    const page = await newPage();
    const res = await visit(page, '/listings/00000000-0000-0000-0000-000000000000');
    expect(res?.status()).toBe(404);
    await heading(page, 'Không tìm thấy trang');
    await page.getByRole('link', { name: 'Tìm kiếm trên sàn' }).click();
    await arrived(page, /\/search$/);
    await heading(page, 'Tìm kiếm');
  });
});
