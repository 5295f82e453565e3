// Card payments over HTTP, on the built app: Stripe's webhook posting its raw body with no cookie
// (and no Origin, so the cross-site guard lets it through), the buyer's "pay by card" button, and
// the organisation's payment settings page as a browser without JavaScript uses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { AppContext } from '../../app/context.server.js';
import { stripeCardProvider } from '../../app/payments/stripe.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { WASTEWATER_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { insertSignedContract } from '../fixtures/signed-contract.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';
import { signedDelivery, startStripeTestDouble, stripeEvent, type StripeTestDouble } from '../support/stripe-test-double.js';

type Who = 'anonymous' | 'buyer' | 'sellerAdmin' | 'sellerMember';
const PASSWORD = 'mat-khau-thu-nghiem';
const EMAILS: Record<Exclude<Who, 'anonymous'>, string> = { buyer: 'mua@the-http.vn', sellerAdmin: 'quantri@vien-http.vn', sellerMember: 'tv@vien-http.vn' };
const WEBHOOK_SECRET = 'whsec_opentex_http_test';

let market: TestMarket;
let double: StripeTestDouble;
let ctx: AppContext;
let server: { url: string; close(): Promise<void> };
let bare: { url: string; close(): Promise<void> };
let sellerOrg: string;
let sellerAccount: string;
let contract: Awaited<ReturnType<typeof insertSignedContract>>;
const cookies: Partial<Record<Who, string>> = {};

async function call(who: Who, method: 'GET' | 'POST', path: string, form?: Record<string, string>, base = server.url) {
  const headers: Record<string, string> = {};
  if (cookies[who]) headers.cookie = cookies[who]!;
  const res = await fetch(`${base}${path}`, { method, headers, body: form ? new URLSearchParams(form) : undefined, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

/** A delivery as Stripe makes it: JSON, the signature header, no cookie, no Origin. */
async function webhook(payload: string, signature: string | null) {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' };
  if (signature) headers['stripe-signature'] = signature;
  const res = await fetch(`${server.url}/api/v1/webhooks/stripe`, { method: 'POST', headers, body: payload });
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  market = await createTestMarket();
  double = await startStripeTestDouble();
  ctx = { ...market.ctx, payments: { card: stripeCardProvider({ secretKey: double.secretKey, webhookSecret: WEBHOOK_SECRET, apiBase: double.url, connectCountry: null, platformFeeBps: 0 }) } };
  const passwordHash = await hashPassword(PASSWORD);
  const buyerOrg = await createOrganisation(market.db, { slug: 'thuy-san-http', name: 'Thủy sản HTTP', type: 'enterprise', taxCode: '0100000071' });
  sellerOrg = await createOrganisation(market.db, { slug: 'vien-http', name: 'Viện HTTP', type: 'institute', taxCode: '0100000072' });
  await createUser(market.db, { email: EMAILS.buyer, organisationId: buyerOrg, passwordHash });
  await createUser(market.db, { email: EMAILS.sellerAdmin, organisationId: sellerOrg, passwordHash, role: 'admin' });
  await createUser(market.db, { email: EMAILS.sellerMember, organisationId: sellerOrg, passwordHash });
  const listing = (await importPublishedListings(market.ctx, sellerOrg, [WASTEWATER_OFFER])).ids[0]!;
  contract = await insertSignedContract(market.db, { listingId: listing, buyerOrganisationId: buyerOrg, sellerOrganisationId: sellerOrg });
  sellerAccount = double.addAccount({ chargesEnabled: true }).id;
  await market.db.insertInto('stripe_accounts').values({ organisation_id: sellerOrg, account_id: sellerAccount, charges_enabled: true }).execute();
  server = await startTestServer(ctx);
  // The same market without Stripe keys.
  bare = await startTestServer(market.ctx);
  for (const who of Object.keys(EMAILS) as (keyof typeof EMAILS)[]) {
    const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: EMAILS[who], password: PASSWORD }), redirect: 'manual' });
    expect(res.status).toBe(302);
    cookies[who] = res.headers.get('set-cookie')!.split(';')[0]!;
  }
});

afterAll(async () => {
  await server?.close();
  await bare?.close();
  await double?.close();
  await market?.close();
});

