// How an organisation is paid, as its admin sets it: the bank account that buyers transfer to
// (VietQR shows it on each milestone), and whether it receives card payments through Stripe.
import { mayAdministerOrganisation } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { bankAccountSchema } from '../domain/bank-account.js';
import type { AppContext } from '../context.server.js';
import { CardProviderError } from '../payments/provider.js';
import { PermissionError, parsed } from './errors.js';

export interface BankAccountView {
  bankCode: string;
  accountNumber: string;
  holderName: string;
  updatedAt: string;
}

export interface PaymentSettings {
  bankAccount: BankAccountView | null;
  card: {
    /** Stripe keys are configured. */
    available: boolean;
    /** The organisation's connected account, once onboarding began. */
    account: { accountId: string; chargesEnabled: boolean } | null;
  };
}

function requireAdmin(actor: Actor) {
  if (!mayAdministerOrganisation(actor, actor.organisationId)) throw new PermissionError('forbidden_org_admin');
}

/**
 * The organisation's payment settings, for its admins. A connected account that could not take
 * charges yet is read again from Stripe (onboarding may have finished since), so the page is right
 * even before the `account.updated` webhook arrives; if Stripe cannot be reached, the stored state shows.
 */
export async function getPaymentSettings(ctx: AppContext, actor: Actor): Promise<PaymentSettings> {
  requireAdmin(actor);
  const bank = await ctx.db
    .selectFrom('bank_accounts')
    .select(['bank_code', 'account_number', 'holder_name', 'updated_at'])
    .where('organisation_id', '=', actor.organisationId)
    .executeTakeFirst();
  const stripe = await ctx.db.selectFrom('stripe_accounts').select(['account_id', 'charges_enabled']).where('organisation_id', '=', actor.organisationId).executeTakeFirst();
  const card = ctx.payments?.card ?? null;
  let chargesEnabled = stripe?.charges_enabled ?? false;
  if (card && stripe && !chargesEnabled) {
    try {
      chargesEnabled = (await card.sellerAccount(stripe.account_id)).chargesEnabled;
      if (chargesEnabled) await ctx.db.updateTable('stripe_accounts').set({ charges_enabled: true }).where('account_id', '=', stripe.account_id).execute();
    } catch (error) {
      if (!(error instanceof CardProviderError)) throw error;
      console.warn(`[payments] could not read Stripe account ${stripe.account_id}, showing its stored state: ${error.message}`);
    }
  }
  return {
    bankAccount: bank ? { bankCode: bank.bank_code, accountNumber: bank.account_number, holderName: bank.holder_name, updatedAt: bank.updated_at.toISOString() } : null,
    card: { available: card !== null, account: stripe ? { accountId: stripe.account_id, chargesEnabled } : null },
  };
}

/** The admin registers or changes the account buyers transfer to; the change is audited. */
export async function saveBankAccount(ctx: AppContext, actor: Actor, input: unknown): Promise<BankAccountView> {
  requireAdmin(actor);
  const v = parsed(bankAccountSchema, input);
  const at = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const values = { bank_code: v.bankCode, account_number: v.accountNumber, holder_name: v.holderName, updated_by: actor.userId, updated_at: at };
    await trx
      .insertInto('bank_accounts')
      .values({ organisation_id: actor.organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
      .execute();
    await trx
      .insertInto('audit_events')
      .values({ entity_type: 'organisation', entity_id: actor.organisationId, action: 'bank_account_saved', actor_id: actor.userId, payload: JSON.stringify({ bankCode: v.bankCode, accountNumber: v.accountNumber }), at })
      .execute();
    return { bankCode: v.bankCode, accountNumber: v.accountNumber, holderName: v.holderName, updatedAt: at.toISOString() };
  });
}
