// What a payment provider offers the market: types, and the one error a provider throws. A milestone is paid through one of
// two providers: a bank transfer the buyer makes itself (VietQR shows the seller's account; the
// seller confirms receipt), or a card through a provider that onboards sellers and hosts the
// checkout (Stripe Checkout on Connect). The money goes from buyer to seller; the platform never
// holds it (DESIGN, Decree 52/2024), so a card provider charges on the seller's own account.
// Absent a card provider (no keys), card payment is unavailable and bank transfer still works.

/** The `payments.provider` column. */
export type PaymentProviderName = 'bank_transfer' | 'stripe';

/** A seller's account at the card provider, as far as the market cares. */
export interface SellerAccount {
  accountId: string;
  /** The provider lets the account take card payments (onboarding is complete). */
  chargesEnabled: boolean;
}

/** One milestone to charge, in whole đồng, on the seller's account. */
export interface CardCheckoutRequest {
  /** Our payment's id, chosen before the call: the provider echoes it in its events. */
  paymentId: string;
  milestoneId: string;
  /** What the buyer's card statement and the checkout page name: the contract and the milestone. */
  contractNumber: string;
  milestoneNumber: number;
  amount: number;
  /** The platform's share of `amount`, whole đồng (0: none). */
  platformFee: number;
  sellerAccountId: string;
  /** Where the buyer comes back to, paid or not: the milestone's page. */
  returnUrl: string;
  /** The language the checkout page speaks. */
  lang: 'vi' | 'en';
}

/** A checkout the buyer is sent to; `ref` is stored as the payment's `provider_ref`. */
export interface CardCheckout {
  ref: string;
  url: string;
  /** Still payable (not completed, not expired). */
  open: boolean;
  /** Paid or being paid: the provider's confirmation is on its way. */
  complete: boolean;
  amount: number | null;
  currency: string | null;
}

export interface CardProvider {
  readonly name: Exclude<PaymentProviderName, 'bank_transfer'>;
  /** The platform's share of a card payment of `amount`. */
  feeFor(amount: number): number;
  /** A new account for a seller organisation, which onboarding then completes. */
  createSellerAccount(seller: { organisationId: string; name: string; email: string }): Promise<SellerAccount>;
  /** The provider's page where the seller's admin completes (or resumes) onboarding. */
  onboardingUrl(accountId: string, urls: { returnUrl: string; refreshUrl: string }): Promise<string>;
  sellerAccount(accountId: string): Promise<SellerAccount>;
  startCheckout(request: CardCheckoutRequest): Promise<CardCheckout>;
  /** A checkout started earlier, read again (to send the buyer back to it rather than open a second). */
  checkout(ref: string, sellerAccountId: string): Promise<CardCheckout>;
}

/** A webhook delivery checked against its signature: the event, or why it was refused. */
export type VerifiedWebhook<Event> = { ok: true; event: Event } | { ok: false; reason: string };

/**
 * The provider could not do what was asked (unreachable, or it refused the request). The caller
 * logs it and tells the person card payment is unavailable for now: bank transfer still works.
 */
export class CardProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CardProviderError';
  }
}
