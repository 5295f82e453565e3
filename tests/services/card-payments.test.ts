// Card payments on the real database, through the Stripe SDK's real HTTP path to a local test
// double of the Stripe API: what a checkout sends to Stripe and writes here; who may start one;
// Stripe's limit and the missing keys; and the webhook — verified, processed once, safe when
// replayed and out of order, never counting a milestone paid twice.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../app/context.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { formatVnd } from '../../app/domain/money.js';
import { stripeCardProvider } from '../../app/payments/stripe.server.js';
import { onboardSeller, startCardPayment } from '../../app/services/card-payments.server.js';
import { milestoneStore } from '../../app/services/contract-store.server.js';
import { ConflictError, InvalidInputError, NotFoundError, PermissionError } from '../../app/services/errors.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { getPaymentSettings, saveBankAccount } from '../../app/services/payment-settings.server.js';
import { runTransition } from '../../app/services/process-runner.server.js';
import { handleStripeWebhook } from '../../app/services/stripe-webhook.server.js';
import { WASTEWATER_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { insertSignedContract } from '../fixtures/signed-contract.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { signedDelivery, startStripeTestDouble, stripeEvent, type StripeTestDouble } from '../support/stripe-test-double.js';

const WEBHOOK_SECRET = 'whsec_opentex_test_0123456789';
const FEE_BPS = 250;

let market: TestMarket;
let double: StripeTestDouble;
let ctx: AppContext;
let buyer: Actor;
let buyerAdmin: Actor;
let seller: Actor;
let sellerAdmin: Actor;
let curator: Actor;
let stranger: Actor;
let sellerAccount: string;
let contract: Awaited<ReturnType<typeof insertSignedContract>>;

const actor = (userId: string, organisationId: string, organisationType: Actor['organisationType'], role: Actor['role'] = 'member'): Actor => ({
  userId,
  name: userId,
  email: `${userId}@x.vn`,
  organisationId,
  organisationType,
  role,
  platformAdmin: false,
});

beforeAll(async () => {
  market = await createTestMarket();
  double = await startStripeTestDouble();
  const card = stripeCardProvider({ secretKey: double.secretKey, webhookSecret: WEBHOOK_SECRET, apiBase: double.url, connectCountry: 'SG', platformFeeBps: FEE_BPS });
  ctx = { ...market.ctx, payments: { card } };
  const buyerOrg = await createOrganisation(market.db, { slug: 'thuy-san-the', name: 'Thủy sản Thẻ', type: 'enterprise', taxCode: '0100000061' });
  const sellerOrg = await createOrganisation(market.db, { slug: 'vien-the', name: 'Viện Thẻ', type: 'institute', taxCode: '0100000062' });
  const otherOrg = await createOrganisation(market.db, { slug: 'khac-the', name: 'Công ty Khác', type: 'enterprise', taxCode: '0100000063' });
  const agency = await createOrganisation(market.db, { slug: 'so-the', name: 'Sở KH&CN Thẻ', type: 'agency', taxCode: '0100000064' });
  const user = async (email: string, org: string, type: Actor['organisationType'], role: Actor['role'] = 'member') =>
    actor(await createUser(market.db, { email, organisationId: org, passwordHash: 'x', role }), org, type, role);
  buyer = await user('mua@the.vn', buyerOrg, 'enterprise');
  buyerAdmin = await user('quantri@the.vn', buyerOrg, 'enterprise', 'admin');
  seller = await user('ban@vien.vn', sellerOrg, 'institute');
  sellerAdmin = await user('quantri@vien.vn', sellerOrg, 'institute', 'admin');
  curator = await user('canbo@so.vn', agency, 'agency');
  stranger = await user('khac@khac.vn', otherOrg, 'enterprise');
  const listing = (await importPublishedListings(market.ctx, sellerOrg, [WASTEWATER_OFFER])).ids[0]!;
  contract = await insertSignedContract(market.db, { listingId: listing, buyerOrganisationId: buyerOrg, sellerOrganisationId: sellerOrg });
  // The seller finished onboarding earlier: its connected account takes charges.
  sellerAccount = double.addAccount({ chargesEnabled: true }).id;
  await market.db.insertInto('stripe_accounts').values({ organisation_id: sellerOrg, account_id: sellerAccount, charges_enabled: true }).execute();
});

afterAll(async () => {
  await double?.close();
  await market?.close();
});

const paymentsOf = (milestoneId: string) => market.db.selectFrom('payments').selectAll().where('milestone_id', '=', milestoneId).orderBy('created_at').execute();
const stageOf = async (milestoneId: string) => (await market.db.selectFrom('milestones').select('stage').where('id', '=', milestoneId).executeTakeFirstOrThrow()).stage;
const cardAudits = (milestoneId: string) =>
  market.db.selectFrom('audit_events').selectAll().where('entity_type', '=', 'milestone').where('entity_id', '=', milestoneId).where('action', '=', 'record_card_payment').execute();
const eventRow = (id: string) => market.db.selectFrom('provider_events').selectAll().where('provider', '=', 'stripe').where('event_id', '=', id).executeTakeFirst();
const deliver = (event: Stripe.Event, secret = WEBHOOK_SECRET) => {
  const { payload, signature } = signedDelivery(event, secret);
  return handleStripeWebhook(ctx, payload, signature);
};
/** The problem an expected failure carries. */
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as ConflictError);

