// What a person sees of one deal: its facts, the interest, the deadline, the NDA, every version of
// the terms with what changed, the contact persons once the NDA is in force, one timeline of
// events and messages, and the buttons the engine offers this person. Who sees what is decided in
// app/domain/access.ts; the buttons by the deal process itself.
import { dealNamesOwner, dealOpensConfidential, maySeeDeal, maySeeListingInside } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { DEAL_PROCESS, partiesOf, type DealFacts, type DealTransitionName, type Party } from '../domain/deal-process.js';
import { changedTerms, type TermSheet } from '../domain/deal-terms.js';
import type { DealSideLabel, DealView, TimelineEntry } from '../domain/deal-view.js';
import { NDA_TEXT, NDA_VERSION } from '../domain/nda.js';
import { availableTransitions, decide } from '../domain/process.js';
import { workingDaysLeft } from '../domain/working-days.js';
import type { AppContext } from '../context.server.js';
import { NotFoundError } from './errors.js';
import { dealFacts } from './deal-store.server.js';
import { isUuid } from './listings.server.js';

const ANSWERS: readonly DealTransitionName[] = ['accept', 'decline', 'consent', 'open_introduction', 'accept_nda', 'accept_terms'];

/**
 * Whether the deal waits for the actor's side: the engine offers it an answer (the inquiry, the
 * NDA, the latest terms while they stand). Asked of the process, so the inbox and the page agree.
 */
export function awaitsActor(facts: DealFacts, actor: Actor): boolean {
  return ANSWERS.some((name) => decide(DEAL_PROCESS, facts, actor, name, name === 'accept_terms' ? { termsVersion: facts.latestTerms?.version ?? null } : undefined).ok);
}

