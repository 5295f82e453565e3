// An express licence: an offer's owner sets a fixed price for a non-exclusive licence, and any
// organisation may buy it at once ("buy now"). Buying skips the inquiry and the negotiation: the
// deal is agreed on these standard terms and its contract is made straight away.
import { z } from 'zod';
import type { TermSheet } from './deal-terms.js';

/** The price, whole đồng: at least 1,000,000 ₫ (below that a bank transfer costs more than it is worth to record). */
export const expressPriceSchema = z
  .number({ invalid_type_error: 'whole_vnd' })
  .int('whole_vnd')
  .min(1_000_000, 'below_minimum')
  .max(1e15, 'too_large_amount')
  .nullable();

/** The standard terms of an express licence of a listing: non-exclusive, Viet Nam, three years, paid at once. */
export function expressLicenceTerms(listingTitle: string, price: number): TermSheet {
  return {
    subject: `Li-xăng không độc quyền sử dụng công nghệ “${listingTitle}” theo mô tả của tin đăng, kèm tài liệu kỹ thuật`,
    transferMode: 'licence_non_exclusive',
    exclusive: false,
    territory: 'Việt Nam',
    fieldOfUse: 'Mọi lĩnh vực sử dụng mô tả trong tin đăng',
    durationMonths: 36,
    price,
    milestones: [{ amount: price, condition: 'Trong 10 ngày làm việc kể từ khi hợp đồng được ký', deliverable: 'Tài liệu kỹ thuật và quyền sử dụng theo li-xăng' }],
    warranty: 'Bên giao bảo đảm công nghệ đúng như mô tả trong tin đăng.',
    governingLaw: 'vietnam',
    disputeResolution: 'negotiation',
    validDays: 30,
  };
}