describe('starting a card payment', () => {
  it('sends the amount in whole đồng, in VND, with the platform fee, on the seller’s account, and writes a pending payment', async () => {
    const milestone = await contract.milestone(50_000_000);
    const started = await startCardPayment(ctx, buyer, milestone, { lang: 'en' });
    expect(started.reused).toBe(false);
    expect(started.url).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);

    const [sent] = double.requestsTo('POST', '/v1/checkout/sessions').slice(-1);
    expect(sent!.stripeAccount).toBe(sellerAccount);
    expect(sent!.idempotencyKey).toBe(`opentex-payment-${started.paymentId}`);
    expect(sent!.params).toMatchObject({
      mode: 'payment',
      locale: 'en',
      line_items: [{ quantity: '1', price_data: { currency: 'vnd', unit_amount: '50000000', product_data: { name: expect.stringContaining(contract.number) } } }],
      payment_intent_data: { application_fee_amount: String((50_000_000 * FEE_BPS) / 10_000), metadata: { milestoneId: milestone, paymentId: started.paymentId } },
      metadata: { milestoneId: milestone, paymentId: started.paymentId },
      success_url: `http://opentex.test/milestones/${milestone}?checkout=success`,
      cancel_url: `http://opentex.test/milestones/${milestone}?checkout=cancelled`,
    });
    // A direct charge: no transfer from the platform's balance.
    expect(sent!.params.payment_intent_data).not.toHaveProperty('transfer_data');

    const session = [...double.sessions.values()].find((s) => s.metadata?.paymentId === started.paymentId)!;
    expect(await paymentsOf(milestone)).toEqual([
      expect.objectContaining({ id: started.paymentId, provider: 'stripe', status: 'pending', amount: 50_000_000, platform_fee: 1_250_000, provider_ref: session.id, created_by: buyer.userId }),
    ]);
    expect(await stageOf(milestone)).toBe('due');
  });

  it('sends the buyer back to the checkout already open, even from two tabs at once, and opens a new one once it expired', async () => {
    const milestone = await contract.milestone(8_000_000);
    const before = double.requestsTo('POST', '/v1/checkout/sessions').length;
    const [a, b] = await Promise.all([startCardPayment(ctx, buyer, milestone), startCardPayment(ctx, buyerAdmin, milestone)]);
    expect(a.paymentId).toBe(b.paymentId);
    expect([a.reused, b.reused].sort()).toEqual([false, true]);
    expect(double.requestsTo('POST', '/v1/checkout/sessions').length).toBe(before + 1);

    double.expire((await paymentsOf(milestone))[0]!.provider_ref!);
    const again = await startCardPayment(ctx, buyer, milestone);
    expect(again.paymentId).not.toBe(a.paymentId);
    expect((await paymentsOf(milestone)).map((p) => p.status)).toEqual(['failed', 'pending']);
  });

  it('opens no second checkout while Stripe’s confirmation of a paid one is on its way', async () => {
    const milestone = await contract.milestone(9_000_000);
    await startCardPayment(ctx, buyer, milestone);
    double.pay((await paymentsOf(milestone))[0]!.provider_ref!);
    const error = await refusal(startCardPayment(ctx, buyerAdmin, milestone));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error!.problem.code).toBe('card_payment_processing');
    expect((await paymentsOf(milestone)).map((p) => p.status)).toEqual(['pending']);
  });

  it('refuses an amount above Stripe’s limit before calling Stripe, and writes nothing', async () => {
    const milestone = await contract.milestone(100_000_000);
    const before = double.requests.length;
    const error = await refusal(startCardPayment(ctx, buyer, milestone));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error!.problem).toEqual({ code: 'card_amount_too_large', params: { amount: formatVnd(100_000_000) } });
    expect(formatVnd(100_000_000)).toMatch(/^100\.000\.000\s₫$/);
    expect(double.requests.length).toBe(before);
    expect(await paymentsOf(milestone)).toEqual([]);
    // The largest amount Stripe takes goes through.
    expect((await startCardPayment(ctx, buyer, await contract.milestone(99_999_999))).url).toMatch(/^https:/);
  });

  it('says card_unavailable for every card function without Stripe keys, and changes nothing', async () => {
    const milestone = await contract.milestone(5_000_000);
    const bare = market.ctx;
    for (const attempt of [startCardPayment(bare, buyer, milestone), onboardSeller(bare, sellerAdmin), handleStripeWebhook(bare, '{}', 't=1,v1=x')]) {
      const error = await refusal(attempt);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error!.problem.code).toBe('card_unavailable');
    }
    expect(await paymentsOf(milestone)).toEqual([]);
    expect((await getPaymentSettings(bare, sellerAdmin)).card).toEqual({ available: false, account: expect.objectContaining({ accountId: sellerAccount }) });
  });

  it('lets only the buyer’s people pay: the seller and a curator are refused, a stranger does not see the milestone', async () => {
    const milestone = await contract.milestone(5_000_000);
    for (const who of [seller, sellerAdmin, curator]) {
      const error = await refusal(startCardPayment(ctx, who, milestone));
      expect(error).toBeInstanceOf(PermissionError);
      expect(error!.problem.code).toBe('forbidden_party');
    }
    await expect(startCardPayment(ctx, stranger, milestone)).rejects.toBeInstanceOf(NotFoundError);
    await expect(startCardPayment(ctx, buyer, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    expect(await paymentsOf(milestone)).toEqual([]);
  });

  it('refuses a milestone that is not due, and a seller whose account cannot take charges', async () => {
    const milestone = await contract.milestone(5_000_000);
    await runTransition(market.ctx, milestoneStore, milestone, { actor: buyer, name: 'report_transfer', input: {} });
    const wrong = await refusal(startCardPayment(ctx, buyer, milestone));
    expect(wrong!.problem).toEqual({ code: 'milestone_wrong_stage', params: { stage: 'transfer_reported' } });

    const other = await contract.milestone(5_000_000);
    await market.db.updateTable('stripe_accounts').set({ charges_enabled: false }).where('account_id', '=', sellerAccount).execute();
    try {
      expect((await refusal(startCardPayment(ctx, buyer, other)))!.problem.code).toBe('card_unavailable');
    } finally {
      await market.db.updateTable('stripe_accounts').set({ charges_enabled: true }).where('account_id', '=', sellerAccount).execute();
    }
  });
});

