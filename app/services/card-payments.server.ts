// Paying a milestone by card, and the seller's side of it: the buyer is sent to a Stripe Checkout
// that charges on the seller's connected account; the seller's admin onboards that account. The
// milestone itself changes only when Stripe's verified webhook says the money was paid
// (stripe-webhook.server.ts). Without Stripe keys every one of these says card_unavailable.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { mayAdministerOrganisation, mayPayMilestone, maySeeDeal } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { cardAmountProblem } from '../domain/card-payment.js';
import type { AppContext } from '../context.server.js';
import { CardProviderError } from '../payments/provider.js';
import type { StripeCardProvider } from '../payments/stripe.server.js';
import { ConflictError, NotFoundError, PermissionError } from './errors.js';
import { isUuid } from './listings.server.js';

/** Where the seller's admin manages payments; Stripe's onboarding comes back here. */
export const PAYMENT_SETTINGS_PATH = '/my/organisation/payments';

/** The card provider, or card_unavailable (409): no Stripe keys. */
export function cardProvider(ctx: Pick<AppContext, 'payments'>): StripeCardProvider {
  const card = ctx.payments?.card ?? null;
  if (!card) throw new ConflictError('card_unavailable');
  return card;
}

/** Runs a call to the provider; when the provider fails, the person reads card_unavailable and the log says why. */
export async function askProvider<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CardProviderError)) throw error;
    console.error(`[payments] ${what}: ${error.message}`);
    throw new ConflictError('card_unavailable');
  }
}

async function lockMilestoneForCard(trx: Transaction<DB>, milestoneId: string) {
  return trx
    .selectFrom('milestones as m')
    .innerJoin('contracts as c', 'c.id', 'm.contract_id')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .leftJoin('stripe_accounts as s', 's.organisation_id', 'd.seller_organisation_id')
    .select([
      'm.id',
      'm.number',
      'm.amount',
      'm.stage',
      'c.number as contract_number',
      'c.stage as contract_stage',
      'd.buyer_organisation_id',
      'd.seller_organisation_id',
      's.account_id',
      's.charges_enabled',
    ])
    .where('m.id', '=', milestoneId)
    .forUpdate('m')
    .executeTakeFirst();
}

export interface CardCheckoutStarted {
  paymentId: string;
  /** Stripe's hosted checkout page, where the buyer is sent. */
  url: string;
  /** A checkout already open for this milestone, where the buyer is sent back to rather than opening a second one. */
  reused: boolean;
}

/**
 * The buyer starts paying a due milestone of a signed contract by card: a pending payment whose
 * provider reference is the Checkout Session. One checkout at a time per milestone: while one is
 * open the buyer goes back to it, so two tabs cannot charge the card twice.
 */
