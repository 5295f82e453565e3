// Card payments through Stripe Checkout on Connect, with the official SDK used as it is. Sellers
// onboard an Express connected account; a milestone is a *direct charge* on the seller's account
// (the Checkout Session is created with the Stripe-Account header), the platform's share taken as
// an application fee — the money never passes through the platform's balance
// (docs/decisions/019-card-payments.md). VND is zero-decimal: amounts go to Stripe as whole đồng.
// STRIPE_API_BASE points the SDK's real HTTP path at a local test double; production leaves it unset.
import Stripe from 'stripe';
import { CARD_MAX_AMOUNT, platformFee } from '../domain/card-payment.js';
import { CardProviderError, type CardCheckout, type CardProvider, type SellerAccount, type VerifiedWebhook } from './provider.js';

export interface StripeSettings {
  secretKey: string;
  /** The signing secret of the Connect webhook endpoint (events of the connected accounts). */
  webhookSecret: string;
  /** e.g. http://127.0.0.1:12111 (a test double); null: Stripe itself. */
  apiBase: string | null;
  /** ISO country of new connected accounts; null: Stripe uses the platform's country. */
  connectCountry: string | null;
  platformFeeBps: number;
}

export type StripeEvent = Stripe.Event;

export interface StripeCardProvider extends CardProvider {
  readonly name: 'stripe';
  /** The event, only if `signature` (the Stripe-Signature header) verifies against the raw body. */
  verifyWebhook(rawBody: string, signature: string | null): VerifiedWebhook<Stripe.Event>;
}

/** The SDK's client; with `apiBase`, every request goes there over the SDK's own HTTP client. */
export function stripeClient(settings: Pick<StripeSettings, 'secretKey' | 'apiBase'>): Stripe {
  const base = settings.apiBase ? new URL(settings.apiBase) : null;
  const protocol = base?.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(settings.secretKey, {
    // A test double answers at once and never needs a retry; Stripe itself may, with the
    // idempotency keys the SDK adds to retried POSTs.
    maxNetworkRetries: base ? 0 : 2,
    timeout: 20_000,
    appInfo: { name: 'OpenTEX' },
    ...(base ? { host: base.hostname, port: Number(base.port || (protocol === 'http' ? 80 : 443)), protocol } : {}),
  });
}

const sellerAccountOf = (account: Stripe.Account): SellerAccount => ({ accountId: account.id, chargesEnabled: account.charges_enabled === true });

const checkoutOf = (session: Stripe.Checkout.Session): CardCheckout => ({
  ref: session.id,
  url: session.url ?? '',
  open: session.status === 'open',
  complete: session.status === 'complete',
  amount: session.amount_total,
  currency: session.currency,
});

/** Stripe's own failures (network, refusal) as the provider's error, with Stripe's message and request id. */
async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      throw new CardProviderError(`Stripe ${what}: ${error.type} ${error.code ?? ''} ${error.message}${error.requestId ? ` (${error.requestId})` : ''}`, {
        cause: error,
      });
    }
    throw error;
  }
}

export function stripeCardProvider(settings: StripeSettings, client: Stripe = stripeClient(settings)): StripeCardProvider {
  return {
    name: 'stripe',
    feeFor: (amount) => platformFee(amount, settings.platformFeeBps),

    async createSellerAccount(seller) {
      const account = await call('accounts.create', () =>
        client.accounts.create({
          type: 'express',
          ...(settings.connectCountry ? { country: settings.connectCountry } : {}),
          email: seller.email,
          business_profile: { name: seller.name },
          // Direct charges need card_payments on the connected account itself.
          capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
          metadata: { organisationId: seller.organisationId },
        }),
      );
      return sellerAccountOf(account);
    },

    async onboardingUrl(accountId, urls) {
      const link = await call('accountLinks.create', () =>
        client.accountLinks.create({ account: accountId, type: 'account_onboarding', return_url: urls.returnUrl, refresh_url: urls.refreshUrl }),
      );
      return link.url;
    },

    async sellerAccount(accountId) {
      return sellerAccountOf(await call('accounts.retrieve', () => client.accounts.retrieve(accountId)));
    },

    async startCheckout(request) {
      // The caller refuses these with a message; reaching here with them is a bug.
      const { amount, platformFee: fee } = request;
      if (!Number.isSafeInteger(amount) || amount <= 0 || amount > CARD_MAX_AMOUNT) throw new RangeError(`card amount ${amount} VND`);
      if (!Number.isSafeInteger(fee) || fee < 0 || fee >= amount) throw new RangeError(`platform fee ${fee} VND`);
      const metadata = { milestoneId: request.milestoneId, paymentId: request.paymentId };
      const name = `Hợp đồng ${request.contractNumber} – đợt ${request.milestoneNumber} / Contract ${request.contractNumber} – milestone ${request.milestoneNumber}`;
      const session = await call('checkout.sessions.create', () =>
        client.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: [{ quantity: 1, price_data: { currency: 'vnd', unit_amount: amount, product_data: { name } } }],
            payment_intent_data: { ...(fee > 0 ? { application_fee_amount: fee } : {}), metadata },
            metadata,
            client_reference_id: request.paymentId,
            locale: request.lang,
            success_url: `${request.returnUrl}?checkout=success`,
            cancel_url: `${request.returnUrl}?checkout=cancelled`,
          },
          // On the seller's account: a direct charge. The key makes a retried request the same session.
          { stripeAccount: request.sellerAccountId, idempotencyKey: `opentex-payment-${request.paymentId}` },
        ),
      );
      return checkoutOf(session);
    },

    async checkout(ref, sellerAccountId) {
      return checkoutOf(await call('checkout.sessions.retrieve', () => client.checkout.sessions.retrieve(ref, {}, { stripeAccount: sellerAccountId })));
    },

    verifyWebhook(rawBody, signature) {
      if (!signature) return { ok: false, reason: 'no Stripe-Signature header' };
      try {
        return { ok: true, event: client.webhooks.constructEvent(rawBody, signature, settings.webhookSecret) };
      } catch (error) {
        // A signed body that is not JSON can only come from someone holding the secret; refused all the same.
        if (error instanceof Stripe.errors.StripeSignatureVerificationError || error instanceof SyntaxError) return { ok: false, reason: error.message };
        throw error;
      }
    },
  };
}
