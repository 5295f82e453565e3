// The contract and milestone tables, cell by cell: every transition from every stage by every
// kind of person (a member and a signer of each party, a curator, a stranger, the system), over
// the states of the signatures. Each cell's expected answer is derived from the table's columns
// and the sides worked out here by hand; the cells that matter are written out below.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { CONTRACT_PROCESS, CONTRACT_STAGES, signingTransition, type ContractFacts, type ContractSide, type ContractTransitionName } from '../../app/domain/contract-process.js';
import type { Party } from '../../app/domain/deal-process.js';
import { AUTO_ACCEPT_DAYS, MILESTONE_PROCESS, MILESTONE_STAGES, isOverdue, paymentTimers, type MilestoneFacts, type MilestoneTransitionName } from '../../app/domain/milestone-process.js';
import { decide, timersFrom } from '../../app/domain/process.js';

const person = (organisationId: string, role: Actor['role'] = 'member', maySign = false, organisationType: Actor['organisationType'] = 'enterprise'): Actor => ({
  userId: `${organisationId}-${role}-${maySign}`, name: 'n', email: 'e', organisationId, organisationType, role, platformAdmin: false, maySign,
});
const PEOPLE = {
  buyerMember: person('sme'),
  buyerSigner: person('sme', 'member', true),
  buyerAdmin: person('sme', 'admin'),
  sellerMember: person('uni', 'member', false, 'university'),
  sellerAdmin: person('uni', 'admin', false, 'university'),
  curator: person('agency', 'member', false, 'agency'),
  stranger: person('other'),
  system: null,
} as const;
type Who = keyof typeof PEOPLE;
const PARTY: Partial<Record<Who, Party>> = { buyerMember: 'buyer', buyerSigner: 'buyer', buyerAdmin: 'buyer', sellerMember: 'seller', sellerAdmin: 'seller' };
const SIGNS: Who[] = ['buyerSigner', 'buyerAdmin', 'sellerAdmin'];
const other = (p: Party): Party => (p === 'buyer' ? 'seller' : 'buyer');
const SHA = 'a'.repeat(64);

const contract = (more: Partial<ContractFacts> = {}): ContractFacts => ({
  stage: 'draft', buyerOrganisationId: 'sme', sellerOrganisationId: 'uni', contentVersion: 3, contentSha256: SHA, signedBy: [], paperUploadedBy: null, openMilestones: 2, performing: false, gaps: [], ...more,
});

function contractSidesByHand(who: Who, c: ContractFacts): ContractSide[] {
  if (who === 'system') return ['system'];
  if (who === 'curator') return ['curator'];
  const party = PARTY[who];
  if (!party) return [];
  if (!SIGNS.includes(who)) return [party];
  return [
    party,
    'signer',
    c.signedBy.includes(party) ? ('signed_signer' as const) : c.signedBy.includes(other(party)) ? ('countersigner' as const) : ('unsigned_signer' as const),
    ...(c.paperUploadedBy === other(party) ? (['paper_confirmer'] as const) : []),
  ];
}

const CONTRACT_VARIANTS: Partial<ContractFacts>[] = [{}, { signedBy: ['seller'] }, { signedBy: ['buyer', 'seller'] }, { paperUploadedBy: 'buyer' }, { performing: true, openMilestones: 1 }, { openMilestones: 0 }];

