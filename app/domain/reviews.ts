// Reviews after a completed contract: each side rates the other once (1–5, with an optional
// comment). Nothing of a review reaches the other side until both have posted, or until the
// reviewing window of 14 days after completion has closed — the same moment, so nobody writes a
// review after reading the other's. Why a window and what the public sees:
// docs/decisions/021-reviews.md. Pure.
import { z } from 'zod';
import { decideReviewAccess } from './access.js';
import type { Actor } from './actor.js';
import { partiesOf, type Party } from './deal-process.js';
import type { Problem } from './problem.js';
import { cleaned } from './text.js';

export const RATINGS = [1, 2, 3, 4, 5] as const;
export const REVIEW_COMMENT_MAX = 2000;
/** Reviews may be written for this many days after completion; then any lone review is shown. */
export const REVIEW_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

// A form sends the rating as text ("4"); the API may send a number. Anything else is no choice.
const rating = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
  z.number({ required_error: 'choose_one', invalid_type_error: 'choose_one' }).int('choose_one').min(1, 'choose_one').max(5, 'choose_one'),
);

export const reviewSchema = z.object({
  rating,
  comment: cleaned(z.string().max(REVIEW_COMMENT_MAX), { multiline: true }).optional().transform((c) => c ?? ''),
});
export type ReviewInput = z.output<typeof reviewSchema>;

/** The moment the window closes and a lone review shows. */
export function reviewWindowEnd(completedAt: Date | string): Date {
  return new Date(new Date(completedAt).getTime() + REVIEW_WINDOW_DAYS * DAY_MS);
}

/** A deal's reviews are shown once both sides posted, or once the window after completion closed. */
export function reviewsVisible({ postedBy, completedAt, now }: { postedBy: readonly Party[]; completedAt: Date | string | null; now: Date }): boolean {
  if (postedBy.includes('buyer') && postedBy.includes('seller')) return true;
  return completedAt !== null && now.getTime() >= reviewWindowEnd(completedAt).getTime();
}

/** What deciding a review looks at: the deal's two organisations, its contract, the sides that posted. */
export interface ReviewFacts {
  buyerOrganisationId: string;
  sellerOrganisationId: string;
  contractStage: string | null;
  completedAt: Date | string | null;
  postedBy: readonly Party[];
  now: Date;
}

export type ReviewDecision = { ok: true; party: Party } | { ok: false; kind: 'hidden' | 'forbidden' | 'wrong_state' | 'conflict'; problem: Problem };

/**
 * May `actor` review this deal now? In the engine's order: a deal it may not know of is hidden
 * (404); a curator sees it but does not review (403); before completion or after the window, 409;
 * its side has posted already, 409.
 */
export function decideReview(actor: Actor | null, facts: ReviewFacts): ReviewDecision {
  const access = decideReviewAccess(actor, facts);
  if (access !== 'ok') return { ok: false, kind: access, problem: access === 'hidden' ? { code: 'not_found', params: { entity: 'deal' } } : { code: 'forbidden' } };
  const party = partiesOf(actor, facts)[0]!;
  const notOpen: ReviewDecision = { ok: false, kind: 'wrong_state', problem: { code: 'review_not_open', params: { days: REVIEW_WINDOW_DAYS } } };
  if (facts.contractStage !== 'completed' || facts.completedAt === null) return notOpen;
  if (facts.postedBy.includes(party)) return { ok: false, kind: 'conflict', problem: { code: 'review_posted' } };
  return facts.now.getTime() < reviewWindowEnd(facts.completedAt).getTime() ? { ok: true, party } : notOpen;
}

/**
 * How a review shows on the public page of the organisation it is about. A deal on an anonymous
 * listing must not tie the owner's name to it: a review of the anonymous owner stays off its page
 * (the comment would describe the technology), and one the anonymous owner wrote shows without
 * its name. Every other review names the organisation that wrote it.
 */
export function publicReviewOf(deal: { anonymousListing: boolean; owner: Party }, reviewer: Party): 'named' | 'unnamed' | 'withheld' {
  if (!deal.anonymousListing) return 'named';
  return reviewer === deal.owner ? 'unnamed' : 'withheld';
}

/** The mean of the ratings to one decimal, or null without any. */
export function averageRating(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  return Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10;
}
