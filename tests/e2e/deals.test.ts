// Two journeys of issue 9 in Chromium. An SME finds a university's offer by search and expresses
// interest; the university (JavaScript disabled) accepts and proposes the NDA; the SME accepts it
// and sees the confidential details; terms go back and forth until the SME accepts the latest;
// both read the same timeline. Then a curator introduces a demand to an offer and both consent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { startBrowserMarket, type BrowserMarket } from '../support/e2e.js';
import { arrived, heading, newPage, visit } from '../support/pages.js';

let world: BrowserMarket;
const OFFER = 'Hệ thống AOI dùng học sâu phát hiện lỗi hàn trên dây chuyền SMT';

beforeAll(async () => {
  world = await startBrowserMarket({ demoData: true });
});

afterAll(() => world?.close());

async function signIn(page: Page, email: string, javaScript: boolean) {
  await visit(page, '/login', javaScript);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await arrived(page, /\/(my\/listings|curator)$/);
}

async function proposeTerms(page: Page, price: string, halves: [string, string]) {
  await page.getByLabel('Đối tượng chuyển giao').fill('Hệ thống AOI và mô hình học sâu, kèm đào tạo');
  await page.getByLabel('Hình thức chuyển giao', { exact: true }).selectOption('licence_non_exclusive');
  await page.getByLabel('Phạm vi lãnh thổ').fill('Việt Nam');
  await page.getByLabel('Lĩnh vực sử dụng').fill('Lắp ráp điện tử');
  await page.getByLabel('Thời hạn (tháng)').fill('24');
  await page.getByLabel('Giá (đồng)').fill(price);
  const amounts = page.getByLabel('Số tiền (đồng)');
  const conditions = page.getByLabel('Điều kiện đến hạn');
  const deliverables = page.getByLabel('Bàn giao');
  for (const [row, amount] of halves.entries()) {
    await amounts.nth(row).fill(amount);
    await conditions.nth(row).fill(row === 0 ? 'Khi ký hợp đồng' : 'Khi nghiệm thu');
    await deliverables.nth(row).fill(row === 0 ? 'Mô hình và tài liệu' : 'Hệ thống chạy trên dây chuyền');
  }
  await page.getByLabel('Giải quyết tranh chấp').selectOption('mediation');
  await page.getByLabel('Đề xuất có hiệu lực trong (ngày)').fill('14');
  await page.getByRole('button', { name: 'Gửi đề xuất' }).click();
}

const timeline = (page: Page) => page.locator('section[aria-labelledby="timeline-heading"] ol').innerText();

