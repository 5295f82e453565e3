// The listing process table, cell by cell: every transition from every state by every side.
// The expected answer of each cell is derived from the table's own columns (from, by, when); the
// cells that matter most are also written out by hand below, so a wrong table cannot pass alone.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { LISTING_PROCESS, type ListingFacts, type ListingTransitionName } from '../../app/domain/listing-process.js';
import { availableTransitions, decide, restartsTimers } from '../../app/domain/process.js';
import { LISTING_STATUSES, type ListingStatus } from '../../app/domain/taxonomy.js';

const person = (organisationId: string, organisationType: Actor['organisationType'] = 'university'): Actor => ({
  userId: 'u', name: 'n', email: 'e', organisationId, organisationType, role: 'member', platformAdmin: false,
});
const owner = person('org-a');
const stranger = person('org-b', 'enterprise');
const curator = person('agency', 'agency');
const SIDES = { owner, curator, system: null } as const;

const facts = (status: ListingStatus, more: Partial<ListingFacts> = {}): ListingFacts => ({
  organisationId: 'org-a',
  status,
  submittedAt: status === 'draft' ? null : '2026-11-01T00:00:00Z',
  publishedAt: null,
  hasPendingRevision: false,
  ...more,
});
const NAMES = Object.keys(LISTING_PROCESS.transitions) as ListingTransitionName[];

describe('the listing process, every transition × state × side', () => {
  for (const name of NAMES) {
    const t = LISTING_PROCESS.transitions[name];
    for (const status of LISTING_STATUSES) {
      for (const revision of [false, true]) {
        for (const [side, actor] of Object.entries(SIDES) as [keyof typeof SIDES, Actor | null][]) {
          const entity = facts(status, { hasPendingRevision: revision, submittedAt: '2026-11-01T00:00:00Z' });
          const may = t.by.includes(side);
          const inState = t.from.includes(status) && (!t.when || t.when(entity));
          const expected = !may ? 'forbidden' : !inState ? 'wrong_state' : 'ok';
          it(`${name} from ${status}${revision ? ' (revision waiting)' : ''} by ${side}: ${expected}`, () => {
            const d = decide(LISTING_PROCESS, entity, actor, name);
            expect(d.ok ? 'ok' : d.kind).toBe(expected);
          });
        }
      }
      it(`${name} from ${status} by a stranger: ${status === 'published' ? 'forbidden' : 'hidden'}`, () => {
        const d = decide(LISTING_PROCESS, facts(status, { submittedAt: '2026-11-01T00:00:00Z' }), stranger, name);
        expect(d.ok ? 'ok' : d.kind).toBe(status === 'published' ? 'forbidden' : 'hidden');
      });
    }
  }
});

