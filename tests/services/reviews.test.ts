// Reviews on the real database: after a contract is completed each side reviews the other once;
// neither reads the other's review until both have posted or 14 days have passed; the
// organisation page shows the visible reviews about it, with their average.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { ConflictError, InvalidInputError, NotFoundError, PermissionError } from '../../app/services/errors.js';
import { postReview, reviewsOfDeal, reviewsOfOrganisation } from '../../app/services/reviews.server.js';
import { translator } from '../../app/i18n/index.js';
import { problemsText } from '../../app/i18n/problems.js';
import { statusOf } from '../../app/web/failure.server.js';
import { SHRIMP_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { agreedDeal as agreed, completedDeal as completed, type DealSide } from '../support/completed-deal.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

const DAY = 86_400_000;
let market: TestMarket;
let now = new Date('2026-12-01T03:00:00Z');

let sme: DealSide;
let lab: DealSide;
let stranger: Actor;
let curator: Actor;

const actor = (userId: string, organisationId: string, organisationType: Actor['organisationType'], role: Actor['role']): Actor => ({
  userId, name: userId, email: `${userId}@x.vn`, organisationId, organisationType, role, platformAdmin: false,
});

async function side(slug: string, name: string, type: 'enterprise' | 'institute', taxCode: string): Promise<DealSide> {
  const org = await createOrganisation(market.db, { slug, name, type, taxCode });
  const member = await createUser(market.db, { email: `nv@${slug}.vn`, name: `Nhân viên ${name}`, organisationId: org, passwordHash: 'x' });
  const admin = await createUser(market.db, { email: `gd@${slug}.vn`, name: `Giám đốc ${name}`, organisationId: org, passwordHash: 'x', role: 'admin' });
  return { org, member: actor(member, org, type, 'member'), admin: actor(admin, org, type, 'admin') };
}

const agreedDeal = (buyer: DealSide, seller: DealSide) => agreed(market.ctx, buyer, seller);
const completedDeal = (buyer: DealSide = sme, seller: DealSide = lab, listing?: object) => completed(market.ctx, buyer, seller, listing);

/** A review a minute after the last thing done, so reviews keep an order. */
function post(who: Actor, dealId: string, input: unknown) {
  now = new Date(now.getTime() + 60_000);
  return postReview(market.ctx, who, dealId, input);
}

const comments = async (who: Actor, dealId: string) => (await reviewsOfDeal(market.ctx, who, dealId))!.reviews.map((r) => [r.party, r.rating, r.comment]);
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

beforeAll(async () => {
  market = await createTestMarket({ clock: () => now });
  sme = await side('tom-dg', 'Công ty Tôm Đánh Giá', 'enterprise', '0100109106');
  lab = await side('vien-dg', 'Viện Màng Lọc Đánh Giá', 'institute', '0001000027');
  const other = await createOrganisation(market.db, { slug: 'khac-dg', name: 'Công ty Khác', type: 'enterprise', taxCode: '0001000034' });
  stranger = actor(await createUser(market.db, { email: 'ai@khac-dg.vn', organisationId: other, passwordHash: 'x', role: 'admin' }), other, 'enterprise', 'admin');
  const agency = await createOrganisation(market.db, { slug: 'so-dg', name: 'Sở KH&CN', type: 'agency', taxCode: '0001000041' });
  curator = actor(await createUser(market.db, { email: 'cb@so-dg.vn', organisationId: agency, passwordHash: 'x' }), agency, 'agency', 'member');
});

afterAll(() => market?.close());

describe('reviews of a completed deal', () => {
  it('stay hidden from the other side until both have posted; then both sides read both', async () => {
    const dealId = await completedDeal();
    const posted = await post(sme.member, dealId, { rating: '5', comment: 'Bàn giao đúng hạn, hỗ trợ vận hành tận tình.' });
    expect(posted).toMatchObject({ party: 'buyer', visible: false });
    // The buyer's side reads its own review; the seller learns only that it was posted.
    expect(await comments(sme.admin, dealId)).toEqual([['buyer', 5, 'Bàn giao đúng hạn, hỗ trợ vận hành tận tình.']]);
    const seller = (await reviewsOfDeal(market.ctx, lab.admin, dealId))!;
    expect(seller).toMatchObject({ party: 'seller', visible: false, reviews: [], otherPosted: true, mayReview: true });
    expect((await reviewsOfDeal(market.ctx, curator, dealId))!.reviews).toEqual([]);
    // The seller's side was told; the deal's timeline shows that the buyer reviewed, not what it wrote.
    const told = await market.db.selectFrom('notifications').select(['user_id', 'link']).where('kind', '=', 'deal_reviewed').execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([lab.member.userId, lab.admin.userId].sort());
    expect(told[0]!.link).toBe(`/deals/${dealId}#reviews`);
    const audit = await market.db.selectFrom('audit_events').select(['action', 'actor_id', 'payload', 'reason']).where('entity_type', '=', 'deal').where('entity_id', '=', dealId).where('action', '=', 'review').execute();
    expect(audit).toEqual([{ action: 'review', actor_id: sme.member.userId, payload: { party: 'buyer' }, reason: null }]);

    expect(await post(lab.admin, dealId, { rating: 4, comment: 'Thanh toán đúng hạn.' })).toMatchObject({ party: 'seller', visible: true });
    const both = [['buyer', 5, 'Bàn giao đúng hạn, hỗ trợ vận hành tận tình.'], ['seller', 4, 'Thanh toán đúng hạn.']];
    expect(await comments(sme.member, dealId)).toEqual(both);
    expect(await comments(lab.member, dealId)).toEqual(both);
    expect(await comments(curator, dealId)).toEqual(both);
    expect((await reviewsOfDeal(market.ctx, sme.member, dealId))!.mayReview).toBe(false);
  });

  it('are one per side: a second is a 409 that says so, even when two people of a side post at once', async () => {
    const dealId = await completedDeal();
    await post(sme.member, dealId, { rating: 4 });
    const again = await refusal(post(sme.admin, dealId, { rating: 1, comment: 'Đổi ý.' }));
    expect(again).toBeInstanceOf(ConflictError);
    expect(statusOf(again as ConflictError)).toBe(409);
    expect((again as ConflictError).problem).toEqual({ code: 'review_posted' });
    const atOnce = await Promise.allSettled([postReview(market.ctx, lab.admin, dealId, { rating: 5 }), postReview(market.ctx, lab.member, dealId, { rating: 3 })]);
    expect(atOnce.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(((atOnce.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as ConflictError).problem.code).toBe('review_posted');
    expect(await market.db.selectFrom('reviews').select('party').where('deal_id', '=', dealId).execute()).toHaveLength(2);
  });

  it('wait for the contract to be completed (409), are not for strangers (404) nor for curators (403)', async () => {
    const agreed = await agreedDeal(sme, lab);
    const early = await refusal(post(sme.member, agreed, { rating: 5 }));
    expect(early).toBeInstanceOf(ConflictError);
    expect(statusOf(early as ConflictError)).toBe(409);
    expect((early as ConflictError).problem).toEqual({ code: 'review_not_open', params: { days: 14 } });
    expect(await reviewsOfDeal(market.ctx, sme.member, agreed)).toBeNull();

    const dealId = await completedDeal();
    // Before the input is read: a stranger learns nothing, even from a bad form.
    for (const input of [{ rating: 5 }, { rating: '' }]) {
      expect(await refusal(post(stranger, dealId, input))).toBeInstanceOf(NotFoundError);
    }
    await expect(reviewsOfDeal(market.ctx, stranger, dealId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(postReview(market.ctx, sme.member, 'not-a-deal', { rating: 5 })).rejects.toBeInstanceOf(NotFoundError);
    const byCurator = await refusal(post(curator, dealId, { rating: 5 }));
    expect(byCurator).toBeInstanceOf(PermissionError);
    expect(statusOf(byCurator as PermissionError)).toBe(403);
    expect(await market.db.selectFrom('reviews').select('id').where('deal_id', 'in', [agreed, dealId]).execute()).toEqual([]);
  });

  it('refuse bad input with a 400 and field errors that read in the person’s language', async () => {
    const dealId = await completedDeal();
    const bad = await refusal(post(sme.member, dealId, { rating: '7', comment: 'x'.repeat(2001) }));
    expect(bad).toBeInstanceOf(InvalidInputError);
    expect(statusOf(bad as InvalidInputError)).toBe(400);
    const { rating, comment } = (bad as InvalidInputError).fieldErrors;
    expect(problemsText(translator('vi'), 'vi', rating!)).toBe('hãy chọn một trong các lựa chọn');
    expect(problemsText(translator('en'), 'en', rating!)).toBe('choose one of the options offered');
    expect(problemsText(translator('vi'), 'vi', comment!)).toBe('tối đa 2.000 ký tự');
    expect(problemsText(translator('en'), 'en', comment!)).toBe('at most 2,000 characters');
    expect(await market.db.selectFrom('reviews').select('id').where('deal_id', '=', dealId).execute()).toEqual([]);
  });

  it('show a lone review 14 days after completion (not after 13), when the window closes', async () => {
    const dealId = await completedDeal();
    await post(lab.member, dealId, { rating: 2, comment: 'Chậm thanh toán đợt 2.' });
    now = new Date(now.getTime() + 13 * DAY);
    expect(await comments(sme.member, dealId)).toEqual([]);
    expect((await reviewsOfDeal(market.ctx, sme.member, dealId))!.mayReview).toBe(true);
    now = new Date(now.getTime() + 1 * DAY);
    expect(await comments(sme.member, dealId)).toEqual([['seller', 2, 'Chậm thanh toán đợt 2.']]);
    // Nobody writes a review after reading the other's: the window has closed.
    expect((await reviewsOfDeal(market.ctx, sme.member, dealId))!.mayReview).toBe(false);
    const late = await refusal(post(sme.member, dealId, { rating: 5 }));
    expect((late as ConflictError).problem.code).toBe('review_not_open');
  });
});

describe('an organisation’s reviews', () => {
  it('are the visible ones its partners wrote, with their average; an anonymous owner stays unnamed', async () => {
    const buyer = await side('mua-dg', 'Công ty Mua', 'enterprise', '0100109106-001');
    const seller = await side('ban-dg', 'Viện Bán', 'institute', '0100109106-002');
    const [a, b, hidden, anonymous] = [await completedDeal(buyer, seller), await completedDeal(buyer, seller), await completedDeal(buyer, seller), await completedDeal(buyer, seller, { ...SHRIMP_OFFER, anonymous: true })];
    await post(buyer.member, a, { rating: 4, comment: 'Tốt.' });
    await post(seller.admin, a, { rating: 3, comment: 'Được.' });
    await post(buyer.member, b, { rating: 5, comment: 'Rất tốt.' });
    await post(seller.admin, b, { rating: 5 });
    // Only one side posted: not shown, not counted.
    await post(buyer.member, hidden, { rating: 1, comment: 'Chưa công bố.' });
    // On an anonymous listing: the seller is its owner.
    await post(buyer.member, anonymous, { rating: 1, comment: 'Về công nghệ MBR của bên bán.' });
    await post(seller.admin, anonymous, { rating: 4, comment: 'Bên mua hợp tác tốt.' });

    const aboutSeller = await reviewsOfOrganisation(market.ctx, seller.org);
    expect(aboutSeller).toMatchObject({ average: 4.5, count: 2 });
    expect(aboutSeller.reviews.map((r) => [r.reviewerName, r.rating, r.comment])).toEqual([['Công ty Mua', 5, 'Rất tốt.'], ['Công ty Mua', 4, 'Tốt.']]);

    const aboutBuyer = await reviewsOfOrganisation(market.ctx, buyer.org);
    expect(aboutBuyer).toMatchObject({ average: 4, count: 3 });
    expect(aboutBuyer.reviews.map((r) => [r.reviewerName, r.reviewerType, r.rating])).toEqual([[null, null, 4], ['Viện Bán', 'institute', 5], ['Viện Bán', 'institute', 3]]);

    // Fourteen days on, the lone review shows too.
    now = new Date(now.getTime() + 14 * DAY);
    expect(await reviewsOfOrganisation(market.ctx, seller.org)).toMatchObject({ average: 3.3, count: 3 });
  });
});