export async function startCardPayment(ctx: AppContext, actor: Actor, milestoneId: string, options: { lang?: 'vi' | 'en' } = {}): Promise<CardCheckoutStarted> {
  const card = cardProvider(ctx);
  if (!isUuid(milestoneId)) throw new NotFoundError('milestone', milestoneId);
  return ctx.db.transaction().execute(async (trx) => {
    const m = await lockMilestoneForCard(trx, milestoneId);
    const deal = m && { buyerOrganisationId: m.buyer_organisation_id, sellerOrganisationId: m.seller_organisation_id };
    if (!m || !deal || !maySeeDeal(actor, deal)) throw new NotFoundError('milestone', milestoneId);
    if (!mayPayMilestone(actor, deal)) throw new PermissionError('forbidden_party');
    if (m.contract_stage !== 'signed' || m.stage !== 'due') throw new ConflictError('milestone_wrong_stage', { stage: m.stage }, 'wrong_state');
    const tooLarge = cardAmountProblem(m.amount);
    if (tooLarge) throw new ConflictError(tooLarge.code, tooLarge.params);
    // The seller takes no card payments (yet): not onboarded, or Stripe has not enabled charges.
    if (!m.account_id || !m.charges_enabled) throw new ConflictError('card_unavailable');
    const sellerAccountId = m.account_id;

    const pending = await trx
      .selectFrom('payments')
      .select(['id', 'provider_ref'])
      .where('milestone_id', '=', m.id)
      .where('provider', '=', 'stripe')
      .where('status', '=', 'pending')
      .orderBy('created_at', 'desc')
      .execute();
    for (const payment of pending) {
      if (!payment.provider_ref) continue;
      const earlier = await askProvider('reading a checkout', () => card.checkout(payment.provider_ref!, sellerAccountId));
      // Paid, and Stripe's confirmation is on its way: a second checkout would charge twice.
      if (earlier.complete) throw new ConflictError('card_payment_processing', undefined, 'wrong_state');
      if (earlier.open) return { paymentId: payment.id, url: earlier.url, reused: true };
      // Expired: it can never be paid any more.
      await trx.updateTable('payments').set({ status: 'failed', settled_at: ctx.clock() }).where('id', '=', payment.id).where('status', '=', 'pending').execute();
    }

    const paymentId = randomUUID();
    const fee = card.feeFor(m.amount);
    const checkout = await askProvider('starting a checkout', () =>
      card.startCheckout({
        paymentId,
        milestoneId: m.id,
        contractNumber: m.contract_number,
        milestoneNumber: m.number,
        amount: m.amount,
        platformFee: fee,
        sellerAccountId,
        returnUrl: `${ctx.publicUrl}/milestones/${m.id}`,
        lang: options.lang ?? 'vi',
      }),
    );
    await trx
      .insertInto('payments')
      .values({
        id: paymentId,
        milestone_id: m.id,
        provider: 'stripe',
        amount: m.amount,
        status: 'pending',
        provider_ref: checkout.ref,
        platform_fee: fee,
        created_by: actor.userId,
        created_at: ctx.clock(),
      })
      .execute();
    return { paymentId, url: checkout.url, reused: false };
  });
}

/**
 * An organisation's admin starts (or resumes) receiving card payments: its connected account is
 * created once and kept, and each call gives a fresh onboarding link (Stripe's links are single-use).
 */
export async function onboardSeller(ctx: AppContext, actor: Actor): Promise<{ url: string; accountId: string }> {
  const card = cardProvider(ctx);
  if (!mayAdministerOrganisation(actor, actor.organisationId)) throw new PermissionError('forbidden_org_admin');
  return ctx.db.transaction().execute(async (trx) => {
    // The organisation's row is the lock: two admins clicking at once make one account.
    const org = await trx.selectFrom('organisations').select(['id', 'name']).where('id', '=', actor.organisationId).forUpdate().executeTakeFirstOrThrow();
    let account = await trx.selectFrom('stripe_accounts').select('account_id').where('organisation_id', '=', org.id).executeTakeFirst();
    if (!account) {
      const created = await askProvider('creating a connected account', () => card.createSellerAccount({ organisationId: org.id, name: org.name, email: actor.email }));
      await trx.insertInto('stripe_accounts').values({ organisation_id: org.id, account_id: created.accountId, charges_enabled: created.chargesEnabled }).execute();
      await trx
        .insertInto('audit_events')
        .values({ entity_type: 'organisation', entity_id: org.id, action: 'stripe_account_created', actor_id: actor.userId, payload: JSON.stringify({ accountId: created.accountId }), at: ctx.clock() })
        .execute();
      account = { account_id: created.accountId };
    }
    const back = `${ctx.publicUrl}${PAYMENT_SETTINGS_PATH}`;
    const url = await askProvider('creating an onboarding link', () =>
      card.onboardingUrl(account.account_id, { returnUrl: `${back}?stripe=returned`, refreshUrl: `${back}?stripe=expired` }),
    );
    return { url, accountId: account.account_id };
  });
}
