// Reviews after a completed contract: each side posts one, hidden from the other until both have
// posted or the window after completion has closed (app/domain/reviews.ts). The deal page reads a
// deal's reviews as its people may see them; the organisation page reads the visible reviews about
// an organisation, without naming an anonymous owner (docs/decisions/021-reviews.md).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../domain/actor.js';
import { maySeeDeal } from '../domain/access.js';
import { partiesOf, type Party } from '../domain/deal-process.js';
import type { DealReviewsView, OrganisationReviewsView } from '../domain/review-view.js';
import { averageRating, decideReview, publicReviewOf, reviewSchema, reviewWindowEnd, reviewsVisible, type ReviewDecision, type ReviewFacts } from '../domain/reviews.js';
import type { AppContext } from '../context.server.js';
import { organisationOf } from './deal-store.server.js';
import { ConflictError, NotFoundError, PermissionError, parsed } from './errors.js';
import { askFor } from './jobs.server.js';
import { isUuid } from './listings.server.js';
import { notifyPeople, organisationMembers } from './notifications.server.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A deal with its contract's stage and completion, for deciding and showing its reviews. */
function dealWithContract(db: Executor, dealId: string) {
  return db
    .selectFrom('deals as d')
    .innerJoin('listings as l', 'l.id', 'd.listing_id')
    .leftJoin('contracts as c', 'c.deal_id', 'd.id')
    .select(['d.buyer_organisation_id', 'd.seller_organisation_id', 'l.title', 'c.stage as contract_stage', 'c.completed_at'])
    .where('d.id', '=', dealId);
}

const postedParties = async (db: Executor, dealId: string): Promise<Party[]> =>
  (await db.selectFrom('reviews').select('party').where('deal_id', '=', dealId).execute()).map((r) => r.party);

type DealRow = { buyer_organisation_id: string; seller_organisation_id: string; contract_stage: string | null; completed_at: Date | null };

const factsOf = (row: DealRow, postedBy: Party[], now: Date): ReviewFacts => ({
  buyerOrganisationId: row.buyer_organisation_id,
  sellerOrganisationId: row.seller_organisation_id,
  contractStage: row.contract_stage,
  completedAt: row.completed_at,
  postedBy,
  now,
});

function failureOf({ kind, problem }: Exclude<ReviewDecision, { ok: true }>, dealId: string) {
  if (kind === 'hidden') return new NotFoundError('deal', dealId);
  if (kind === 'forbidden') return new PermissionError(problem.code);
  return new ConflictError(problem.code, problem.params, kind);
}

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

/**
 * One side's review of a completed deal: who may (a person of either organisation, within the
 * window, once per side) is decided before the input is read, in the engine's order. Written with
 * its audit event, and the other side told, in one transaction.
 */
