// The deal table, cell by cell: every transition from every stage by every side, over the
// states of the NDA and of the latest proposal. Each cell's expected answer is derived from the
// table's columns and the sides worked out here by hand; the cells that matter are written out.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { DEAL_PROCESS, DEAL_STAGES, type DealFacts, type DealSide, type DealTransitionName, type Party } from '../../app/domain/deal-process.js';
import { availableTransitions, decide, timersFrom } from '../../app/domain/process.js';

const person = (organisationId: string, organisationType: Actor['organisationType'] = 'enterprise'): Actor => ({
  userId: organisationId, name: 'n', email: 'e', organisationId, organisationType, role: 'member', platformAdmin: false,
});
const BUYER = person('sme');
const SELLER = person('uni', 'university');
const CURATOR = person('agency', 'agency');
const STRANGER = person('other');
const now = new Date('2026-12-01T03:00:00Z');

const facts = (more: Partial<DealFacts> = {}): DealFacts => ({
  stage: 'inquiry',
  buyerOrganisationId: 'sme',
  sellerOrganisationId: 'uni',
  owner: 'seller',
  ndaProposedBy: null,
  ndaInForce: false,
  consented: [],
  latestTerms: null,
  now,
  ...more,
});
const NAMES = Object.keys(DEAL_PROCESS.transitions) as DealTransitionName[];
const other = (p: Party): Party => (p === 'buyer' ? 'seller' : 'buyer');

/** The sides of a party, worked out from the deal's facts by hand. */
function sidesByHand(party: Party, d: DealFacts): DealSide[] {
  return [
    party,
    party === d.owner ? 'owner' : 'interested',
    ...(d.ndaProposedBy === other(party) ? (['nda_counterparty'] as const) : []),
    ...(d.latestTerms?.proposedBy === other(party) ? (['terms_counterparty'] as const) : []),
    ...(d.consented.includes(party) ? [] : (['unconsented'] as const)),
  ];
}

const VARIANTS: Partial<DealFacts>[] = [
  {},
  { owner: 'buyer' },
  { ndaProposedBy: 'buyer' },
  { ndaProposedBy: 'seller', ndaInForce: true },
  { latestTerms: { version: 2, proposedBy: 'seller', validUntil: '2026-12-20T00:00:00Z' } },
  { latestTerms: { version: 1, proposedBy: 'buyer', validUntil: '2026-12-20T00:00:00Z' } },
  { consented: ['buyer'] },
];

describe('the deal process, every transition × stage × side', () => {
  for (const name of NAMES) {
    const t = DEAL_PROCESS.transitions[name];
    const when = t.when;
    for (const stage of DEAL_STAGES) {
      for (const [v, variant] of VARIANTS.entries()) {
        const d = facts({ ...variant, stage });
        const cases: [string, Actor | null, DealSide[]][] = [
          ['buyer', BUYER, sidesByHand('buyer', d)],
          ['seller', SELLER, sidesByHand('seller', d)],
          ['curator', CURATOR, ['curator']],
          ['system', null, ['system']],
        ];
        for (const [who, actor, sides] of cases) {
          const may = t.by.some((side) => sides.includes(side));
          const inStage = t.from.includes(stage) && (!when || when(d));
          const expected = !may ? 'forbidden' : !inStage ? 'wrong_state' : 'ok';
          it(`${name} at ${stage} (variant ${v}) by ${who}: ${expected}`, () => {
            const answer = decide(DEAL_PROCESS, d, actor, name);
            expect(answer.ok ? 'ok' : answer.kind).toBe(expected);
          });
        }
        it(`${name} at ${stage} (variant ${v}) by another organisation: hidden`, () => {
          expect(decide(DEAL_PROCESS, d, STRANGER, name)).toMatchObject({ ok: false, kind: 'hidden' });
        });
      }
    }
  }
});