describe('a deal, from a search to agreed terms', () => {
  // Once with the SME's JavaScript on, once with it off; the university's is always off.
  it.each([true, false])('goes from interest through the NDA and a counter-proposal to agreement; both read one timeline (SME JavaScript %s)', async (js) => {
    const sme = await newPage(world.browser, world.url, { javaScriptEnabled: js });
    await signIn(sme, 'mekongxanh.admin@opentex.demo', js);
    await visit(sme, '/search?q=AOI hoc sau loi han', js);
    await sme.getByRole('link', { name: OFFER }).first().click();
    await heading(sme, OFFER);
    await sme.getByRole('link', { name: 'Bày tỏ quan tâm' }).click();
    await heading(sme, 'Bày tỏ quan tâm');
    await sme.getByLabel('Bạn tìm kiếm hình thức hợp tác nào?').fill('Mua li-xăng để kiểm tra mối hàn trên hai dây chuyền SMT tại Cần Thơ.');
    await sme.getByLabel('Giới thiệu về tổ chức của bạn và vì sao phù hợp').fill('Doanh nghiệp lắp ráp bo mạch, 2 dây chuyền SMT, 300 nhân viên.');
    await sme.getByLabel('Hình thức chuyển giao mong muốn').selectOption('licence_non_exclusive');
    await sme.getByLabel('Mức giá hoặc ngân sách dự kiến (đồng, không bắt buộc)').fill('800.000.000');
    await sme.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await arrived(sme, /\/deals\/[0-9a-f-]{36}$/);
    const dealPath = new URL(sme.url()).pathname;
    await sme.getByText('Chờ trả lời', { exact: false }).first().waitFor();

    // The university, with JavaScript disabled: plain form posts all the way.
    const uni = await newPage(world.browser, world.url, { javaScriptEnabled: false });
    await signIn(uni, 'hbk.admin@opentex.demo', false);
    await visit(uni, '/my/deals', false);
    await uni.locator(`a[href="${dealPath}"]`).first().click();
    await uni.getByRole('button', { name: 'Chấp nhận, bắt đầu đàm phán' }).click();
    await uni.getByRole('button', { name: 'Đề xuất và chấp nhận thỏa thuận bảo mật' }).click();
    await uni.getByText('đang chờ bên còn lại').waitFor();

    await visit(sme, dealPath, js);
    await expect(sme.locator('section.confidential').innerText()).resolves.not.toContain('98,7%');
    await sme.getByRole('button', { name: 'Chấp nhận thỏa thuận bảo mật' }).click();
    await sme.locator('section.confidential').getByText(/98,7%/).waitFor();

    // A message with a file, read by the other side in the thread.
    await sme.getByLabel('Tin nhắn', { exact: true }).fill('Gửi quý viện sơ đồ dây chuyền của chúng tôi.');
    await sme.getByLabel('Tệp đính kèm (không bắt buộc)').setInputFiles({ name: 'sơ đồ dây chuyền.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await sme.getByRole('button', { name: 'Gửi', exact: true }).click();
    await sme.locator('.deal-timeline').getByRole('link', { name: 'sơ đồ dây chuyền.pdf' }).waitFor();
    await visit(uni, dealPath, false);
    await uni.locator('.deal-timeline').getByRole('link', { name: 'sơ đồ dây chuyền.pdf' }).waitFor();

    await proposeTerms(sme, '800.000.000', ['400.000.000', '400.000.000']);
    await sme.getByText('Phiên bản 1').first().waitFor();
    await visit(uni, dealPath, false);
    await proposeTerms(uni, '1.000.000.000', ['300.000.000', '700.000.000']);
    await uni.getByText('Phiên bản 2').first().waitFor();

    await visit(sme, dealPath, js);
    await sme.getByRole('button', { name: 'Chấp nhận phiên bản 2' }).click();
    await sme.getByText('Đã thống nhất').first().waitFor();

    await visit(uni, dealPath, false);
    await uni.getByText('Đã thống nhất').first().waitFor();
    const seenBySme = await timeline(sme);
    expect(await timeline(uni)).toBe(seenBySme);
    for (const step of ['Bày tỏ quan tâm', 'Chấp nhận thỏa thuận bảo mật: có hiệu lực', 'Chấp nhận điều khoản: thống nhất']) expect(seenBySme).toContain(step);
  });
});

describe('a curator’s introduction', () => {
  it('opens the deal once both sides consent', async () => {
    const db = world.market.db;
    const demand = await db.selectFrom('listings as l').innerJoin('organisations as o', 'o.id', 'l.organisation_id').select('l.id').where('o.slug', '=', 'mekongxanh').where('l.kind', '=', 'demand').executeTakeFirstOrThrow();
    const offer = await db.selectFrom('listings as l').innerJoin('organisations as o', 'o.id', 'l.organisation_id').select('l.id').where('o.slug', '=', 'hbk').where('l.kind', '=', 'offer').where('l.title', '<>', OFFER).executeTakeFirstOrThrow();
    const curator = await newPage(world.browser, world.url, { javaScriptEnabled: false });
    await signIn(curator, 'curator@opentex.demo', false);
    await visit(curator, `/curator/deals?demandId=${demand.id}&offerId=${offer.id}`, false);
    await curator.getByLabel('Lời giới thiệu gửi hai bên').fill('Hai bên khớp nhau về công suất và ngân sách.');
    await curator.getByRole('button', { name: 'Gửi lời giới thiệu' }).click();
    await curator.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
    const dealPath = new URL(curator.url()).pathname;

    for (const email of ['hbk.admin@opentex.demo', 'mekongxanh.admin@opentex.demo']) {
      const side = await newPage(world.browser, world.url);
      await signIn(side, email, true);
      await visit(side, dealPath);
      await side.getByRole('button', { name: 'Đồng ý' }).click();
      await side.getByText(email.startsWith('hbk') ? 'Được giới thiệu, chờ hai bên đồng ý' : 'Đang đàm phán').first().waitFor();
    }
  });
});
