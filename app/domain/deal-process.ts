// A deal as one process table: an expression of interest in a listing (inquiry), the owner's
// answer within a deadline counted in Vietnamese working days, negotiation of versioned term
// sheets under a click-through NDA, and its ends. Sides are relative to the deal: the owner of
// the listing answers the inquiry; the buyer and the seller negotiate; whoever did not make the
// latest proposal accepts it; a curator acts as operator; the system keeps the deadlines.
import { isDealParty, mayCurate } from './access.js';
import type { Actor } from './actor.js';
import { DECLINE_REASONS } from './deal-terms.js';
import type { FieldProblems, Problem } from './problem.js';
import type { Process, Transition } from './process.js';
import { addWorkingDays, atVietnamHour, workingDaysBefore } from './working-days.js';

export const DEAL_STAGES = ['opening', 'introduced', 'inquiry', 'negotiating', 'agreed', 'declined', 'withdrawn', 'expired', 'terminated', 'resolved'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
export const OPEN_STAGES: readonly DealStage[] = ['introduced', 'inquiry', 'negotiating'];

export type DealSide = 'owner' | 'interested' | 'unconsented' | 'buyer' | 'seller' | 'nda_counterparty' | 'terms_counterparty' | 'other' | 'curator' | 'system';
export type Party = 'buyer' | 'seller';

/** What the rules of a deal look at. */
export interface DealFacts {
  stage: DealStage;
  buyerOrganisationId: string;
  sellerOrganisationId: string;
  /** The party that owns the listing the interest was expressed in: it answers the inquiry. */
  owner: Party;
  /** Who proposed the NDA, and whether both accepted it. */
  ndaProposedBy: Party | null;
  ndaInForce: boolean;
  /** An introduction: which sides have consented to open the deal. */
  consented: readonly Party[];
  /** The latest term sheet: its version, who proposed it, until when it stands. */
  latestTerms: { version: number; proposedBy: Party; validUntil: Date | string } | null;
  now: Date;
}

export interface DealTransitionInput {
  reason?: string | null;
  declineReason?: string | null;
  /** The version of the terms the person accepts. */
  termsVersion?: number | null;
}

/** The owner answers within 10 working days; the reminder goes 3 working days before. */
export const ANSWER_WORKING_DAYS = 10;
export const ANSWER_REMINDER_WORKING_DAYS = 3;
/** Reminders go out at this hour, Viet Nam's time. */
export const REMINDER_HOUR = 8;
export const REASON_MAX = 2000;

const answerDeadline = (entered: Date) => addWorkingDays(entered, ANSWER_WORKING_DAYS);

const reasonRequired = (input: DealTransitionInput): FieldProblems | null => {
  const reason = (input.reason ?? '').trim();
  if (!reason) return { reason: [{ code: 'required' }] };
  return reason.length > REASON_MAX ? { reason: [{ code: 'too_long', params: { max: REASON_MAX } }] } : null;
};

const declineCheck = (input: DealTransitionInput): FieldProblems | null => {
  const problems: FieldProblems = {};
  if (!DECLINE_REASONS.includes(input.declineReason as (typeof DECLINE_REASONS)[number])) problems.declineReason = [{ code: 'choose_one' }];
  if ((input.reason ?? '').trim().length > REASON_MAX) problems.reason = [{ code: 'too_long', params: { max: REASON_MAX } }];
  return Object.keys(problems).length ? problems : null;
};

/** Only the latest proposal, still standing, may be accepted. */
const termsStale = (input: DealTransitionInput, d: DealFacts): Problem | null => {
  if (!d.latestTerms) return { code: 'no_terms_yet' };
  if (input.termsVersion !== d.latestTerms.version) return { code: 'terms_superseded', params: { version: d.latestTerms.version } };
  return new Date(d.latestTerms.validUntil).getTime() < d.now.getTime() ? { code: 'terms_expired' } : null;
};

const closed = (_d: DealFacts, at: Date) => ({ closedAt: at });

type T = Transition<DealStage, DealSide, DealFacts, DealTransitionInput, string>;

const table = {
  /** A curator introduces a demand to an offer (or to an organisation); both sides must consent. */
  introduce: {
    from: ['opening'],
    to: 'introduced',
    by: ['curator'],
    timers: [{ take: 'lapse', dueFrom: answerDeadline }],
    notifies: [
      { to: 'buyer', kind: 'deal_introduced' },
      { to: 'seller', kind: 'deal_introduced' },
    ],
    sets: (_d, at) => ({ answerDueAt: answerDeadline(at) }),
  },
  /** The first side consents; the introduction waits for the other. */
  consent: { from: ['introduced'], by: ['unconsented'], when: (d) => d.consented.length === 0, notifies: [{ to: 'other', kind: 'deal_consented' }] },
  /** The second side consents: the deal opens, straight into negotiation. */
  open_introduction: {
    from: ['introduced'],
    to: 'negotiating',
    by: ['unconsented'],
    when: (d) => d.consented.length === 1,
    notifies: [{ to: 'other', kind: 'deal_accepted' }],
    sets: (_d, at) => ({ answeredAt: at, acceptedAt: at }),
  },
  decline_introduction: { from: ['introduced'], to: 'declined', by: ['buyer', 'seller'], notifies: [{ to: 'other', kind: 'deal_declined' }, { to: 'curator', kind: 'deal_declined' }], sets: closed },
  /** Nobody (or only one side) consented within 10 working days. */
  lapse: { from: ['introduced'], to: 'expired', by: ['system'], notifies: [{ to: 'curator', kind: 'deal_expired' }], sets: closed },
  /** Interest in a listing: the row is written at `opening` and this transition opens it, in one transaction. */
  express_interest: {
    from: ['opening'],
    to: 'inquiry',
    by: ['interested'],
    timers: [
      { take: 'expire', dueFrom: answerDeadline },
      // At 8 in the morning in Viet Nam, three working days before the deadline's last day.
      { take: 'remind_answer', dueFrom: (entered: Date) => atVietnamHour(workingDaysBefore(answerDeadline(entered), ANSWER_REMINDER_WORKING_DAYS), REMINDER_HOUR) },
    ],
    notifies: [{ to: 'owner', kind: 'deal_interest' }],
    sets: (_d, at) => ({ answerDueAt: answerDeadline(at) }),
  },
  /** An offer's express licence bought at its fixed price: no inquiry, no negotiation; a standard contract at once. */
  buy_express_licence: {
    from: ['opening'],
    to: 'agreed',
    by: ['interested'],
    sets: (_d, at) => ({ acceptedAt: at, agreedAt: at }),
    notifies: [
      { to: 'owner', kind: 'deal_express_bought' },
      { to: 'curator', kind: 'deal_agreed' },
    ],
  },
  accept: {
    from: ['inquiry'],
    to: 'negotiating',
    by: ['owner'],
    notifies: [{ to: 'other', kind: 'deal_accepted' }],
    sets: (_d, at) => ({ answeredAt: at, acceptedAt: at }),
  },
  decline: {
    from: ['inquiry'],
    to: 'declined',
    by: ['owner'],
    check: declineCheck,
    notifies: [{ to: 'other', kind: 'deal_declined' }],
    sets: (_d, at) => ({ answeredAt: at, closedAt: at }),
  },
  remind_answer: { from: ['inquiry'], by: ['system'], notifies: [{ to: 'owner', kind: 'deal_answer_due' }] },
  expire: {
    from: ['inquiry'],
    to: 'expired',
    by: ['system'],
    notifies: [
      { to: 'buyer', kind: 'deal_expired' },
      { to: 'seller', kind: 'deal_expired' },
      { to: 'curator', kind: 'deal_expired' },
    ],
    sets: closed,
  },
  propose_nda: {
    from: ['negotiating'],
    by: ['buyer', 'seller'],
    when: (d) => !d.ndaInForce && d.ndaProposedBy === null,
    notifies: [{ to: 'other', kind: 'deal_nda_proposed' }],
  },
  accept_nda: {
    from: ['negotiating'],
    by: ['nda_counterparty'],
    when: (d) => !d.ndaInForce && d.ndaProposedBy !== null,
    notifies: [{ to: 'other', kind: 'deal_nda_accepted' }],
  },
  propose_terms: {
    from: ['negotiating'],
    by: ['buyer', 'seller'],
    notifies: [{ to: 'other', kind: 'deal_terms_proposed' }],
  },
  accept_terms: {
    from: ['negotiating'],
    to: 'agreed',
    by: ['terms_counterparty'],
    when: (d) => d.latestTerms !== null,
    stale: termsStale,
    sets: (_d, at) => ({ agreedAt: at }),
    notifies: [
      { to: 'other', kind: 'deal_agreed' },
      { to: 'curator', kind: 'deal_agreed' },
    ],
  },
  withdraw: {
    from: ['inquiry', 'negotiating'],
    to: 'withdrawn',
    by: ['buyer', 'seller'],
    check: reasonRequired,
    notifies: [{ to: 'other', kind: 'deal_withdrawn' }],
    sets: closed,
  },
  terminate: {
    from: ['introduced', 'inquiry', 'negotiating'],
    to: 'terminated',
    by: ['curator'],
    check: reasonRequired,
    notifies: [
      { to: 'buyer', kind: 'deal_terminated' },
      { to: 'seller', kind: 'deal_terminated' },
    ],
    sets: closed,
  },
  /** The curator, as operator, marks an open deal settled (the parties agreed it outside the market, or a dispute ended). */
  resolve: {
    from: ['introduced', 'inquiry', 'negotiating'],
    to: 'resolved',
    by: ['curator'],
    check: (input) => ((input.reason ?? '').trim().length > REASON_MAX ? { reason: [{ code: 'too_long', params: { max: REASON_MAX } }] } : null),
    notifies: [
      { to: 'buyer', kind: 'deal_resolved' },
      { to: 'seller', kind: 'deal_resolved' },
    ],
    sets: closed,
  },
} as const satisfies Record<string, T>;

export type DealTransitionName = keyof typeof table;

/** The party an actor of one of the two organisations is (both, if a deal were within one organisation: refused at interest). */
export function partiesOf(actor: Actor | null, d: Pick<DealFacts, 'buyerOrganisationId' | 'sellerOrganisationId'>): Party[] {
  if (!actor) return [];
  return [
    ...(actor.organisationId === d.buyerOrganisationId ? (['buyer'] as const) : []),
    ...(actor.organisationId === d.sellerOrganisationId ? (['seller'] as const) : []),
  ];
}

const otherParty = (p: Party): Party => (p === 'buyer' ? 'seller' : 'buyer');

export const DEAL_PROCESS: Process<DealStage, DealSide, DealFacts, DealTransitionInput, DealTransitionName> = {
  entity: 'deal',
  transitions: table as Record<DealTransitionName, Transition<DealStage, DealSide, DealFacts, DealTransitionInput, DealTransitionName>>,
  stateOf: (d) => d.stage,
  sidesOf(actor, d) {
    if (actor === null) return ['system'];
    const sides: DealSide[] = [];
    for (const party of partiesOf(actor, d)) {
      sides.push(party);
      sides.push(party === d.owner ? 'owner' : 'interested');
      if (!d.consented.includes(party)) sides.push('unconsented');
      if (d.ndaProposedBy && party === otherParty(d.ndaProposedBy)) sides.push('nda_counterparty');
      if (d.latestTerms && party === otherParty(d.latestTerms.proposedBy)) sides.push('terms_counterparty');
    }
    if (mayCurate(actor)) sides.push('curator');
    return sides;
  },
  visibleTo: (actor, d) => actor === null || isDealParty(actor, d) || mayCurate(actor),
  wrongState: 'deal_wrong_stage',
  forbidden: {
    owner: 'forbidden_answerer',
    buyer: 'forbidden_party',
    nda_counterparty: 'forbidden_party',
    terms_counterparty: 'forbidden_party',
    curator: 'forbidden_curator',
  },
};

/** The other party of the one that acted: whom a proposal or an answer is for. */
export function counterpartOf(acting: readonly string[]): Party | null {
  if (acting.includes('buyer')) return 'seller';
  if (acting.includes('seller')) return 'buyer';
  return null;
}