describe('the contract process, every transition × stage × person', () => {
  for (const name of Object.keys(CONTRACT_PROCESS.transitions) as ContractTransitionName[]) {
    const t = CONTRACT_PROCESS.transitions[name];
    for (const stage of CONTRACT_STAGES) {
      for (const [v, variant] of CONTRACT_VARIANTS.entries()) {
        const c = contract({ ...variant, stage });
        for (const who of Object.keys(PEOPLE) as Who[]) {
          it(`${name} at ${stage} (variant ${v}) by ${who}`, () => {
            const decision = decide(CONTRACT_PROCESS, c, PEOPLE[who], name);
            const visible = who !== 'stranger';
            const sides = contractSidesByHand(who, c);
            const holds = sides.some((s) => (t.by as readonly string[]).includes(s));
            // A side that took the step already hears so (409), not that it may not (403).
            const done = 'done' in t && t.done !== undefined && sides.includes(t.done.by);
            const expected = !visible ? 'hidden' : !holds ? (done ? 'wrong_state' : 'forbidden') : !(t.from as readonly string[]).includes(stage) || (t.when && !t.when(c)) ? 'wrong_state' : 'ok';
            expect(decision.ok ? 'ok' : decision.kind).toBe(expected);
          });
        }
      }
    }
  }
});

describe('contract cells that matter', () => {
  it('a side that signed already is told so (409 already_signed), a member without authority that it may not (403)', () => {
    const signed = contract({ signedBy: ['seller'] });
    expect(decide(CONTRACT_PROCESS, signed, PEOPLE.sellerAdmin, 'countersign')).toMatchObject({ ok: false, kind: 'wrong_state', problem: { code: 'already_signed' } });
    expect(decide(CONTRACT_PROCESS, signed, PEOPLE.sellerAdmin, 'sign')).toMatchObject({ ok: false, kind: 'wrong_state', problem: { code: 'already_signed' } });
    expect(decide(CONTRACT_PROCESS, signed, PEOPLE.buyerMember, 'countersign')).toMatchObject({ ok: false, kind: 'forbidden', problem: { code: 'forbidden_signer' } });
    expect(decide(CONTRACT_PROCESS, signed, PEOPLE.buyerAdmin, 'countersign')).toMatchObject({ ok: true });
  });

  it('the first signer signs, the second countersigns, and a stale hash or a blank is refused', () => {
    expect(signingTransition(contract())).toBe('sign');
    expect(signingTransition(contract({ signedBy: ['seller'] }))).toBe('countersign');
    const stale = decide(CONTRACT_PROCESS, contract(), PEOPLE.sellerAdmin, 'sign', { typedName: 'A B', contentSha256: 'b'.repeat(64) });
    expect(stale).toMatchObject({ ok: false, kind: 'wrong_state', problem: { code: 'contract_changed', params: { version: 3 } } });
    const blank = decide(CONTRACT_PROCESS, contract({ gaps: ['seller.address'] }), PEOPLE.sellerAdmin, 'sign', { typedName: 'A B', contentSha256: SHA });
    expect(blank).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { form: [{ code: 'contract_incomplete', params: { missing: 'seller.address' } }] } });
    expect(decide(CONTRACT_PROCESS, contract(), PEOPLE.sellerAdmin, 'sign', { typedName: ' ', contentSha256: SHA })).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { typedName: [{ code: 'required' }] } });
    expect(decide(CONTRACT_PROCESS, contract(), PEOPLE.sellerMember, 'sign')).toMatchObject({ ok: false, kind: 'forbidden', problem: { code: 'forbidden_signer' } });
  });

  it('a signed contract may be revised until a milestone moves, then never', () => {
    expect(decide(CONTRACT_PROCESS, contract({ stage: 'signed' }), PEOPLE.buyerAdmin, 'revise').ok).toBe(true);
    expect(decide(CONTRACT_PROCESS, contract({ stage: 'signed', performing: true }), PEOPLE.buyerAdmin, 'revise').ok).toBe(false);
  });
});

const milestone = (more: Partial<MilestoneFacts> = {}): MilestoneFacts => ({ stage: 'due', contractStage: 'signed', buyerOrganisationId: 'sme', sellerOrganisationId: 'uni', amount: 300_000_000, ...more });

