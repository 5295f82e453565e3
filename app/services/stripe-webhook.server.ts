// Stripe's webhook, the only thing that can mark a milestone paid by card. As Medusa and cal.com
// do it: the raw body checked against the Stripe-Signature header with `constructEvent`, a handler
// per event type, types we do not handle answered 2xx, the effects in one transaction. And what
// they lack: each event id is processed once. The event is recorded in `provider_events` in the
// same transaction as its effects, so a redelivery finds it and changes nothing, and a failure
// leaves no record, so Stripe's retry processes it then.
//
// Events come in any order and more than once (Stripe retries for days). The handlers are safe
// for that: a payment goes pending → paid once (its row locked), never back; a failure only
// touches a pending payment; the milestone moves only through the engine's `record_card_payment`,
// whose refusal (the milestone was paid by transfer meanwhile) changes nothing; an account's
// state is taken only from an event newer than the last one applied.
import type Stripe from 'stripe';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { problem } from '../domain/problem.js';
import type { AppContext } from '../context.server.js';
import { cardProvider } from './card-payments.server.js';
import { milestoneStore } from './contract-store.server.js';
import { InvalidInputError } from './errors.js';
import { askFor, type JobRequest } from './jobs.server.js';
import { isRefusal, runTransitionIn } from './process-runner.server.js';

const PROVIDER = 'stripe';

/** What processing an event did, stored as its `outcome`. */
export type WebhookOutcome =
  | 'paid'
  | 'already_paid'
  | 'milestone_moved_on'
  | 'awaiting_payment'
  | 'failed'
  | 'no_change'
  | 'unknown_session'
  | 'mismatch'
  | 'account_updated'
  | 'stale'
  | 'unknown_account'
  | 'ignored';

export interface WebhookResult {
  eventId: string;
  type: string;
  /** `duplicate`: this event id was processed before; nothing was done again. */
  outcome: WebhookOutcome | 'duplicate';
}

interface Handled {
  outcome: WebhookOutcome;
  after?: JobRequest[];
}

type EventOf<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>;
type Handler<T extends Stripe.Event.Type> = (ctx: AppContext, trx: Transaction<DB>, event: EventOf<T>) => Promise<Handled>;

const HANDLERS: { [T in Stripe.Event.Type]?: Handler<T> } = {
  'checkout.session.completed': sessionPaid,
  // A delayed method (a bank debit) completes the session unpaid, then succeeds or fails later.
  'checkout.session.async_payment_succeeded': sessionPaid,
  'checkout.session.expired': sessionFailed,
  'checkout.session.async_payment_failed': sessionFailed,
  'account.updated': accountUpdated,
};

const handlerOf = <T extends Stripe.Event.Type>(event: EventOf<T>) => HANDLERS[event.type as T] as Handler<T> | undefined;

/**
 * One delivery of Stripe's webhook. A body whose signature does not verify is refused (400) and
 * leaves no trace; a verified event is processed once and answered 2xx whatever it was.
 */
export async function handleStripeWebhook(ctx: AppContext, rawBody: string, signature: string | null): Promise<WebhookResult> {
  const verified = cardProvider(ctx).verifyWebhook(rawBody, signature);
  if (!verified.ok) {
    console.warn(`[payments] Stripe webhook refused: ${verified.reason}`);
    throw new InvalidInputError({ form: [problem('webhook_signature')] });
  }
  const event = verified.event;
  const { outcome, after } = await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('provider_events')
      .values({ provider: PROVIDER, event_id: event.id, type: event.type, created: new Date(event.created * 1000), payload: JSON.stringify(event), outcome: 'processing' })
      .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    if (!claimed) return { outcome: 'duplicate' as const, after: [] };
    const handler = handlerOf(event);
    const handled: Handled = handler ? await handler(ctx, trx, event) : { outcome: 'ignored' };
    await trx.updateTable('provider_events').set({ outcome: handled.outcome }).where('provider', '=', PROVIDER).where('event_id', '=', event.id).execute();
    return { outcome: handled.outcome, after: handled.after ?? [] };
  });
  await askFor(ctx, after);
  return { eventId: event.id, type: event.type, outcome };
}

