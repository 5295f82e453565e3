// Sign-up on a phone without JavaScript, through the development mailbox: nothing exists until
// the emailed link is confirmed (no sign-in, so nothing to draft or submit), and confirming it
// creates the account and the organisation and signs the person in.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';
let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  market = await createTestMarket({ devMailbox: KEY });
  server = await startTestServer(market.ctx);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await market?.close();
});

describe('a new business signing up', () => {
  it('confirms its email through the emailed link before it has an account', async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto('/signup');
    await page.getByLabel('Họ và tên').fill('Phạm Thu Trang');
    await page.getByLabel('Email').fill('trang@nongsan-xanh.vn');
    await page.getByLabel('Mật khẩu').fill('mat-khau-that-dai-2026');
    await page.getByLabel('Tên tổ chức').fill('Công ty Nông sản Xanh');
    await page.locator('select[name=organisationType]').selectOption('enterprise');
    await page.getByLabel('Mã số thuế').fill('0001000034');
    await page.locator('select[name=province]').selectOption({ index: 1 });
    await page.getByLabel('Người đại diện theo pháp luật').fill('Phạm Văn Nam');
    await page.getByLabel('Số giấy tờ thành lập').fill('0001000034');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Chúng tôi vừa gửi thư đến địa chỉ email bạn nhập.').waitFor();

    // Unconfirmed, there is no account: signing in is refused, so nothing can be written or submitted.
    await page.goto('/login');
    await page.getByLabel('Email').fill('trang@nongsan-xanh.vn');
    await page.getByLabel('Mật khẩu').fill('mat-khau-that-dai-2026');
    await page.locator('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/login/);
    expect(await page.locator('main').textContent()).toContain('sai email hoặc mật khẩu');
    expect((await page.request.get('/my/listings/new?kind=demand', { maxRedirects: 0 })).status()).toBe(302);

    await page.goto(`/dev/mailbox?key=${KEY}`);
    const link = await page.locator('a[href*="/signup/confirm/"]').first().getAttribute('href');
    expect(link).toBeTruthy();
    await page.goto(new URL(link!).pathname);
    await page.getByRole('button', { name: 'Xác nhận và tạo tài khoản' }).click();
    await page.waitForURL(/\/my\/listings$/);
    await page.getByRole('link', { name: 'Đăng công nghệ chào bán' }).or(page.getByRole('link', { name: /Đăng nhu cầu/ })).first().waitFor();
    const organisation = await market.db.selectFrom('organisations').select(['name', 'tax_code']).where('tax_code', '=', '0001000034').executeTakeFirstOrThrow();
    expect(organisation.name).toBe('Công ty Nông sản Xanh');
  });
});