describe('the cells that matter, by hand', () => {
  it('offers each side only its own moves', () => {
    expect(availableTransitions(LISTING_PROCESS, facts('draft'), owner)).toEqual(['edit', 'submit', 'archive', 'bulk_import']);
    expect(availableTransitions(LISTING_PROCESS, facts('pending_review'), owner)).toEqual([]);
    expect(availableTransitions(LISTING_PROCESS, facts('pending_review'), curator)).toEqual(['approve', 'request_changes', 'reject']);
    expect(availableTransitions(LISTING_PROCESS, facts('published'), owner)).toEqual(['revise', 'archive', 'renew']);
    expect(availableTransitions(LISTING_PROCESS, facts('published'), curator)).toEqual([]);
    expect(availableTransitions(LISTING_PROCESS, facts('published', { hasPendingRevision: true }), curator)).toEqual(['approve_revision', 'decline_revision']);
    expect(availableTransitions(LISTING_PROCESS, facts('published'), stranger)).toEqual([]);
    expect(availableTransitions(LISTING_PROCESS, facts('rejected'), owner)).toEqual(['edit', 'submit', 'archive']);
    expect(availableTransitions(LISTING_PROCESS, facts('archived'), owner)).toEqual(['restore']);
    expect(availableTransitions(LISTING_PROCESS, facts('archived'), curator)).toEqual([]);
    expect(availableTransitions(LISTING_PROCESS, facts('published'), null)).toEqual(['remind_expiry', 'expire']);
  });

  it('keeps a published listing published while its revision waits', () => {
    const d = decide(LISTING_PROCESS, facts('published'), owner, 'revise');
    expect(d).toMatchObject({ ok: true, from: 'published', to: 'published' });
    expect(decide(LISTING_PROCESS, facts('published', { hasPendingRevision: true }), curator, 'approve_revision')).toMatchObject({ ok: true, to: 'published' });
  });

  it('hides a draft never submitted from curators, and shows it once submitted', () => {
    expect(decide(LISTING_PROCESS, facts('draft'), curator, 'approve')).toMatchObject({ ok: false, kind: 'hidden' });
    expect(decide(LISTING_PROCESS, facts('changes_requested'), curator, 'approve')).toMatchObject({ ok: false, kind: 'wrong_state', problem: { code: 'already_decided' } });
  });

  it('says why not: the side needed, the state it is in, the field to fix', () => {
    expect(decide(LISTING_PROCESS, facts('pending_review'), owner, 'approve')).toMatchObject({ kind: 'forbidden', problem: { code: 'forbidden_curator' } });
    expect(decide(LISTING_PROCESS, facts('published'), stranger, 'archive')).toMatchObject({ kind: 'forbidden', problem: { code: 'forbidden_owner' } });
    expect(decide(LISTING_PROCESS, facts('pending_review'), owner, 'submit')).toMatchObject({ kind: 'wrong_state', problem: { code: 'wrong_state', params: { status: 'pending_review' } } });
    expect(decide(LISTING_PROCESS, facts('pending_review'), curator, 'reject', { reason: '  ' })).toMatchObject({ kind: 'invalid', fieldErrors: { reason: [{ code: 'reason_required' }] } });
    expect(decide(LISTING_PROCESS, facts('pending_review'), curator, 'reject', { reason: 'x'.repeat(2001) })).toMatchObject({ kind: 'invalid', fieldErrors: { reason: [{ code: 'too_long', params: { max: 2000 } }] } });
    expect(decide(LISTING_PROCESS, facts('pending_review'), curator, 'reject', { reason: 'Trùng lặp' })).toMatchObject({ ok: true, to: 'rejected' });
    expect(decide(LISTING_PROCESS, facts('pending_review'), curator, 'make_coffee')).toMatchObject({ kind: 'invalid', problem: { code: 'unknown_intent' } });
  });

  it('times publication: expiry after 365 days, the reminder 14 days before, restarted by a renewal only', () => {
    expect(LISTING_PROCESS.transitions.approve.timers).toEqual([{ take: 'expire', afterDays: 365 }, { take: 'remind_expiry', afterDays: 351 }]);
    expect(restartsTimers(LISTING_PROCESS.transitions.renew, 'published')).toBe(true);
    expect(restartsTimers(LISTING_PROCESS.transitions.remind_expiry, 'published')).toBe(false);
    expect(restartsTimers(LISTING_PROCESS.transitions.revise, 'published')).toBe(false);
    expect(restartsTimers(LISTING_PROCESS.transitions.archive, 'published')).toBe(true);
  });

  it('publishes by import and seed without review, and by the system only for the seed', () => {
    expect(decide(LISTING_PROCESS, facts('draft'), null, 'seed')).toMatchObject({ ok: true, to: 'published' });
    expect(decide(LISTING_PROCESS, facts('draft', { submittedAt: '2026-11-01' }), curator, 'import')).toMatchObject({ ok: true, to: 'published' });
    expect(decide(LISTING_PROCESS, facts('draft'), owner, 'import')).toMatchObject({ kind: 'forbidden' });
  });

  it('lets a bulk import rewrite a draft, as its owner or as the system (a curator\'s import), never a listing out of draft', () => {
    expect(decide(LISTING_PROCESS, facts('draft'), owner, 'bulk_import')).toMatchObject({ ok: true, to: 'draft' });
    expect(decide(LISTING_PROCESS, facts('changes_requested'), null, 'bulk_import')).toMatchObject({ ok: true, to: 'changes_requested' });
    expect(decide(LISTING_PROCESS, facts('draft', { submittedAt: '2026-11-01' }), curator, 'bulk_import')).toMatchObject({ kind: 'forbidden' });
    expect(decide(LISTING_PROCESS, facts('pending_review'), owner, 'bulk_import')).toMatchObject({ kind: 'wrong_state' });
    expect(decide(LISTING_PROCESS, facts('published'), null, 'bulk_import')).toMatchObject({ kind: 'wrong_state' });
  });

  it('restores an archived listing as a draft, and sends a rejected one back through review', () => {
    expect(decide(LISTING_PROCESS, facts('archived'), owner, 'restore')).toMatchObject({ ok: true, from: 'archived', to: 'draft' });
    expect(decide(LISTING_PROCESS, facts('published'), owner, 'restore')).toMatchObject({ kind: 'wrong_state' });
    expect(decide(LISTING_PROCESS, facts('rejected'), owner, 'edit')).toMatchObject({ ok: true, to: 'rejected' });
    expect(decide(LISTING_PROCESS, facts('rejected'), owner, 'submit', {})).toMatchObject({ ok: true, to: 'pending_review' });
  });

  it('refuses review, import and seed of an incomplete listing, naming the fields', () => {
    const incomplete = { submissionProblems: { trl: [{ code: 'trl_range' as const }] } };
    expect(decide(LISTING_PROCESS, facts('draft', incomplete), owner, 'submit', {})).toMatchObject({
      kind: 'invalid',
      problem: { code: 'incomplete_for_review' },
      fieldErrors: { trl: [{ code: 'trl_range' }] },
    });
    expect(decide(LISTING_PROCESS, facts('draft', incomplete), null, 'seed', {})).toMatchObject({ kind: 'invalid' });
    expect(decide(LISTING_PROCESS, facts('draft', { ...incomplete, submittedAt: '2026-11-01' }), curator, 'import', {})).toMatchObject({ kind: 'invalid' });
    // The button still shows: pressing it says what is missing.
    expect(availableTransitions(LISTING_PROCESS, facts('draft', incomplete), owner)).toContain('submit');
  });
});
