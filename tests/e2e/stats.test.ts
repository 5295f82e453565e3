// The agency's statistics without JavaScript: a curator filters the dashboard by sector through
// the plain GET form, and downloads that table as a CSV that holds its Vietnamese intact.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDeals } from '../../app/services/demo-market.server.js';
import { refreshMarketFacts } from '../../app/services/market-figures.server.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { startBrowserMarket, type BrowserMarket } from '../support/e2e.js';
import { arrived, newPage, visit } from '../support/pages.js';

let world: BrowserMarket;

beforeAll(async () => {
  // The demo market as `npm start` makes it: its listings, then its deals at every stage.
  world = await startBrowserMarket({ demoData: true, prepare: async (market) => {
    await seedDemoDeals(market.ctx);
    await refreshMarketFacts(market.db);
  } });
});

afterAll(() => world?.close());

describe('the agency’s statistics', () => {
  it('are filtered by sector and downloaded as CSV, with JavaScript off', async () => {
    const curator = await newPage(world.browser, world.url, { javaScriptEnabled: false });
    await visit(curator, '/login', false);
    await curator.getByLabel('Email').fill('curator@opentex.demo');
    await curator.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await curator.getByRole('button', { name: 'Đăng nhập' }).click();
    await arrived(curator, /\/curator$/);
    await curator.getByRole('link', { name: 'Thống kê thị trường' }).click();
    await curator.getByRole('heading', { level: 1, name: 'Thống kê thị trường' }).waitFor();
    // The demo market has signed and completed deals: the funnel shows them.
    const completed = curator.getByRole('row', { name: /Hợp đồng hoàn thành/ }).first();
    expect(Number(await completed.locator('td').first().textContent())).toBeGreaterThanOrEqual(1);

    await curator.getByRole('combobox', { name: 'Lĩnh vực' }).selectOption({ label: 'Thủy sản' });
    await curator.getByRole('button', { name: 'Áp dụng' }).click();
    await arrived(curator, /\/curator\/stats\?.*sector=aquaculture_fisheries/);
    await expect(curator.getByRole('heading', { name: 'Theo lĩnh vực', exact: true }).count()).resolves.toBe(1);

    const sectors = curator.locator('section.stats-figure', { has: curator.getByRole('heading', { name: 'Theo lĩnh vực', exact: true }) });
    const [download] = await Promise.all([curator.waitForEvent('download'), sectors.getByRole('link', { name: 'CSV' }).click()]);
    const file = readFileSync((await download.path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<Record<string, string>>(file.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.sector, r.sector_name])).toEqual([['aquaculture_fisheries', 'Thủy sản']]);
    expect(Number(rows[0]!.published)).toBeGreaterThan(0);
  });
});
