// A deal taken through the services to its end: interest in a fresh offer, terms agreed, the
// contract completed by both parties and signed, every milestone paid, delivered and accepted.
import { expect } from 'vitest';
import type { AppContext } from '../../app/context.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { currentContent, reviseContract, signContract } from '../../app/services/contracts.server.js';
import { expressInterest, proposeTerms, takeDealTransition } from '../../app/services/deals.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { takeMilestoneTransition } from '../../app/services/milestones.server.js';
import { SHRIMP_OFFER } from '../fixtures/market.js';

/** An organisation's people on a deal: a member, and an admin who signs. */
export interface DealSide {
  org: string;
  member: Actor;
  admin: Actor;
}

export const TERMS = {
  subject: 'Chuyển giao hệ thống MBR cho nước thải ao tôm',
  transferMode: 'turnkey',
  exclusive: false,
  territory: 'Cà Mau',
  fieldOfUse: 'Nuôi trồng thủy sản',
  durationMonths: 24,
  price: 1_500_000_000,
  milestones: [
    { amount: 600_000_000, condition: 'Khi ký hợp đồng', deliverable: 'Thiết kế chi tiết' },
    { amount: 900_000_000, condition: 'Khi nghiệm thu', deliverable: 'Hệ thống vận hành' },
  ],
  warranty: '12 tháng',
  disputeResolution: 'mediation',
  validDays: 14,
};

/** A deal on a fresh offer of `seller`, agreed with `buyer` (its contract generated): the deal's id. */
export async function agreedDeal(ctx: AppContext, buyer: DealSide, seller: DealSide, listing: object = SHRIMP_OFFER): Promise<string> {
  const offer = (await importPublishedListings(ctx, seller.org, [listing])).ids[0]!;
  const { id } = await expressInterest(ctx, buyer.member, offer, { cooperation: 'Chúng tôi cần chuyển giao trọn gói cho trại tôm.', aboutUs: 'Công ty nuôi tôm tại Cà Mau, 120 ha.', transferMode: 'turnkey', priceIndication: null });
  await takeDealTransition(ctx, seller.admin, id, 'accept');
  await proposeTerms(ctx, buyer.member, id, TERMS);
  await takeDealTransition(ctx, seller.admin, id, 'accept_terms', { termsVersion: 1 });
  return id;
}

/** The same, then carried out to the end: its contract is `completed`. */
export async function completedDeal(ctx: AppContext, buyer: DealSide, seller: DealSide, listing: object = SHRIMP_OFFER): Promise<string> {
  const dealId = await agreedDeal(ctx, buyer, seller, listing);
  const contract = (await ctx.db.selectFrom('contracts').select('id').where('deal_id', '=', dealId).executeTakeFirstOrThrow()).id;
  await reviseContract(ctx, seller.admin, contract, { address: '1 Đại Cồ Việt, Hà Nội', legalRepresentative: 'Trần Thị Bình', representativeTitle: 'Viện trưởng', ipNumber: '1-0012345' });
  await reviseContract(ctx, buyer.admin, contract, { address: 'Khóm 5, Phường 8, TP. Cà Mau', legalRepresentative: 'Lê Văn Cường', representativeTitle: 'Giám đốc' });
  const { sha256 } = (await currentContent(ctx.db, contract))!;
  await signContract(ctx, seller.admin, contract, { typedName: 'Trần Thị Bình', contentSha256: sha256 }, { method: 'click', address: null });
  await signContract(ctx, buyer.admin, contract, { typedName: 'Lê Văn Cường', contentSha256: sha256 }, { method: 'click', address: null });
  const milestones = await ctx.db.selectFrom('milestones').select('id').where('contract_id', '=', contract).orderBy('number').execute();
  for (const { id } of milestones) {
    await takeMilestoneTransition(ctx, buyer.member, id, 'report_transfer');
    await takeMilestoneTransition(ctx, seller.admin, id, 'confirm_receipt');
    await takeMilestoneTransition(ctx, seller.admin, id, 'deliver', { note: 'Đã bàn giao' });
    await takeMilestoneTransition(ctx, buyer.member, id, 'accept');
  }
  const { stage } = await ctx.db.selectFrom('contracts').select('stage').where('id', '=', contract).executeTakeFirstOrThrow();
  expect(stage).toBe('completed');
  return dealId;
}