/** The payment a Checkout Session stands for, its row locked, with the seller's connected account. */
function lockPaymentOf(trx: Transaction<DB>, sessionId: string) {
  return trx
    .selectFrom('payments as p')
    .innerJoin('milestones as m', 'm.id', 'p.milestone_id')
    .innerJoin('contracts as c', 'c.id', 'm.contract_id')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .leftJoin('stripe_accounts as s', 's.organisation_id', 'd.seller_organisation_id')
    .select(['p.id', 'p.milestone_id', 'p.amount', 'p.status', 's.account_id'])
    .where('p.provider', '=', PROVIDER)
    .where('p.provider_ref', '=', sessionId)
    .forUpdate('p')
    .executeTakeFirst();
}

async function sessionPaid(
  ctx: AppContext,
  trx: Transaction<DB>,
  event: EventOf<'checkout.session.completed' | 'checkout.session.async_payment_succeeded'>,
): Promise<Handled> {
  const session = event.data.object;
  if (session.payment_status !== 'paid') return { outcome: 'awaiting_payment' };
  const payment = await lockPaymentOf(trx, session.id);
  if (!payment) {
    console.warn(`[payments] ${event.type} ${event.id}: no payment of ours is Checkout Session ${session.id}`);
    return { outcome: 'unknown_session' };
  }
  // What Stripe charged must be what the milestone asked, on the seller's own account.
  const mismatch = [
    session.currency !== 'vnd' && `currency ${session.currency}`,
    session.amount_total !== payment.amount && `amount ${session.amount_total} ≠ ${payment.amount}`,
    session.metadata?.paymentId !== undefined && session.metadata.paymentId !== payment.id && `metadata paymentId ${session.metadata.paymentId}`,
    event.account && event.account !== payment.account_id && `account ${event.account} ≠ ${payment.account_id ?? 'none'}`,
  ].filter(Boolean);
  if (mismatch.length) {
    console.error(`[payments] ${event.type} ${event.id} for payment ${payment.id} not recorded: ${mismatch.join(', ')}`);
    return { outcome: 'mismatch' };
  }
  if (payment.status === 'paid') return { outcome: 'already_paid' };
  if (payment.status === 'refund_due') return { outcome: 'milestone_moved_on' };
  let after: JobRequest[];
  try {
    ({ after } = await runTransitionIn(ctx, trx, milestoneStore, payment.milestone_id, {
      actor: null,
      name: 'record_card_payment',
      input: {},
      write: async () => ({ paymentId: payment.id, provider: PROVIDER, checkoutSession: session.id, event: event.id }),
    }));
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // Paid by transfer meanwhile, or the contract ended: the milestone counts one payment only.
    // The card was charged all the same, so the seller owes the buyer a refund: say so loudly.
    // It is recorded as owed back, and both sides see it on the milestone page.
    console.error(`[payments] card payment ${payment.id} (${session.id}) arrived after milestone ${payment.milestone_id} moved on (${error.message}); not counted — the seller should refund it`);
    await trx.updateTable('payments').set({ status: 'refund_due', settled_at: ctx.clock() }).where('id', '=', payment.id).execute();
    return { outcome: 'milestone_moved_on' };
  }
  await trx.updateTable('payments').set({ status: 'paid', settled_at: ctx.clock() }).where('id', '=', payment.id).execute();
  return { outcome: 'paid', after };
}

async function sessionFailed(ctx: AppContext, trx: Transaction<DB>, event: EventOf<'checkout.session.expired' | 'checkout.session.async_payment_failed'>): Promise<Handled> {
  // Only a pending payment fails: a paid one stays paid, whatever arrives after it.
  const result = await trx
    .updateTable('payments')
    .set({ status: 'failed', settled_at: ctx.clock() })
    .where('provider', '=', PROVIDER)
    .where('provider_ref', '=', event.data.object.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return { outcome: result.numUpdatedRows > 0n ? 'failed' : 'no_change' };
}

async function accountUpdated(_ctx: AppContext, trx: Transaction<DB>, event: EventOf<'account.updated'>): Promise<Handled> {
  const account = event.data.object;
  const newer = await trx
    .selectFrom('provider_events')
    .select('event_id')
    .where('provider', '=', PROVIDER)
    .where('type', '=', 'account.updated')
    .where('event_id', '<>', event.id)
    .where('created', '>', new Date(event.created * 1000))
    .where(sql<string>`payload -> 'data' -> 'object' ->> 'id'`, '=', account.id)
    .executeTakeFirst();
  if (newer) return { outcome: 'stale' };
  const result = await trx.updateTable('stripe_accounts').set({ charges_enabled: account.charges_enabled === true }).where('account_id', '=', account.id).executeTakeFirst();
  return { outcome: result.numUpdatedRows > 0n ? 'account_updated' : 'unknown_account' };
}