describe('the Stripe webhook', () => {
  /** A due milestone with a checkout started and paid at Stripe: the event Stripe then sends. */
  async function paidCheckout(amount = 20_000_000) {
    const milestone = await contract.milestone(amount);
    const { paymentId } = await startCardPayment(ctx, buyer, milestone);
    const sessionId = (await paymentsOf(milestone)).find((p) => p.id === paymentId)!.provider_ref!;
    const session = structuredClone(double.pay(sessionId));
    return { milestone, paymentId, session, completed: stripeEvent('checkout.session.completed', session, { account: sellerAccount }) };
  }

  it('pays once when replayed ten times, concurrently, under a second event id and followed by an expiry', async () => {
    const { milestone, paymentId, session, completed } = await paidCheckout();
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(completed)));
    expect(results.map((r) => r.outcome).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'paid']);
    // Stripe may send the same news again under a new event id, and late news of an expiry.
    expect((await deliver(stripeEvent('checkout.session.completed', session, { account: sellerAccount }))).outcome).toBe('already_paid');
    expect((await deliver(stripeEvent('checkout.session.async_payment_succeeded', session, { account: sellerAccount }))).outcome).toBe('already_paid');
    const expired = stripeEvent('checkout.session.expired', { ...session, status: 'expired' }, { account: sellerAccount });
    expect((await deliver(expired)).outcome).toBe('no_change');
    expect((await deliver(stripeEvent('checkout.session.async_payment_failed', session, { account: sellerAccount }))).outcome).toBe('no_change');

    const payments = await paymentsOf(milestone);
    expect(payments).toEqual([expect.objectContaining({ id: paymentId, status: 'paid', provider_ref: session.id })]);
    expect(payments[0]!.settled_at).toBeInstanceOf(Date);
    expect(await stageOf(milestone)).toBe('paid');
    const audits = await cardAudits(milestone);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: null, from_state: 'due', to_state: 'paid', payload: { paymentId, provider: 'stripe', checkoutSession: session.id, event: completed.id } });
    expect(await eventRow(completed.id)).toMatchObject({ type: 'checkout.session.completed', outcome: 'paid' });
    expect(await eventRow(expired.id)).toMatchObject({ outcome: 'no_change' });
    // Both parties hear of it.
    const told = await market.db.selectFrom('notifications').select('user_id').where('kind', '=', 'milestone_paid').where('link', '=', `/milestones/${milestone}`).execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([buyer.userId, buyerAdmin.userId, seller.userId, sellerAdmin.userId].sort());
  });

  it('marks an unpaid checkout failed when it expires, and a late completion of another session still pays', async () => {
    const milestone = await contract.milestone(3_000_000);
    await startCardPayment(ctx, buyer, milestone);
    const [first] = await paymentsOf(milestone);
    const expired = stripeEvent('checkout.session.expired', structuredClone(double.expire(first!.provider_ref!)), { account: sellerAccount });
    expect((await deliver(expired)).outcome).toBe('failed');
    const { paymentId } = await startCardPayment(ctx, buyer, milestone);
    const second = (await paymentsOf(milestone)).find((p) => p.id === paymentId)!;
    expect((await deliver(stripeEvent('checkout.session.completed', structuredClone(double.pay(second.provider_ref!)), { account: sellerAccount }))).outcome).toBe('paid');
    expect((await paymentsOf(milestone)).map((p) => p.status)).toEqual(['failed', 'paid']);
    // The expiry delivered again changes nothing.
    expect((await deliver(expired)).outcome).toBe('duplicate');
  });

  it('refuses a tampered body, a wrong secret and a missing signature, and records nothing', async () => {
    const { milestone, completed } = await paidCheckout();
    const { payload, signature } = signedDelivery(completed, WEBHOOK_SECRET);
    const tampered = payload.replace('"amount_total":20000000', '"amount_total":20');
    expect(tampered).not.toBe(payload);
    const wrongSecret = signedDelivery(completed, 'whsec_someone_else');
    for (const [body, header] of [[tampered, signature], [wrongSecret.payload, wrongSecret.signature], [payload, null], [payload, 'nonsense']] as const) {
      const error = await refusal(handleStripeWebhook(ctx, body, header));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error!.problem.code).toBe('webhook_signature');
    }
    expect(await eventRow(completed.id)).toBeUndefined();
    expect((await paymentsOf(milestone)).map((p) => p.status)).toEqual(['pending']);
    expect(await stageOf(milestone)).toBe('due');
  });

  it('answers an event type it does not handle and stores it as ignored', async () => {
    const event = stripeEvent('account.application.authorized', { id: 'ca_test_1', object: 'application', name: 'Some app' });
    expect(await deliver(event)).toEqual({ eventId: event.id, type: 'account.application.authorized', outcome: 'ignored' });
    expect(await eventRow(event.id)).toMatchObject({ outcome: 'ignored', payload: expect.objectContaining({ id: event.id }) });
  });

  it('counts no second payment when the milestone was paid by bank transfer first', async () => {
    const { milestone, paymentId, completed } = await paidCheckout(6_000_000);
    // Meanwhile the buyer also transferred, and the seller confirmed it.
    await runTransition(market.ctx, milestoneStore, milestone, { actor: buyer, name: 'report_transfer', input: {} });
    await runTransition(market.ctx, milestoneStore, milestone, { actor: seller, name: 'confirm_receipt', input: {} });
    await market.db.insertInto('payments').values({ milestone_id: milestone, provider: 'bank_transfer', amount: 6_000_000, status: 'confirmed', created_by: seller.userId }).execute();

    expect((await deliver(completed)).outcome).toBe('milestone_moved_on');
    const payments = await paymentsOf(milestone);
    expect(payments.filter((p) => p.status === 'paid' || p.status === 'confirmed')).toEqual([expect.objectContaining({ provider: 'bank_transfer' })]);
    expect(payments.find((p) => p.id === paymentId)!.status).toBe('refund_due');
    expect(await stageOf(milestone)).toBe('paid');
    expect(await cardAudits(milestone)).toEqual([]);
    expect(await eventRow(completed.id)).toMatchObject({ outcome: 'milestone_moved_on' });
  });

  it('records nothing when what Stripe charged is not what the milestone asks, or not on the seller’s account', async () => {
    const { milestone, session } = await paidCheckout(7_000_000);
    expect((await deliver(stripeEvent('checkout.session.completed', { ...session, amount_total: 7 }, { account: sellerAccount }))).outcome).toBe('mismatch');
    expect((await deliver(stripeEvent('checkout.session.completed', session, { account: 'acct_someone_else' }))).outcome).toBe('mismatch');
    expect((await deliver(stripeEvent('checkout.session.completed', { ...session, currency: 'usd' }, { account: sellerAccount }))).outcome).toBe('mismatch');
    expect((await paymentsOf(milestone)).map((p) => p.status)).toEqual(['pending']);
    expect(await stageOf(milestone)).toBe('due');
  });

  it('waits for a delayed payment method, and an unknown session changes nothing', async () => {
    const { milestone, session } = await paidCheckout(4_000_000);
    expect((await deliver(stripeEvent('checkout.session.completed', { ...session, payment_status: 'unpaid' }, { account: sellerAccount }))).outcome).toBe('awaiting_payment');
    expect((await deliver(stripeEvent('checkout.session.async_payment_succeeded', session, { account: sellerAccount }))).outcome).toBe('paid');
    expect(await stageOf(milestone)).toBe('paid');
    expect((await deliver(stripeEvent('checkout.session.completed', { ...session, id: 'cs_test_not_ours' }, { account: sellerAccount }))).outcome).toBe('unknown_session');
  });

  it('keeps a connected account’s state from the newest account.updated, whatever order they come in', async () => {
    const account = double.addAccount({ chargesEnabled: false });
    const org = await createOrganisation(market.db, { slug: 'vien-onboard', name: 'Viện Onboard', type: 'institute', taxCode: '0100000065' });
    await market.db.insertInto('stripe_accounts').values({ organisation_id: org, account_id: account.id }).execute();
    const t = Math.floor(Date.now() / 1000);
    const enabled = stripeEvent('account.updated', { ...account, charges_enabled: true }, { account: account.id, created: t });
    const olderDisabled = stripeEvent('account.updated', { ...account, charges_enabled: false }, { account: account.id, created: t - 60 });
    expect((await deliver(enabled)).outcome).toBe('account_updated');
    expect((await deliver(olderDisabled)).outcome).toBe('stale');
    const row = await market.db.selectFrom('stripe_accounts').select('charges_enabled').where('account_id', '=', account.id).executeTakeFirstOrThrow();
    expect(row.charges_enabled).toBe(true);
    expect((await deliver(stripeEvent('account.updated', { ...account, id: 'acct_unknown' }))).outcome).toBe('unknown_account');
  });
});