describe('paying a milestone by card, over HTTP', () => {
  it('sends the buyer to Stripe Checkout; Stripe’s signed webhook, with no cookie, marks it paid once', async () => {
    const milestone = await contract.milestone(12_000_000);
    const pay = await call('buyer', 'POST', `/milestones/${milestone}/card`);
    expect(pay.status).toBe(303);
    expect(pay.location).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    const payment = await market.db.selectFrom('payments').select(['provider_ref', 'status']).where('milestone_id', '=', milestone).executeTakeFirstOrThrow();
    expect(payment.status).toBe('pending');

    const event = stripeEvent('checkout.session.completed', structuredClone(double.pay(payment.provider_ref!)), { account: sellerAccount });
    const { payload, signature } = signedDelivery(event, WEBHOOK_SECRET);
    const first = await webhook(payload, signature);
    expect(first).toEqual({ status: 200, type: expect.stringMatching(/^application\/json/), body: { received: true, eventId: event.id, type: 'checkout.session.completed', outcome: 'paid' } });
    expect((await webhook(payload, signature)).body).toMatchObject({ received: true, outcome: 'duplicate' });
    const after = await market.db.selectFrom('milestones').select('stage').where('id', '=', milestone).executeTakeFirstOrThrow();
    expect(after.stage).toBe('paid');
  });

  it('answers a bad or missing signature 400 with a JSON error, and GET 405', async () => {
    const event = stripeEvent('account.updated', { ...double.accounts.get(sellerAccount)!, charges_enabled: false }, { account: sellerAccount });
    const { payload, signature } = signedDelivery(event, 'whsec_not_ours');
    for (const header of [signature, null]) {
      const res = await webhook(payload, header);
      expect(res.status).toBe(400);
      expect(res.type).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ error: expect.any(String), code: 'webhook_signature' });
    }
    const row = await market.db.selectFrom('stripe_accounts').select('charges_enabled').where('account_id', '=', sellerAccount).executeTakeFirstOrThrow();
    expect(row.charges_enabled).toBe(true);
    expect((await fetch(`${server.url}/api/v1/webhooks/stripe`)).status).toBe(405);
  });

  it('sends a refusal back to the milestone page with its code, and a visitor to sign in', async () => {
    const big = await contract.milestone(150_000_000);
    expect(await call('buyer', 'POST', `/milestones/${big}/card`)).toMatchObject({ status: 303, location: `/milestones/${big}?card=card_amount_too_large` });
    const small = await contract.milestone(1_000_000);
    expect(await call('sellerAdmin', 'POST', `/milestones/${small}/card`)).toMatchObject({ status: 303, location: `/milestones/${small}?card=forbidden_party` });
    expect(await call('buyer', 'POST', `/milestones/${small}/card`, undefined, bare.url)).toMatchObject({ status: 303, location: `/milestones/${small}?card=card_unavailable` });
    const anonymous = await call('anonymous', 'POST', `/milestones/${small}/card`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe(`/login?redirectTo=${encodeURIComponent(`/milestones/${small}/card`)}`);
    expect((await call('buyer', 'POST', '/milestones/00000000-0000-4000-8000-000000000000/card')).status).toBe(404);
  });
});

describe('the payment settings page', () => {
  it('lets an admin register the bank account with a plain form post, and shows card payments through Stripe', async () => {
    const organisationPage = await call('sellerAdmin', 'GET', '/my/organisation');
    expect(organisationPage.text).toContain('href="/my/organisation/payments"');

    const page = await call('sellerAdmin', 'GET', '/my/organisation/payments');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Tổ chức chưa đăng ký tài khoản nhận tiền.');
    expect(page.text).toContain('<option value="VCB">Vietcombank — Ngân hàng TMCP Ngoại thương Việt Nam</option>');
    expect(page.text).toContain(`Đang nhận thanh toán thẻ: Stripe đã bật tài khoản ${sellerAccount}.`);

    const saved = await call('sellerAdmin', 'POST', '/my/organisation/payments', { intent: 'bank_account', bankCode: 'VCB', accountNumber: '0071001234567', holderName: 'VIEN HTTP' });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('Đã lưu tài khoản ngân hàng.');
    const row = await market.db.selectFrom('bank_accounts').select(['bank_code', 'account_number', 'holder_name']).where('organisation_id', '=', sellerOrg).executeTakeFirstOrThrow();
    expect(row).toEqual({ bank_code: 'VCB', account_number: '0071001234567', holder_name: 'VIEN HTTP' });
    expect((await call('sellerAdmin', 'GET', '/my/organisation/payments')).text).toContain('0071001234567');
  });

  it('answers a bad account number with a field error in Vietnamese, keeping what was typed', async () => {
    const res = await call('sellerAdmin', 'POST', '/my/organisation/payments', { intent: 'bank_account', bankCode: 'ICB', accountNumber: '0071-001 234', holderName: 'VIEN HTTP' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('số tài khoản gồm 1–19 chữ số hoặc chữ cái, không dấu cách');
    expect(res.text).toContain('value="0071-001 234"');
    const row = await market.db.selectFrom('bank_accounts').select('bank_code').where('organisation_id', '=', sellerOrg).executeTakeFirstOrThrow();
    expect(row.bank_code).toBe('VCB');
  });

  it('sends the admin to Stripe’s onboarding from a form post', async () => {
    const res = await call('sellerAdmin', 'POST', '/my/organisation/payments', { intent: 'stripe_onboarding' });
    expect(res.status).toBe(303);
    expect(res.location).toMatch(new RegExp(`^https://connect\\.stripe\\.com/setup/e/${sellerAccount}/`));
  });

  it('is for admins only: a member gets 403, a visitor is asked to sign in', async () => {
    const member = await call('sellerMember', 'GET', '/my/organisation/payments');
    expect(member.status).toBe(403);
    expect((await call('sellerMember', 'POST', '/my/organisation/payments', { intent: 'bank_account', bankCode: 'VCB', accountNumber: '1', holderName: 'X' })).status).toBe(403);
    expect((await call('sellerMember', 'GET', '/my/organisation')).text).not.toContain('href="/my/organisation/payments"');
    const anonymous = await call('anonymous', 'GET', '/my/organisation/payments');
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe(`/login?redirectTo=${encodeURIComponent('/my/organisation/payments')}`);
  });

  it('shows card payment as unavailable when Stripe is not configured', async () => {
    const page = await call('sellerAdmin', 'GET', '/my/organisation/payments', undefined, bare.url);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Thanh toán thẻ chưa được bật trên sàn này (chưa cấu hình Stripe)');
    expect(page.text).not.toContain('name="intent" value="stripe_onboarding"');
  });
});