describe('the cells that matter, by hand', () => {
  it('lets only the listing’s owner answer an inquiry, within its stage', () => {
    expect(availableTransitions(DEAL_PROCESS, facts(), SELLER)).toEqual(['accept', 'decline', 'withdraw']);
    expect(availableTransitions(DEAL_PROCESS, facts(), BUYER)).toEqual(['withdraw']);
    expect(availableTransitions(DEAL_PROCESS, facts({ owner: 'buyer' }), BUYER)).toEqual(['accept', 'decline', 'withdraw']);
    expect(decide(DEAL_PROCESS, facts(), BUYER, 'accept')).toMatchObject({ kind: 'forbidden', problem: { code: 'forbidden_answerer' } });
    expect(availableTransitions(DEAL_PROCESS, facts(), CURATOR)).toEqual(['terminate', 'resolve']);
    expect(availableTransitions(DEAL_PROCESS, facts(), null)).toEqual(['remind_answer', 'expire']);
  });

  it('has the other side accept the NDA and the latest terms, never the proposer', () => {
    const negotiating = facts({ stage: 'negotiating', ndaProposedBy: 'seller', latestTerms: { version: 3, proposedBy: 'buyer', validUntil: '2026-12-20T00:00:00Z' } });
    expect(availableTransitions(DEAL_PROCESS, negotiating, BUYER)).toEqual(['accept_nda', 'propose_terms', 'withdraw']);
    expect(availableTransitions(DEAL_PROCESS, negotiating, SELLER)).toEqual(['propose_terms', 'accept_terms', 'withdraw']);
  });

  it('refuses a superseded or expired proposal with a 409 that says which version stands', () => {
    const d = facts({ stage: 'negotiating', latestTerms: { version: 3, proposedBy: 'buyer', validUntil: '2026-12-20T00:00:00Z' } });
    expect(decide(DEAL_PROCESS, d, SELLER, 'accept_terms', { termsVersion: 2 })).toMatchObject({ kind: 'wrong_state', problem: { code: 'terms_superseded', params: { version: 3 } } });
    expect(decide(DEAL_PROCESS, d, SELLER, 'accept_terms', { termsVersion: 3 })).toMatchObject({ ok: true, to: 'agreed' });
    const lapsed = { ...d, latestTerms: { ...d.latestTerms!, validUntil: '2026-11-30T00:00:00Z' } };
    expect(decide(DEAL_PROCESS, lapsed, SELLER, 'accept_terms', { termsVersion: 3 })).toMatchObject({ kind: 'wrong_state', problem: { code: 'terms_expired' } });
  });

  it('asks a coded reason to decline, and a reason to withdraw or terminate', () => {
    expect(decide(DEAL_PROCESS, facts(), SELLER, 'decline', { declineReason: 'because' })).toMatchObject({ kind: 'invalid', fieldErrors: { declineReason: [{ code: 'choose_one' }] } });
    expect(decide(DEAL_PROCESS, facts(), SELLER, 'decline', { declineReason: 'trl_too_low' })).toMatchObject({ ok: true, to: 'declined' });
    expect(decide(DEAL_PROCESS, facts(), BUYER, 'withdraw', { reason: ' ' })).toMatchObject({ kind: 'invalid', fieldErrors: { reason: [{ code: 'required' }] } });
    expect(decide(DEAL_PROCESS, facts(), CURATOR, 'terminate', { reason: 'Trùng lặp' })).toMatchObject({ ok: true, to: 'terminated' });
    // Marking a deal resolved needs no reason; an agreed deal is no longer the operator's to close.
    expect(decide(DEAL_PROCESS, facts({ stage: 'negotiating' }), CURATOR, 'resolve', {})).toMatchObject({ ok: true, to: 'resolved' });
    expect(decide(DEAL_PROCESS, facts({ stage: 'agreed' }), CURATOR, 'resolve', {})).toMatchObject({ kind: 'wrong_state' });
    expect(decide(DEAL_PROCESS, facts(), SELLER, 'resolve', {})).toMatchObject({ kind: 'forbidden', problem: { code: 'forbidden_curator' } });
  });

  it('opens an introduction when both sides consent, whichever goes first', () => {
    const introduced = facts({ stage: 'introduced' });
    expect(availableTransitions(DEAL_PROCESS, introduced, BUYER)).toEqual(['consent', 'decline_introduction']);
    const half = facts({ stage: 'introduced', consented: ['buyer'] });
    expect(availableTransitions(DEAL_PROCESS, half, BUYER)).toEqual(['decline_introduction']);
    expect(availableTransitions(DEAL_PROCESS, half, SELLER)).toEqual(['open_introduction', 'decline_introduction']);
    expect(decide(DEAL_PROCESS, half, SELLER, 'open_introduction')).toMatchObject({ ok: true, to: 'negotiating' });
    expect(availableTransitions(DEAL_PROCESS, introduced, CURATOR)).toEqual(['terminate', 'resolve']);
    expect(availableTransitions(DEAL_PROCESS, introduced, null)).toEqual(['lapse']);
    expect(decide(DEAL_PROCESS, facts({ stage: 'opening' }), CURATOR, 'introduce')).toMatchObject({ ok: true, to: 'introduced' });
  });

  it('opens with interest from the side that does not own the listing', () => {
    expect(decide(DEAL_PROCESS, facts({ stage: 'opening' }), BUYER, 'express_interest')).toMatchObject({ ok: true, to: 'inquiry' });
    expect(decide(DEAL_PROCESS, facts({ stage: 'opening' }), SELLER, 'express_interest')).toMatchObject({ kind: 'forbidden' });
  });
});

describe('the answer deadline’s timers', () => {
  it('expire an interest at the end of its 10th working day, and remind its owner at 8:00 three working days before', () => {
    // Interest on Monday 2 March 2026, 10:00 in Viet Nam: the deadline is the end of Monday 16 March.
    const timers = timersFrom(DEAL_PROCESS.transitions.express_interest.timers, new Date('2026-03-02T03:00:00Z'));
    expect(timers).toEqual([
      { take: 'expire', dueAt: new Date('2026-03-16T16:59:59.999Z') },
      // Thursday 11 March, 08:00 in Viet Nam.
      { take: 'remind_answer', dueAt: new Date('2026-03-11T01:00:00Z') },
    ]);
  });
});
