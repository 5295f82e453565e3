import { describe, expect, it } from 'vitest';
import { mayPayMilestone } from '../../app/domain/access.js';
import type { Actor } from '../../app/domain/actor.js';
import { bankAccountSchema } from '../../app/domain/bank-account.js';
import { CARD_MAX_AMOUNT, cardAmountProblem, platformFee } from '../../app/domain/card-payment.js';
import { problemText } from '../../app/i18n/problems.js';
import { translator } from '../../app/i18n/index.js';

describe('a card amount', () => {
  it('goes up to Stripe’s eight digits and is refused above, with the amount written the Vietnamese way', () => {
    expect(cardAmountProblem(CARD_MAX_AMOUNT)).toBeNull();
    expect(cardAmountProblem(1)).toBeNull();
    const problem = cardAmountProblem(CARD_MAX_AMOUNT + 1)!;
    expect(problem.code).toBe('card_amount_too_large');
    expect(problemText(translator('vi'), 'vi', problem).replace(/\u00a0/g, ' ')).toBe(
      'Số tiền 100.000.000 ₫ vượt hạn mức thanh toán thẻ qua Stripe (99.999.999 ₫): hãy chuyển khoản ngân hàng bằng VietQR.',
    );
    expect(cardAmountProblem(0)?.code).toBe('invalid_value');
    expect(cardAmountProblem(1.5)?.code).toBe('invalid_value');
  });

  it('pays the platform a fee in basis points, rounded down to whole đồng', () => {
    expect(platformFee(50_000_000, 250)).toBe(1_250_000);
    expect(platformFee(99_999_999, 250)).toBe(2_499_999);
    expect(platformFee(1_000, 0)).toBe(0);
    expect(platformFee(3, 5_000)).toBe(1);
    expect(() => platformFee(1_000, 10_001)).toThrow(RangeError);
    expect(() => platformFee(1_000, 2.5)).toThrow(RangeError);
  });
});

describe('who pays a milestone', () => {
  const deal = { buyerOrganisationId: 'buyer-org', sellerOrganisationId: 'seller-org' };
  const person = (organisationId: string, organisationType: Actor['organisationType'] = 'enterprise', role: Actor['role'] = 'member'): Actor => ({
    userId: 'u', name: 'u', email: 'u@x.vn', organisationId, organisationType, role, platformAdmin: false,
  });
  it('is any member of the buyer’s organisation, and nobody else', () => {
    expect(mayPayMilestone(person('buyer-org'), deal)).toBe(true);
    expect(mayPayMilestone(person('buyer-org', 'enterprise', 'admin'), deal)).toBe(true);
    expect(mayPayMilestone(person('seller-org', 'institute', 'admin'), deal)).toBe(false);
    expect(mayPayMilestone(person('agency-org', 'agency'), deal)).toBe(false);
    expect(mayPayMilestone(null, deal)).toBe(false);
  });
});

describe('a bank account', () => {
  it('names a bank of the shipped list and an account number of 1–19 letters or digits', () => {
    expect(bankAccountSchema.parse({ bankCode: 'VCB', accountNumber: ' 0071001234567 ', holderName: ' CONG TY ABC ' })).toEqual({
      bankCode: 'VCB', accountNumber: '0071001234567', holderName: 'CONG TY ABC',
    });
    expect(bankAccountSchema.safeParse({ bankCode: 'KBank', accountNumber: 'A1B2', holderName: 'X' }).success).toBe(true);
    for (const accountNumber of ['', '12 34', '1234-5678', '12345678901234567890', 'số1']) {
      expect(bankAccountSchema.safeParse({ bankCode: 'VCB', accountNumber, holderName: 'X' }).success, accountNumber).toBe(false);
    }
    expect(bankAccountSchema.safeParse({ bankCode: 'vcb', accountNumber: '1', holderName: 'X' }).success).toBe(false);
  });
});