describe('the seller’s side', () => {
  it('onboards an organisation once: one connected account, a fresh link each time, admins only', async () => {
    const org = await createOrganisation(market.db, { slug: 'vien-moi', name: 'Viện Mới', type: 'institute', taxCode: '0100000066' });
    const admin = actor(await createUser(market.db, { email: 'admin@vien-moi.vn', organisationId: org, passwordHash: 'x', role: 'admin' }), org, 'institute', 'admin');
    const member = actor(await createUser(market.db, { email: 'tv@vien-moi.vn', organisationId: org, passwordHash: 'x' }), org, 'institute');
    expect((await refusal(onboardSeller(ctx, member)))!.problem.code).toBe('forbidden_org_admin');

    const accountsBefore = double.requestsTo('POST', '/v1/accounts').length;
    const first = await onboardSeller(ctx, admin);
    const second = await onboardSeller(ctx, admin);
    expect(second.accountId).toBe(first.accountId);
    expect(first.url).toMatch(new RegExp(`^https://connect\\.stripe\\.com/setup/e/${first.accountId}/`));
    expect(second.url).not.toBe(first.url);
    const created = double.requestsTo('POST', '/v1/accounts');
    expect(created.length).toBe(accountsBefore + 1);
    expect(created.at(-1)!.params).toMatchObject({
      type: 'express',
      country: 'SG',
      email: admin.email,
      capabilities: { card_payments: { requested: 'true' }, transfers: { requested: 'true' } },
      metadata: { organisationId: org },
    });
    expect(double.requestsTo('POST', '/v1/account_links').at(-1)!.params).toMatchObject({
      account: first.accountId,
      type: 'account_onboarding',
      return_url: 'http://opentex.test/my/organisation/payments?stripe=returned',
      refresh_url: 'http://opentex.test/my/organisation/payments?stripe=expired',
    });

    // Onboarding finished at Stripe: the settings page reads it back before the webhook comes.
    expect((await getPaymentSettings(ctx, admin)).card).toEqual({ available: true, account: { accountId: first.accountId, chargesEnabled: false } });
    double.setChargesEnabled(first.accountId, true);
    expect((await getPaymentSettings(ctx, admin)).card.account).toEqual({ accountId: first.accountId, chargesEnabled: true });
    const stored = await market.db.selectFrom('stripe_accounts').select('charges_enabled').where('organisation_id', '=', org).executeTakeFirstOrThrow();
    expect(stored.charges_enabled).toBe(true);
  });

  it('keeps the bank account an admin registers, with field errors for a bad bank or number', async () => {
    const saved = await saveBankAccount(ctx, sellerAdmin, { bankCode: 'VCB', accountNumber: '0071001234567', holderName: '  VIEN THE  ' });
    expect(saved).toMatchObject({ bankCode: 'VCB', accountNumber: '0071001234567', holderName: 'VIEN THE' });
    await saveBankAccount(ctx, sellerAdmin, { bankCode: 'ICB', accountNumber: '1029384756', holderName: 'VIEN THE' });
    expect((await getPaymentSettings(ctx, sellerAdmin)).bankAccount).toMatchObject({ bankCode: 'ICB', accountNumber: '1029384756' });
    expect(await market.db.selectFrom('bank_accounts').select('bank_code').where('organisation_id', '=', sellerAdmin.organisationId).execute()).toEqual([{ bank_code: 'ICB' }]);

    const bad = (await refusal(saveBankAccount(ctx, sellerAdmin, { bankCode: 'NOPE', accountNumber: '12 34', holderName: '' }))) as unknown as InvalidInputError;
    expect(bad).toBeInstanceOf(InvalidInputError);
    expect(bad.fieldErrors).toEqual({ bankCode: [{ code: 'unknown_bank' }], accountNumber: [{ code: 'bank_account_number' }], holderName: [{ code: 'required' }] });
    expect((await refusal(saveBankAccount(ctx, seller, { bankCode: 'VCB', accountNumber: '1', holderName: 'X' })))!.problem.code).toBe('forbidden_org_admin');
    await expect(getPaymentSettings(ctx, seller)).rejects.toBeInstanceOf(PermissionError);
  });
});
