// The engine itself, on a toy process with two sides, a guard on the entity and one on the input:
// the order of its answers, the buttons it offers, and its timers.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { availableTransitions, decide, restartsTimers, timersFrom, type Process } from '../../app/domain/process.js';

type State = 'open' | 'answered' | 'closed';
type Side = 'asker' | 'answerer' | 'system';
interface Question { state: State; askerOrg: string; answererOrg: string; secret: boolean; replies: number }

const person = (organisationId: string): Actor => ({ userId: organisationId, name: 'n', email: 'e', organisationId, organisationType: 'enterprise', role: 'member', platformAdmin: false });

const QUESTION: Process<State, Side, Question, { text?: string }, 'answer' | 'close' | 'remind' | 'lapse'> = {
  entity: 'question',
  transitions: {
    answer: { from: ['open'], to: 'answered', by: ['answerer'], check: (i) => (i.text ? null : { text: [{ code: 'required' }] }), notifies: [{ to: 'asker', kind: 'answered' }] },
    close: { from: ['open', 'answered'], to: 'closed', by: ['asker', 'answerer'], when: (q) => q.replies > 0 },
    remind: { from: ['open'], by: ['system'] },
    lapse: { from: ['open'], to: 'closed', by: ['system'], timers: [{ take: 'remind', afterDays: 7 }] },
  },
  stateOf: (q) => q.state,
  sidesOf(actor, q) {
    if (!actor) return ['system'];
    return [...(actor.organisationId === q.askerOrg ? (['asker'] as const) : []), ...(actor.organisationId === q.answererOrg ? (['answerer'] as const) : [])];
  },
  visibleTo: (actor, q) => !q.secret || actor === null || actor.organisationId === q.askerOrg || actor.organisationId === q.answererOrg,
  forbidden: { answerer: 'forbidden_owner' },
};

const q = (more: Partial<Question> = {}): Question => ({ state: 'open', askerOrg: 'a', answererOrg: 'b', secret: true, replies: 0, ...more });

describe('decide', () => {
  it('answers in a fixed order: unknown, hidden, forbidden, wrong state, invalid input', () => {
    expect(decide(QUESTION, q(), person('z'), 'explode')).toMatchObject({ ok: false, kind: 'invalid', problem: { code: 'unknown_intent' } });
    expect(decide(QUESTION, q({ state: 'closed' }), person('z'), 'answer')).toMatchObject({ ok: false, kind: 'hidden' });
    expect(decide(QUESTION, q({ secret: false, state: 'closed' }), person('z'), 'answer')).toMatchObject({ ok: false, kind: 'forbidden', problem: { code: 'forbidden_owner' } });
    expect(decide(QUESTION, q({ state: 'closed' }), person('b'), 'answer', {})).toMatchObject({ ok: false, kind: 'wrong_state', problem: { code: 'wrong_state', params: { stage: 'closed' } } });
    expect(decide(QUESTION, q(), person('b'), 'answer', {})).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { text: [{ code: 'required' }] } });
    expect(decide(QUESTION, q(), person('b'), 'answer', { text: 'Có' })).toEqual({ ok: true, from: 'open', to: 'answered', sides: ['answerer'] });
  });

  it('skips the input guard when a page only asks which buttons to show', () => {
    expect(decide(QUESTION, q(), person('b'), 'answer')).toMatchObject({ ok: true });
  });

  it('treats a guard on the entity as the wrong state, and a stay as the same state', () => {
    expect(decide(QUESTION, q(), person('a'), 'close')).toMatchObject({ ok: false, kind: 'wrong_state' });
    expect(decide(QUESTION, q({ replies: 1 }), person('a'), 'close')).toMatchObject({ ok: true, to: 'closed' });
    expect(decide(QUESTION, q(), null, 'remind')).toMatchObject({ ok: true, from: 'open', to: 'open' });
  });
});

describe('availableTransitions', () => {
  it('offers each side its own moves, and narrows to some sides when asked', () => {
    const both = person('a');
    const mine = q({ answererOrg: 'a', replies: 1 });
    expect(availableTransitions(QUESTION, mine, both)).toEqual(['answer', 'close']);
    expect(availableTransitions(QUESTION, mine, both, ['asker'])).toEqual(['close']);
    expect(availableTransitions(QUESTION, q(), null)).toEqual(['remind', 'lapse']);
    expect(availableTransitions(QUESTION, q(), person('z'))).toEqual([]);
  });
});

describe('timers', () => {
  it('are due counted from the moment of entering, and end with the stay', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(timersFrom(QUESTION.transitions.lapse.timers, at)).toEqual([{ take: 'remind', dueAt: new Date('2026-01-08T00:00:00Z') }]);
    expect(timersFrom(undefined, at)).toEqual([]);
    expect(restartsTimers(QUESTION.transitions.answer, 'open')).toBe(true);
    expect(restartsTimers(QUESTION.transitions.remind, 'open')).toBe(false);
  });
});