export async function postReview(ctx: AppContext, actor: Actor, dealId: string, input: unknown): Promise<{ id: string; party: Party; visible: boolean }> {
  if (!isUuid(dealId)) throw new NotFoundError('deal', dealId);
  try {
    const { emailed, ...posted } = await ctx.db.transaction().execute(async (trx) => {
      // Posts on one deal take turns, so each sees whether the other side has posted.
      const deal = await dealWithContract(trx, dealId).forUpdate('d').executeTakeFirst();
      if (!deal) throw new NotFoundError('deal', dealId);
      const now = ctx.clock();
      const postedBy = await postedParties(trx, dealId);
      const decision = decideReview(actor, factsOf(deal, postedBy, now));
      if (!decision.ok) throw failureOf(decision, dealId);
      const { rating, comment } = parsed(reviewSchema, input);
      const { party } = decision;
      const row = await trx
        .insertInto('reviews')
        .values({ deal_id: dealId, party, author_id: actor.userId, rating, comment, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The deal's timeline shows that a side reviewed, never what it wrote.
      await trx.insertInto('audit_events').values({ entity_type: 'deal', entity_id: dealId, action: 'review', actor_id: actor.userId, payload: JSON.stringify({ party }), at: now }).execute();
      const other: Party = party === 'buyer' ? 'seller' : 'buyer';
      const people = await organisationMembers(trx, organisationOf(factsOf(deal, postedBy, now), other));
      const sent = await notifyPeople(ctx, trx, people, { kind: 'deal_reviewed', params: { title: deal.title }, link: `/deals/${dealId}#reviews` });
      return { id: row.id, party, visible: reviewsVisible({ postedBy: [...postedBy, party], completedAt: deal.completed_at, now }), emailed: sent };
    });
    if (emailed) await askFor(ctx, [['mail-delivery', {}]]);
    return posted;
  } catch (error) {
    // Two people of one side posting at once: the unique (deal, party) lets one in.
    if (isUniqueViolation(error)) throw new ConflictError('review_posted');
    throw error;
  }
}

/**
 * The reviews section of a deal's page, or null before its contract is completed: the reader's
 * side's review always, the other side's once visible (a curator reads both once visible).
 */
export async function reviewsOfDeal(ctx: AppContext, actor: Actor, dealId: string): Promise<DealReviewsView | null> {
  if (!isUuid(dealId)) throw new NotFoundError('deal', dealId);
  const deal = await dealWithContract(ctx.db, dealId).executeTakeFirst();
  if (!deal || !maySeeDeal(actor, { buyerOrganisationId: deal.buyer_organisation_id, sellerOrganisationId: deal.seller_organisation_id })) throw new NotFoundError('deal', dealId);
  if (deal.contract_stage !== 'completed' || deal.completed_at === null) return null;
  const rows = await ctx.db
    .selectFrom('reviews as r')
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .select(['r.party', 'r.rating', 'r.comment', 'r.created_at', 'u.name as author_name'])
    .where('r.deal_id', '=', dealId)
    .orderBy('r.created_at')
    .execute();
  const names = await ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [deal.buyer_organisation_id, deal.seller_organisation_id]).execute();
  const now = ctx.clock();
  const postedBy = rows.map((r) => r.party);
  const facts = factsOf(deal, postedBy, now);
  const visible = reviewsVisible({ postedBy, completedAt: deal.completed_at, now });
  const party = partiesOf(actor, facts)[0] ?? null;
  const nameOf = (p: Party) => names.find((o) => o.id === organisationOf(facts, p))?.name ?? '';
  return {
    dealId,
    completedAt: deal.completed_at.toISOString(),
    windowEndsAt: reviewWindowEnd(deal.completed_at).toISOString(),
    party,
    visible,
    reviews: rows
      .filter((r) => r.party === party || visible)
      .map((r) => ({ party: r.party, organisationName: nameOf(r.party), authorName: r.author_name, rating: r.rating, comment: r.comment, createdAt: r.created_at.toISOString() })),
    otherPosted: party !== null && postedBy.some((p) => p !== party),
    mayReview: decideReview(actor, facts).ok,
  };
}

/** What the review form's page needs, for a person who may post the review now; otherwise why not. */
export async function reviewFormOf(ctx: AppContext, actor: Actor, dealId: string): Promise<{ dealId: string; title: string; windowEndsAt: string }> {
  if (!isUuid(dealId)) throw new NotFoundError('deal', dealId);
  const deal = await dealWithContract(ctx.db, dealId).executeTakeFirst();
  if (!deal) throw new NotFoundError('deal', dealId);
  const decision = decideReview(actor, factsOf(deal, await postedParties(ctx.db, dealId), ctx.clock()));
  if (!decision.ok) throw failureOf(decision, dealId);
  return { dealId, title: deal.title, windowEndsAt: reviewWindowEnd(deal.completed_at!).toISOString() };
}

/**
 * The visible reviews about an organisation — those the other party of its completed deals wrote —
 * with their average, newest first. A deal on an anonymous listing keeps the owner unnamed
 * (`publicReviewOf`).
 */
export async function reviewsOfOrganisation(ctx: AppContext, organisationId: string): Promise<OrganisationReviewsView> {
  const rows = await ctx.db
    .selectFrom('reviews as r')
    .innerJoin('deals as d', 'd.id', 'r.deal_id')
    .innerJoin('listings as l', 'l.id', 'd.listing_id')
    .innerJoin('contracts as c', 'c.deal_id', 'd.id')
    .innerJoin('organisations as o', (j) => j.on((eb) => eb.or([eb.and([eb('r.party', '=', 'buyer'), eb('o.id', '=', eb.ref('d.buyer_organisation_id'))]), eb.and([eb('r.party', '=', 'seller'), eb('o.id', '=', eb.ref('d.seller_organisation_id'))])])))
    .select((eb) => [
      'r.party',
      'r.rating',
      'r.comment',
      'r.created_at',
      'd.owner',
      'l.anonymous',
      'c.completed_at',
      'o.name as reviewer_name',
      'o.type as reviewer_type',
      eb.selectFrom('reviews as b').select(eb.fn.countAll<string>().as('n')).whereRef('b.deal_id', '=', 'r.deal_id').as('posted'),
    ])
    .where('c.stage', '=', 'completed')
    .where((eb) => eb.or([eb.and([eb('d.buyer_organisation_id', '=', organisationId), eb('r.party', '=', 'seller')]), eb.and([eb('d.seller_organisation_id', '=', organisationId), eb('r.party', '=', 'buyer')])]))
    .orderBy('r.created_at', 'desc')
    .execute();
  const now = ctx.clock();
  const shown = rows.filter((r) => {
    const postedBy: Party[] = Number(r.posted) >= 2 ? ['buyer', 'seller'] : [r.party];
    return reviewsVisible({ postedBy, completedAt: r.completed_at, now }) && publicReviewOf({ anonymousListing: r.anonymous, owner: r.owner }, r.party) !== 'withheld';
  });
  return {
    average: averageRating(shown.map((r) => r.rating)),
    count: shown.length,
    reviews: shown.map((r) => {
      const named = publicReviewOf({ anonymousListing: r.anonymous, owner: r.owner }, r.party) === 'named';
      return { reviewerName: named ? r.reviewer_name : null, reviewerType: named ? r.reviewer_type : null, rating: r.rating, comment: r.comment, createdAt: r.created_at.toISOString() };
    }),
  };
}
