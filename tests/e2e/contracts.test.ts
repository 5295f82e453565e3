// Issue 10's journey in Chromium, from an agreed deal: the contract is generated and completed by
// both sides, its PDF read back (parties, price, hash), both sign by click-through; milestone 1 is
// paid by VietQR (the buyer marks it, the seller confirms), delivered and accepted; milestone 2 is
// accepted by the timer (injected clock) and the contract completes; both sides review. The university's browser has
// JavaScript disabled. Also: an express licence bought in one click.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { demoActor } from '../../app/services/demo-market.server.js';
import { expressInterest, proposeTerms, takeDealTransition } from '../../app/services/deals.server.js';
import { runDueTimers } from '../../app/services/process-timers.server.js';
import { stripeCardProvider } from '../../app/payments/stripe.server.js';
import { currentContent, reviseContract, signContract } from '../../app/services/contracts.server.js';
import { startBrowserMarket, type BrowserMarket } from '../support/e2e.js';
import { signedDelivery, startStripeTestDouble, stripeEvent } from '../support/stripe-test-double.js';
import { arrived, newPage, visit } from '../support/pages.js';

let world: BrowserMarket;
let now = new Date();
const SME = 'mekongxanh.admin@opentex.demo';
const UNI = 'hbk.admin@opentex.demo';

beforeAll(async () => {
  world = await startBrowserMarket({ demoData: true, clock: () => now });
});

afterAll(() => world?.close());

async function signIn(page: Page, email: string, javaScript: boolean) {
  await visit(page, '/login', javaScript);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await arrived(page, /\/(my\/listings|curator)$/);
}

/** A deal on one of the university's offers, agreed through the services (issue 9's journey is its own test). */
async function agreedDeal(offset: number, price = 900_000_000): Promise<string> {
  const { ctx, db } = world.market;
  const sme = (await demoActor(ctx, SME))!;
  const uni = (await demoActor(ctx, UNI))!;
  const offer = await db.selectFrom('listings').select('id').where('organisation_id', '=', uni.organisationId).where('kind', '=', 'offer').where('status', '=', 'published').orderBy('published_at', 'desc').offset(offset).limit(1).executeTakeFirstOrThrow();
  const { id } = await expressInterest(ctx, sme, offer.id, { cooperation: 'Nhận chuyển giao để ứng dụng tại nhà máy ở Cần Thơ.', aboutUs: 'Doanh nghiệp môi trường ở Cần Thơ.', transferMode: 'licence_non_exclusive', priceIndication: null });
  await takeDealTransition(ctx, uni, id, 'accept');
  await proposeTerms(ctx, uni, id, {
    subject: 'Li-xăng công nghệ theo tin đăng, kèm đào tạo vận hành', transferMode: 'licence_non_exclusive', exclusive: false, territory: 'Việt Nam', fieldOfUse: 'Xử lý nước thải công nghiệp',
    durationMonths: 36, price, warranty: '12 tháng', disputeResolution: 'mediation', validDays: 30,
    milestones: [
      { amount: price / 3, condition: 'Khi ký hợp đồng', deliverable: 'Hồ sơ kỹ thuật' },
      { amount: (price / 3) * 2, condition: 'Khi nghiệm thu', deliverable: 'Hệ thống vận hành' },
    ],
  });
  await takeDealTransition(ctx, sme, id, 'accept_terms', { termsVersion: 1 });
  return id;
}

async function completeDetails(page: Page, details: { address: string; representative: string; title: string; ipNumber?: string }) {
  await page.getByLabel('Địa chỉ trụ sở').fill(details.address);
  await page.getByLabel('Người đại diện theo pháp luật').fill(details.representative);
  await page.getByLabel('Chức vụ').fill(details.title);
  if (details.ipNumber) await page.getByLabel('Số văn bằng bảo hộ (nếu có)').fill(details.ipNumber);
  await page.getByRole('button', { name: 'Lưu và tạo phiên bản mới' }).click();
  await page.getByText('Đã lưu: hợp đồng có phiên bản mới.').waitFor();
}

