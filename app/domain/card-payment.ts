// The rules of paying a milestone by card that hold whatever the provider: VND has no minor unit,
// so a card amount is whole đồng as it is everywhere in the market; Stripe takes at most eight
// digits for an amount, so a bigger milestone goes by bank transfer; the platform's fee is a
// share in basis points, rounded down so that a buyer is never charged a fraction of a đồng.
import { formatVnd } from './money.js';
import { problem, type Problem } from './problem.js';

/** Stripe's ceiling for one amount in most currencies, VND included: ₫99,999,999. */
export const CARD_MAX_AMOUNT = 99_999_999;

/** What stands in the way of paying `amount` by card, or null. */
export function cardAmountProblem(amount: number): Problem | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return problem('invalid_value');
  return amount > CARD_MAX_AMOUNT ? problem('card_amount_too_large', { amount: formatVnd(amount) }) : null;
}

/** The platform's fee on `amount` at `bps` basis points (1 bp = 0.01 %), whole đồng, rounded down. */
export function platformFee(amount: number, bps: number): number {
  if (!Number.isSafeInteger(bps) || bps < 0 || bps > 10_000) throw new RangeError(`fee of ${bps} basis points`);
  return Math.floor((amount * bps) / 10_000);
}
