// Script, event-handler and javascript: payloads in every text field of a listing: nothing runs
// in Chromium, on the public page, the owner's page or the curator's, and the honest text stays.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { actorFromSession, signIn } from '../../app/services/accounts.server.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { createListing } from '../../app/services/my-listings.server.js';
import { WASTEWATER_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { launchChromium } from '../support/browser.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { newPage, visit } from '../support/pages.js';
import { startTestServer } from '../support/server.js';

const PAYLOADS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'onerror\'">',
  '[bấm vào đây](javascript:window.__xss="md-link")',
  '<a href="javascript:window.__xss=\'html-link\'">liên kết</a>',
  '<svg onload="window.__xss=\'svg\'"></svg>',
  '<iframe src="javascript:parent.__xss=\'iframe\'"></iframe>',
];
const evil = (label: string) => `${label} ${PAYLOADS.join(' ')}`;

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let listingId: string;
let ownerCookie: string;
let curatorCookie: string;

async function sessionCookie(email: string) {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: 'mat-khau-thu-nghiem' }), redirect: 'manual' });
  const [name, value] = res.headers.get('set-cookie')!.split(';')[0]!.split('=');
  return { name: name!, value: value!, url: server.url };
}

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword('mat-khau-thu-nghiem');
  const uni = await createOrganisation(market.db, { slug: 'dh-xss', name: 'Đại học <b>Thử</b>', type: 'university', taxCode: '0100000031' });
  const agency = await createOrganisation(market.db, { slug: 'so-xss', name: 'Sở', type: 'agency', taxCode: '0100000032' });
  await createUser(market.db, { email: 'owner@xss.vn', organisationId: uni, passwordHash });
  await createUser(market.db, { email: 'curator@xss.vn', organisationId: agency, passwordHash });
  const owner = (await actorFromSession(market.ctx, (await signIn(market.ctx, { email: 'owner@xss.vn', password: 'mat-khau-thu-nghiem' }, { ip: '1' })).token))!;
  listingId = (
    await createListing(market.ctx, owner, {
      ...WASTEWATER_OFFER,
      title: 'Lọc nước <script>window.__xss="title"</script>',
      summary: evil('Tóm tắt trung thực về lọc nước.'),
      description: evil('## Mô tả trung thực\n\nHệ thống **lọc sinh học** hoạt động ổn định.\n\n'),
      innovation: evil('Điểm mới trung thực.'),
      keywords: ['<img src=x onerror=alert(1)>', 'lọc nước'],
      confidentialDetails: evil('Bí mật trung thực.'),
    })
  ).id;
  await applyListingTransition(market.ctx, owner, listingId, 'submit');
  server = await startTestServer(market.ctx);
  browser = await launchChromium();
  const o = await sessionCookie('owner@xss.vn');
  const c = await sessionCookie('curator@xss.vn');
  ownerCookie = o.value;
  curatorCookie = c.value;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await market?.close();
});

async function pageAs(cookie: string | null): Promise<Page> {
  const page = await newPage(browser, server.url);
  if (cookie) await page.context().addCookies([{ name: 'opentex_session', value: cookie, url: server.url }]);
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  return page;
}

async function expectNothingRan(page: Page) {
  // Click every link the payloads could have produced, then look for their effect.
  for (const link of await page.locator('.markdown a, .lead a, p a').all()) {
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.toLowerCase()).not.toMatch(/^\s*javascript:/);
  }
  expect(await page.locator('main script, main iframe, main svg[onload], main img[onerror]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
}

describe('text written by owners', () => {
  it('runs nothing on the curator’s review page and keeps the honest text', async () => {
    const page = await pageAs(curatorCookie);
    await visit(page, `/curator/listings/${listingId}`);
    await expectNothingRan(page);
    expect(await page.locator('.markdown').textContent()).toContain('Hệ thống lọc sinh học hoạt động ổn định.');
    expect(await page.locator('.markdown strong').textContent()).toBe('lọc sinh học');
    expect(await page.locator('.confidential').textContent()).toContain('Bí mật trung thực.');
    await page.getByRole('button', { name: 'Duyệt và công khai' }).click();
    await page.getByText('Đã duyệt; tin đang công khai.').waitFor();
  });

  it('runs nothing on the public page, in search results or on the owner’s page', async () => {
    for (const [cookie, path] of [
      [null, `/listings/${listingId}`],
      [null, '/search?q=loc+nuoc'],
      [null, '/organisations/dh-xss'],
      [ownerCookie, `/my/listings/${listingId}`],
    ] as const) {
      const page = await pageAs(cookie);
      await visit(page, path);
      await expectNothingRan(page);
      expect(await page.locator('main').textContent(), path).toContain('Lọc nước <script>');
    }
    const editor = await pageAs(ownerCookie);
    await visit(editor, `/my/listings/${listingId}/edit`);
    await expectNothingRan(editor);
    expect(await editor.getByLabel('Tiêu đề').inputValue()).toBe('Lọc nước <script>window.__xss="title"</script>');
    expect(await editor.getByLabel('Mô tả chi tiết').inputValue()).toContain('Hệ thống **lọc sinh học** hoạt động ổn định.');
    const page = await pageAs(null);
    await visit(page, `/listings/${listingId}`);
    expect(await page.locator('.lead').textContent()).toContain('Tóm tắt trung thực về lọc nước.');
    expect(await page.locator('main').textContent()).not.toContain('Bí mật trung thực.');
  });
});