async function sign(page: Page, name: string) {
  await page.getByLabel('Họ và tên người ký').first().fill(name);
  await page.getByRole('button', { name: 'Ký hợp đồng', exact: true }).click();
  await page.getByText('Đã ký.', { exact: true }).waitFor();
}

describe('a contract, from agreed terms to completion', () => {
  it('is completed, signed by both, paid by VietQR milestone by milestone, the last accepted by the timer', async () => {
    await world.market.db.insertInto('bank_accounts').values({ organisation_id: (await demoActor(world.market.ctx, UNI))!.organisationId, bank_code: 'BIDV', account_number: '12010000888999', holder_name: 'DAI HOC BACH KHOA HA NOI' }).execute();
    const dealId = await agreedDeal(0);
    const sme = await newPage(world.browser, world.url, { javaScriptEnabled: true });
    const uni = await newPage(world.browser, world.url, { javaScriptEnabled: false });
    await signIn(sme, SME, true);
    await signIn(uni, UNI, false);

    // 1. The contract was generated: each side completes its details, then the PDF is read back.
    await visit(uni, `/deals/${dealId}`, false);
    await uni.getByRole('link', { name: /Xem hợp đồng OTX-/ }).click();
    await arrived(uni, /\/contracts\/[0-9a-f-]{36}$/);
    const contractPath = new URL(uni.url()).pathname;
    await uni.getByText('Hợp đồng còn chỗ trống').first().waitFor();
    await completeDetails(uni, { address: '1 Đại Cồ Việt, Hai Bà Trưng, Hà Nội', representative: 'Trần Văn Minh', title: 'Hiệu trưởng', ipNumber: 'VN 1-0023456' });
    await visit(sme, contractPath, true);
    await completeDetails(sme, { address: '12 Trần Hưng Đạo, Ninh Kiều, Cần Thơ', representative: 'Phạm Quốc Huy', title: 'Giám đốc' });
    // The page as it is now (the notice may land before the page's data is reloaded).
    await visit(sme, contractPath, true);
    const sha = (await sme.locator('code.hash').first().innerText()).trim();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await sme.request.get(`${contractPath}/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'otx-e2e-')), 'hd.pdf');
    writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const expected of ['Trường Đại học Bách khoa Hà Thành', 'Công ty CP Thủy sản Mekong Xanh', '900.000.000', sha, 'Phạm Quốc Huy', 'Trần Văn Minh']) expect(text).toContain(expected);

    // 2. Both sign by click-through.
    await sign(sme, 'Phạm Quốc Huy');
    await visit(uni, contractPath, false);
    await sign(uni, 'Trần Văn Minh');
    await uni.getByText('đã ký, đang thực hiện').first().waitFor();

    // 3. Milestone 1: VietQR for the buyer; it marks the transfer, the seller confirms, delivers; the buyer accepts.
    await visit(sme, contractPath, true);
    await sme.getByRole('link', { name: 'Đợt 1' }).click();
    await arrived(sme, /\/milestones\/[0-9a-f-]{36}$/);
    await sme.getByRole('img', { name: /Mã VietQR: chuyển 300\.000\.000/ }).waitFor();
    await expect(sme.getByText('12010000888999').first().isVisible()).resolves.toBe(true);
    const m1 = new URL(sme.url()).pathname;
    await sme.getByRole('button', { name: 'Tôi đã chuyển khoản' }).click();
    await sme.getByText('bên mua báo đã chuyển khoản').first().waitFor();
    await visit(uni, m1, false);
    await uni.getByRole('button', { name: 'Đã nhận được tiền' }).click();
    await uni.getByText('Đã ghi nhận.').waitFor();
    await uni.getByLabel('Ghi chú').fill('Hồ sơ kỹ thuật, 120 trang, gửi qua email.');
    await uni.getByRole('button', { name: 'Bàn giao' }).click();
    await uni.getByText('Đã ghi nhận.').waitFor();
    await visit(sme, m1, true);
    await sme.getByRole('button', { name: 'Nghiệm thu' }).click();
    await sme.getByText('đã nghiệm thu').first().waitFor();

    // 4. Milestone 2 is paid and delivered; fifteen days later the timer accepts it.
    await visit(sme, contractPath, true);
    await sme.getByRole('link', { name: 'Đợt 2' }).click();
    await arrived(sme, /\/milestones\/[0-9a-f-]{36}$/);
    const m2 = new URL(sme.url()).pathname;
    await sme.getByRole('button', { name: 'Tôi đã chuyển khoản' }).click();
    await sme.getByText('bên mua báo đã chuyển khoản').first().waitFor();
    await visit(uni, m2, false);
    await uni.getByRole('button', { name: 'Đã nhận được tiền' }).click();
    await uni.getByText('Đã ghi nhận.').waitFor();
    await uni.getByLabel('Ghi chú').fill('Hệ thống đã lắp đặt và chạy thử.');
    await uni.getByRole('button', { name: 'Bàn giao' }).click();
    await uni.getByText('Đã ghi nhận.').waitFor();
    now = new Date(now.getTime() + 15 * 86_400_000);
    await runDueTimers(world.market.ctx);

    // 5. The contract is completed, for both.
    await visit(sme, m2, true);
    await sme.getByText('Tự động nghiệm thu sau 14 ngày').waitFor();
    for (const page of [sme, uni]) {
      await visit(page, contractPath, page === sme);
      await page.getByText('đã hoàn thành').first().waitFor();
    }

    // Both sides review; each reads the other's review once both have posted.
    // Each choice is found by what a screen reader announces: the stars drawn are hidden from it.
    for (const [page, js, stars, comment] of [[sme, true, '5 sao – Rất hài lòng', 'Bàn giao đúng hạn, tài liệu đầy đủ.'], [uni, false, '4 sao – Hài lòng', 'Thanh toán đúng hạn, phối hợp tốt.']] as const) {
      await visit(page, `/deals/${dealId}`, js);
      await page.getByRole('radio', { name: stars, exact: true }).check();
      await page.getByLabel('Nhận xét').fill(comment);
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await arrived(page, /\/deals\/[0-9a-f-]{36}/);
    }
    await visit(sme, `/deals/${dealId}`, true);
    await sme.getByText('Thanh toán đúng hạn, phối hợp tốt.').waitFor();
    await visit(uni, `/deals/${dealId}`, false);
    await uni.getByText('Bàn giao đúng hạn, tài liệu đầy đủ.').waitFor();
  });

  it('sells an express licence in one click, straight to the contract', async () => {
    const uni = await newPage(world.browser, world.url, { javaScriptEnabled: false });
    const sme = await newPage(world.browser, world.url, { javaScriptEnabled: true });
    await signIn(uni, UNI, false);
    await signIn(sme, SME, true);
    const { db, ctx } = world.market;
    const offer = await db.selectFrom('listings').select(['id', 'title']).where('organisation_id', '=', (await demoActor(ctx, UNI))!.organisationId).where('kind', '=', 'offer').where('status', '=', 'published').orderBy('published_at', 'desc').offset(3).limit(1).executeTakeFirstOrThrow();
    await visit(uni, `/my/listings/${offer.id}`, false);
    await uni.getByLabel('Giá li-xăng không độc quyền (đồng)').fill('50.000.000');
    await uni.getByRole('button', { name: 'Lưu giá li-xăng nhanh' }).click();
    await uni.getByText('Đã lưu li-xăng nhanh.').waitFor();
    await visit(sme, `/listings/${offer.id}`, true);
    await sme.getByRole('button', { name: /Mua li-xăng ngay: 50\.000\.000/ }).click();
    await arrived(sme, /\/contracts\/[0-9a-f-]{36}$/);
    await sme.getByText('chờ ký').first().waitFor();
    await expect(sme.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/Hợp đồng OTX-/);
  });

  it('takes a card payment through Stripe Checkout (a local test double of Stripe’s API) and marks the milestone paid from the signed webhook', async () => {
    const { ctx, db } = world.market;
    const double = await startStripeTestDouble();
    const secret = 'whsec_e2e_test_double';
    // The server reads the same context object: from now on card payment is configured.
    ctx.payments = { card: stripeCardProvider({ secretKey: double.secretKey, webhookSecret: secret, apiBase: double.url, connectCountry: null, platformFeeBps: 100 }) };
    try {
      const uniActor = (await demoActor(ctx, UNI))!;
      const smeActor = (await demoActor(ctx, SME))!;
      const account = double.addAccount({ chargesEnabled: true });
      await db.insertInto('stripe_accounts').values({ organisation_id: uniActor.organisationId, account_id: account.id, charges_enabled: true }).execute();
      const dealId = await agreedDeal(1, 90_000_000);
      const contract = await db.selectFrom('contracts').select('id').where('deal_id', '=', dealId).executeTakeFirstOrThrow();
      await reviseContract(ctx, uniActor, contract.id, { address: '1 Đại Cồ Việt, Hà Nội', legalRepresentative: 'Trần Văn Minh', representativeTitle: 'Hiệu trưởng', ipNumber: 'VN 1-0023456' });
      await reviseContract(ctx, smeActor, contract.id, { address: '12 Trần Hưng Đạo, Cần Thơ', legalRepresentative: 'Phạm Quốc Huy', representativeTitle: 'Giám đốc' });
      const { sha256 } = (await currentContent(db, contract.id))!;
      await signContract(ctx, uniActor, contract.id, { typedName: 'Trần Văn Minh', contentSha256: sha256 }, { method: 'click', address: null });
      await signContract(ctx, smeActor, contract.id, { typedName: 'Phạm Quốc Huy', contentSha256: sha256 }, { method: 'click', address: null });
      const m1 = await db.selectFrom('milestones').select('id').where('contract_id', '=', contract.id).where('number', '=', 1).executeTakeFirstOrThrow();

      const sme = await newPage(world.browser, world.url, { javaScriptEnabled: true });
      // Stripe's hosted page cannot be reached from here: the browser lands on a stand-in for it.
      await sme.route('https://checkout.stripe.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Stripe Checkout (test double)</h1>' }));
      await signIn(sme, SME, true);
      await visit(sme, `/milestones/${m1.id}`, true);
      await sme.getByRole('button', { name: /Thanh toán 30\.000\.000 .* bằng thẻ/ }).click();
      await sme.getByRole('heading', { name: 'Stripe Checkout (test double)' }).waitFor();
      const [session] = double.requestsTo('POST', '/v1/checkout/sessions');
      expect(session!.stripeAccount).toBe(account.id);
      const payment = await db.selectFrom('payments').select(['provider_ref', 'status']).where('milestone_id', '=', m1.id).executeTakeFirstOrThrow();
      expect(payment.status).toBe('pending');

      // Stripe tells the market, by a webhook signed over its raw body; the buyer comes back.
      const event = stripeEvent('checkout.session.completed', structuredClone(double.pay(payment.provider_ref!)), { account: account.id });
      const { payload, signature } = signedDelivery(event, secret);
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${world.url}/api/v1/webhooks/stripe`, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
        expect(res.status).toBe(200);
      }
      await visit(sme, `/milestones/${m1.id}?checkout=success`, true);
      await sme.getByText('Đã thanh toán trên Stripe').waitFor();
      await sme.getByText('thẻ (Stripe)').first().waitFor();
      await expect(sme.locator('.listing-meta .status').innerText()).resolves.toBe('đã thanh toán');
      expect(await db.selectFrom('payments').select('status').where('milestone_id', '=', m1.id).where('status', '=', 'paid').execute()).toHaveLength(1);
    } finally {
      ctx.payments = undefined;
      await double.close();
    }
  });
});