describe('the milestone process, every transition × stage × person', () => {
  for (const name of Object.keys(MILESTONE_PROCESS.transitions) as MilestoneTransitionName[]) {
    const t = MILESTONE_PROCESS.transitions[name];
    for (const stage of MILESTONE_STAGES) {
      for (const contractStage of ['draft', 'signed', 'terminated']) {
        const m = milestone({ stage, contractStage });
        for (const who of Object.keys(PEOPLE) as Who[]) {
          it(`${name} at ${stage} (contract ${contractStage}) by ${who}`, () => {
            const decision = decide(MILESTONE_PROCESS, m, PEOPLE[who], name);
            const sides = who === 'system' ? ['system'] : who === 'curator' ? ['curator'] : PARTY[who] ? [PARTY[who]!] : [];
            const expected = who === 'stranger' ? 'hidden' : !sides.some((s) => (t.by as readonly string[]).includes(s)) ? 'forbidden' : !(t.from as readonly string[]).includes(stage) || contractStage !== 'signed' ? 'wrong_state' : 'ok';
            expect(decision.ok ? 'ok' : decision.kind).toBe(expected);
          });
        }
      }
    }
  }
});

describe('milestone cells that matter', () => {
  it('a delivery starts the 14-day auto-acceptance; a delivery after changes starts it again', () => {
    const deliver = MILESTONE_PROCESS.transitions.deliver;
    const at = new Date('2026-12-01T03:00:00Z');
    expect(timersFrom(deliver.timers, at)).toEqual([{ take: 'auto_accept', dueAt: new Date(at.getTime() + AUTO_ACCEPT_DAYS * 86_400_000) }]);
    expect(AUTO_ACCEPT_DAYS).toBe(14);
    expect(decide(MILESTONE_PROCESS, milestone({ stage: 'changes_requested' }), PEOPLE.sellerMember, 'deliver', { note: 'Bản sửa' }).ok).toBe(true);
    expect(decide(MILESTONE_PROCESS, milestone({ stage: 'delivered' }), null, 'auto_accept').ok).toBe(true);
    expect(decide(MILESTONE_PROCESS, milestone({ stage: 'changes_requested' }), null, 'auto_accept').ok).toBe(false);
  });

  it('only the provider’s webhook (the system) records a card payment; a delivery and a request for changes need a note', () => {
    expect(decide(MILESTONE_PROCESS, milestone(), PEOPLE.buyerAdmin, 'record_card_payment')).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(decide(MILESTONE_PROCESS, milestone({ stage: 'paid' }), PEOPLE.sellerMember, 'deliver', { note: '' })).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { note: [{ code: 'required' }] } });
    expect(decide(MILESTONE_PROCESS, milestone({ stage: 'delivered' }), PEOPLE.buyerMember, 'request_changes', { note: '' })).toMatchObject({ ok: false, kind: 'invalid' });
  });
});

describe('a milestone’s payment date', () => {
  it('is 30 days from when it became payable, with the reminder a week before', () => {
    expect(paymentTimers(new Date('2026-12-01T03:00:00Z'))).toEqual({
      payBy: new Date('2026-12-31T03:00:00Z'),
      timers: [
        { take: 'remind_payment', dueAt: new Date('2026-12-24T03:00:00Z') },
        { take: 'flag_overdue', dueAt: new Date('2026-12-31T03:00:00Z') },
      ],
    });
  });

  it('makes a milestone overdue only while it is still to pay, from its date on', () => {
    const payBy = '2026-12-31T03:00:00.000Z';
    expect(isOverdue({ stage: 'due', payBy }, new Date('2026-12-31T02:59:59Z'))).toBe(false);
    expect(isOverdue({ stage: 'due', payBy }, new Date('2026-12-31T03:00:00Z'))).toBe(true);
    expect(isOverdue({ stage: 'transfer_reported', payBy }, new Date('2027-01-05T00:00:00Z'))).toBe(false);
    expect(isOverdue({ stage: 'paid', payBy }, new Date('2027-01-05T00:00:00Z'))).toBe(false);
    expect(isOverdue({ stage: 'due', payBy: null }, new Date('2027-01-05T00:00:00Z'))).toBe(false);
  });
});
