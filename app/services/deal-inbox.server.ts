// An organisation's deals by what they need from the reader: awaiting your answer (with the
// working days left), awaiting the other side, agreed, closed. What "awaits you" means is asked
// of the deal process (`awaitsActor`), so the inbox, the header count and the page's buttons agree.
import { dealNamesOwner } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { OPEN_STAGES, partiesOf, type Party } from '../domain/deal-process.js';
import { workingDaysLeft } from '../domain/working-days.js';
import type { AppContext } from '../context.server.js';
import type { DealCard, DealInbox } from '../domain/deal-view.js';
import { dealFacts } from './deal-store.server.js';
import { awaitsActor } from './deal-views.server.js';

/** The organisation's deals with the facts the process needs (the latest terms by a lateral join). */
function organisationDeals(ctx: AppContext, actor: Actor) {
  return ctx.db
    .selectFrom('deals as d')
    .leftJoinLateral(
      (eb) => eb.selectFrom('term_sheets as t').select(['t.version', 't.proposed_by', 't.valid_until']).whereRef('t.deal_id', '=', 'd.id').orderBy('t.version', 'desc').limit(1).as('t'),
      (join) => join.onTrue(),
    )
    .select(['d.id', 'd.stage', 'd.buyer_organisation_id', 'd.seller_organisation_id', 'd.owner', 'd.nda_proposed_by', 'd.nda_in_force_at', 'd.buyer_consented_at', 'd.seller_consented_at', 'd.answer_due_at', 'd.updated_at', 'd.accepted_at', 't.version as terms_version', 't.proposed_by as terms_proposed_by', 't.valid_until as terms_valid_until'])
    .where((eb) => eb.or([eb('d.buyer_organisation_id', '=', actor.organisationId), eb('d.seller_organisation_id', '=', actor.organisationId)]))
    .where('d.stage', '<>', 'opening');
}

type DealRow = Awaited<ReturnType<ReturnType<typeof organisationDeals>['execute']>>[number];

const factsOf = (row: DealRow, now: Date) =>
  dealFacts(
    row,
    row.terms_version !== null && row.terms_proposed_by !== null && row.terms_valid_until !== null
      ? { version: row.terms_version, proposedBy: row.terms_proposed_by, validUntil: row.terms_valid_until }
      : null,
    now,
  );

export async function listMyDeals(ctx: AppContext, actor: Actor): Promise<DealInbox & { awaitingYouCount: number }> {
  const rows = await organisationDeals(ctx, actor)
    .innerJoin('listings as l', 'l.id', 'd.listing_id')
    .innerJoin('organisations as b', 'b.id', 'd.buyer_organisation_id')
    .innerJoin('organisations as s', 's.id', 'd.seller_organisation_id')
    .select(['l.title', 'l.anonymous', 'b.name as buyer_name', 's.name as seller_name'])
    .orderBy('d.updated_at', 'desc')
    .execute();
  const now = ctx.clock();
  const inbox: DealInbox = { awaitingYou: [], awaitingThem: [], agreed: [], closed: [] };
  for (const row of rows) {
    const facts = factsOf(row, now);
    const party = partiesOf(actor, facts)[0]!;
    const other: Party = party === 'buyer' ? 'seller' : 'buyer';
    // An owner anonymous on its listing stays unnamed to the other side until it accepts.
    const hidden = other === row.owner && row.anonymous && !dealNamesOwner({ acceptedAt: row.accepted_at });
    const card: DealCard = {
      id: row.id,
      stage: row.stage,
      listingTitle: row.title,
      counterpartName: hidden ? null : other === 'buyer' ? row.buyer_name : row.seller_name,
      party,
      updatedAt: row.updated_at.toISOString(),
      answerDueAt: row.answer_due_at?.toISOString() ?? null,
      daysLeft: row.stage === 'inquiry' && row.answer_due_at ? workingDaysLeft(now, row.answer_due_at) : null,
    };
    if (row.stage === 'agreed') inbox.agreed.push(card);
    else if (!OPEN_STAGES.includes(row.stage)) inbox.closed.push(card);
    else if (awaitsActor(facts, actor)) inbox.awaitingYou.push(card);
    else inbox.awaitingThem.push(card);
  }
  // The most urgent answer first.
  inbox.awaitingYou.sort((a, b) => (a.answerDueAt ?? '9999').localeCompare(b.answerDueAt ?? '9999'));
  return { ...inbox, awaitingYouCount: inbox.awaitingYou.length };
}

/** For the header on every page: one query over the organisation's open deals. */
export async function awaitingYouCount(ctx: AppContext, actor: Actor): Promise<number> {
  const rows = await organisationDeals(ctx, actor).where('d.stage', 'in', [...OPEN_STAGES]).execute();
  const now = ctx.clock();
  return rows.filter((row) => awaitsActor(factsOf(row, now), actor)).length;
}
