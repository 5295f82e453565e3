import { describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { parseInput } from '../../app/domain/form-input.js';
import { averageRating, decideReview, publicReviewOf, reviewSchema, reviewsVisible, type ReviewFacts } from '../../app/domain/reviews.js';

const DAY = 86_400_000;
const completedAt = new Date('2026-12-01T03:00:00Z');
const after = (days: number) => new Date(completedAt.getTime() + days * DAY);

const person = (organisationId: string, organisationType: Actor['organisationType'] = 'enterprise'): Actor => ({
  userId: `u-${organisationId}`, name: 'X', email: 'x@x.vn', organisationId, organisationType, role: 'member', platformAdmin: false,
});
const buyer = person('sme');
const seller = person('lab', 'institute');
const facts = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  buyerOrganisationId: 'sme', sellerOrganisationId: 'lab', contractStage: 'completed', completedAt, postedBy: [], now: after(1), ...over,
});

describe('when a deal’s reviews are shown', () => {
  it('not while only one side has posted', () => {
    expect(reviewsVisible({ postedBy: ['buyer'], completedAt, now: after(1) })).toBe(false);
    expect(reviewsVisible({ postedBy: ['seller'], completedAt, now: after(1) })).toBe(false);
  });

  it('once both sides have posted', () => {
    expect(reviewsVisible({ postedBy: ['buyer', 'seller'], completedAt, now: after(1) })).toBe(true);
  });

  it('14 days after completion, even a lone review; 13 days after, not yet', () => {
    expect(reviewsVisible({ postedBy: ['buyer'], completedAt, now: after(13) })).toBe(false);
    expect(reviewsVisible({ postedBy: ['buyer'], completedAt, now: new Date(after(14).getTime() - 1) })).toBe(false);
    expect(reviewsVisible({ postedBy: ['buyer'], completedAt, now: after(14) })).toBe(true);
    expect(reviewsVisible({ postedBy: [], completedAt: completedAt.toISOString(), now: after(14) })).toBe(true);
  });
});

describe('who may review, and when', () => {
  it('a person of either organisation, within the window, once per side', () => {
    expect(decideReview(buyer, facts())).toEqual({ ok: true, party: 'buyer' });
    expect(decideReview(seller, facts({ postedBy: ['buyer'] }))).toEqual({ ok: true, party: 'seller' });
    expect(decideReview(buyer, facts({ postedBy: ['buyer'] }))).toMatchObject({ ok: false, kind: 'conflict', problem: { code: 'review_posted' } });
  });

  it('not before the contract is completed, nor once the window has closed', () => {
    for (const f of [facts({ contractStage: 'signed', completedAt: null }), facts({ contractStage: null, completedAt: null }), facts({ now: after(14) })]) {
      expect(decideReview(buyer, f)).toMatchObject({ ok: false, kind: 'wrong_state', problem: { code: 'review_not_open', params: { days: 14 } } });
    }
    expect(decideReview(buyer, facts({ now: after(13) })).ok).toBe(true);
  });

  it('a curator sees the deal but does not review it (403); anyone else does not learn of it (404)', () => {
    expect(decideReview(person('agency', 'agency'), facts())).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(decideReview(person('elsewhere'), facts())).toMatchObject({ ok: false, kind: 'hidden' });
    expect(decideReview(null, facts())).toMatchObject({ ok: false, kind: 'hidden' });
  });
});

describe('a review’s input', () => {
  it('is a whole rating from 1 to 5 and a cleaned comment of at most 2,000 characters', () => {
    expect(parseInput(reviewSchema, { rating: '4', comment: '  Bàn giao đúng hạn.\u200b ' })).toEqual({ ok: true, value: { rating: 4, comment: 'Bàn giao đúng hạn.' } });
    expect(parseInput(reviewSchema, { rating: 5 })).toEqual({ ok: true, value: { rating: 5, comment: '' } });
    for (const rating of ['', '0', '6', '3.5', 'năm', undefined]) {
      expect(parseInput(reviewSchema, { rating, comment: '' }), String(rating)).toMatchObject({ ok: false, problems: { rating: [{ code: 'choose_one' }] } });
    }
    expect(parseInput(reviewSchema, { rating: '3', comment: 'x'.repeat(2001) })).toEqual({ ok: false, problems: { comment: [{ code: 'too_long', params: { max: 2000 } }] } });
  });
});

describe('a review on the public page of the organisation it is about', () => {
  it('names its writer, except the anonymous owner of the deal’s listing; a review of that owner stays off its page', () => {
    expect(publicReviewOf({ anonymousListing: false, owner: 'seller' }, 'buyer')).toBe('named');
    expect(publicReviewOf({ anonymousListing: true, owner: 'seller' }, 'seller')).toBe('unnamed');
    expect(publicReviewOf({ anonymousListing: true, owner: 'seller' }, 'buyer')).toBe('withheld');
  });

  it('averages to one decimal', () => {
    expect(averageRating([4, 5])).toBe(4.5);
    expect(averageRating([5, 4, 4])).toBe(4.3);
    expect(averageRating([])).toBeNull();
  });
});