export async function getDeal(ctx: AppContext, actor: Actor, id: string): Promise<DealView> {
  if (!isUuid(id)) throw new NotFoundError('deal', id);
  const row = await ctx.db
    .selectFrom('deals as d')
    .innerJoin('listings as l', 'l.id', 'd.listing_id')
    .innerJoin('organisations as lo', 'lo.id', 'l.organisation_id')
    .innerJoin('organisations as io', 'io.id', 'd.interested_organisation_id')
    .selectAll('d')
    .select(['l.title', 'l.kind', 'l.language', 'l.anonymous', 'l.status as listing_status', 'l.submitted_at', 'l.organisation_id as listing_organisation_id', 'l.confidential_details', 'lo.name as owner_name', 'io.name as interested_name'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('deal', id);
  const sheets = await ctx.db.selectFrom('term_sheets').select(['version', 'proposed_by', 'terms', 'valid_until', 'created_at']).where('deal_id', '=', id).orderBy('version', 'desc').execute();
  const now = ctx.clock();
  const newest = sheets[0];
  const facts = dealFacts(row, newest ? { version: newest.version, proposedBy: newest.proposed_by, validUntil: newest.valid_until } : null, now);
  if (!maySeeDeal(actor, facts)) throw new NotFoundError('deal', id);

  const inside = maySeeListingInside(actor, { organisationId: row.listing_organisation_id, status: row.listing_status, submittedAt: row.submitted_at });
  const namesOwner = !row.anonymous || inside || dealNamesOwner({ acceptedAt: row.accepted_at });
  const ownerSideOrg = row.listing_organisation_id;
  const [timeline, acceptances, contacts] = await Promise.all([
    dealTimeline(ctx, id, facts, namesOwner ? null : ownerSideOrg),
    ctx.db
      .selectFrom('nda_acceptances as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.party', 'u.name', 'a.accepted_at', 'a.nda_version', 'a.text_sha256'])
      .where('a.deal_id', '=', id)
      .orderBy('a.accepted_at')
      .execute(),
    facts.ndaInForce ? contactPersons(ctx, facts) : Promise.resolve(null),
  ]);
  const terms = sheets.map((s) => s.terms as TermSheet);
  return {
    id: row.id,
    stage: row.stage,
    version: row.version,
    owner: row.owner,
    listing: {
      id: row.listing_id,
      title: row.title,
      kind: row.kind,
      language: row.language,
      ownerName: namesOwner ? row.owner_name : null,
      hasConfidentialDetails: Boolean(row.confidential_details),
      confidentialDetails: inside || dealOpensConfidential(facts) ? row.confidential_details : null,
    },
    interestedName: row.interested_name,
    interest: { cooperation: row.cooperation, unclear: row.unclear, aboutUs: row.about_us, transferMode: row.transfer_mode, priceIndication: row.price_indication },
    createdAt: row.created_at.toISOString(),
    answerDueAt: row.answer_due_at?.toISOString() ?? null,
    daysLeft: row.stage === 'inquiry' && row.answer_due_at ? workingDaysLeft(now, row.answer_due_at) : null,
    declineReason: row.decline_reason,
    nda: {
      proposedBy: row.nda_proposed_by,
      inForceAt: row.nda_in_force_at?.toISOString() ?? null,
      acceptances: acceptances.map((a) => ({ party: a.party, by: a.name, at: a.accepted_at.toISOString(), ndaVersion: a.nda_version, sha256: a.text_sha256 })),
      // The very text whose SHA-256 each acceptance keeps: Vietnamese (prevailing), then English.
      text: NDA_TEXT,
      version: NDA_VERSION,
    },
    termSheets: sheets.map((s, i) => ({
      version: s.version,
      proposedBy: s.proposed_by,
      terms: terms[i]!,
      validUntil: s.valid_until.toISOString(),
      createdAt: s.created_at.toISOString(),
      changed: terms[i + 1] ? changedTerms(terms[i + 1]!, terms[i]!) : null,
      latest: i === 0,
      expired: s.valid_until.getTime() < now.getTime(),
    })),
    contract: (await ctx.db.selectFrom('contracts').select(['id', 'number', 'stage']).where('deal_id', '=', id).executeTakeFirst()) ?? null,
    agreedTerms: row.agreed_terms_version !== null && row.agreed_terms_sha256 !== null ? { version: row.agreed_terms_version, sha256: row.agreed_terms_sha256 } : null,
    contacts,
    timeline,
    party: partiesOf(actor, facts)[0] ?? null,
    transitions: availableTransitions(DEAL_PROCESS, facts, actor),
    mayMessage: row.stage === 'inquiry' || row.stage === 'negotiating',
  };
}

/** The admins of each organisation: whom the other side contacts once the NDA is in force. */
async function contactPersons(ctx: AppContext, facts: DealFacts): Promise<Record<Party, { name: string; email: string }[]>> {
  const admins = await ctx.db
    .selectFrom('users')
    .select(['name', 'email', 'organisation_id'])
    .where('organisation_id', 'in', [facts.buyerOrganisationId, facts.sellerOrganisationId])
    .where('role', '=', 'admin')
    .orderBy('name')
    .execute();
  const of = (org: string) => admins.filter((a) => a.organisation_id === org).map(({ name, email }) => ({ name, email }));
  return { buyer: of(facts.buyerOrganisationId), seller: of(facts.sellerOrganisationId) };
}

/**
 * Transitions (audit events of the deal) and messages in one list, in time order. A person of an
 * owner not yet named to the reader stays unnamed: their side is shown, not their name.
 */
async function dealTimeline(ctx: AppContext, id: string, facts: DealFacts, hiddenOrg: string | null): Promise<TimelineEntry[]> {
  const [events, messages, files] = await Promise.all([
    ctx.db
      .selectFrom('audit_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.entity_type', 'e.action', 'e.from_state', 'e.to_state', 'e.reason', 'e.payload', 'e.at', 'e.actor_id', 'u.name', 'u.organisation_id'])
      // The deal's own transitions, then its contract's and its milestones': one record to the end.
      .where((eb) =>
        eb.or([
          eb.and([eb('e.entity_type', '=', 'deal'), eb('e.entity_id', '=', id)]),
          eb.and([eb('e.entity_type', '=', 'contract'), eb('e.entity_id', 'in', eb.selectFrom('contracts').select('id').where('deal_id', '=', id))]),
          eb.and([
            eb('e.entity_type', '=', 'milestone'),
            eb('e.entity_id', 'in', eb.selectFrom('milestones as ms').innerJoin('contracts as mc', 'mc.id', 'ms.contract_id').select('ms.id').where('mc.deal_id', '=', id)),
          ]),
        ]),
      )
      .orderBy('e.at')
      .orderBy('e.id')
      .execute(),
    ctx.db
      .selectFrom('deal_messages as m')
      .innerJoin('users as u', 'u.id', 'm.author_id')
      .select(['m.id', 'm.body', 'm.created_at', 'u.name', 'u.organisation_id'])
      .where('m.deal_id', '=', id)
      .execute(),
    ctx.db.selectFrom('deal_files').select(['id', 'message_id', 'filename', 'size']).where('deal_id', '=', id).orderBy('created_at').execute(),
  ]);
  const filesOf = (messageId: string) => files.filter((f) => f.message_id === messageId).map((f) => ({ id: f.id, filename: f.filename, size: f.size }));
  const sideOf = (org: string | null, hasActor: boolean): DealSideLabel =>
    !hasActor ? 'system' : org === facts.buyerOrganisationId ? 'buyer' : org === facts.sellerOrganisationId ? 'seller' : 'curator';
  const nameOf = (name: string | null, org: string | null) => (org !== null && org === hiddenOrg ? null : name);
  const entries: (TimelineEntry & { sort: number })[] = [
    ...events.map((e) => {
      const payload = (e.payload ?? {}) as { declineReason?: string; termsVersion?: number };
      return {
        type: 'event' as const,
        // A contract's or a milestone's step is named with its process (`contract.sign`, `milestone.accept`).
        action: e.entity_type === 'deal' ? e.action : `${e.entity_type}.${e.action}`,
        from: e.from_state,
        to: e.to_state,
        reason: e.reason,
        declineReason: payload.declineReason ?? null,
        termsVersion: payload.termsVersion ?? null,
        by: nameOf(e.name, e.organisation_id),
        side: sideOf(e.organisation_id, e.actor_id !== null),
        at: e.at.toISOString(),
        sort: e.at.getTime(),
      };
    }),
    ...messages.map((m) => ({
      type: 'message' as const,
      body: m.body,
      files: filesOf(m.id),
      by: nameOf(m.name, m.organisation_id),
      side: sideOf(m.organisation_id, true),
      at: m.created_at.toISOString(),
      sort: m.created_at.getTime(),
    })),
  ];
  // A stable order for entries of the same millisecond: events before the messages that follow them.
  return entries.sort((a, b) => a.sort - b.sort || (a.type === b.type ? 0 : a.type === 'event' ? -1 : 1)).map(({ sort: _sort, ...entry }) => entry);
}
