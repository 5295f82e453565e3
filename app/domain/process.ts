// The process engine: anything that moves through states (a listing, later a deal, a contract, a
// milestone) is described as data — named transitions, each with the states it leaves from, the
// state it reaches, the sides that may take it, its guards, whom it notifies and its timers — in
// the spirit of Sharetribe's process.edn. `decide` is the one answer to "may this be done now?",
// for the runner that applies a transition and for the pages that show its buttons.
import type { Actor } from './actor.js';
import type { FailureKind, FieldProblems, Problem, ProblemCode } from './problem.js';

/**
 * A transition to take later, counted from entering the transition's state: after calendar days
 * (`expire` after 365 days), or at a moment computed from the entry (10 working days later).
 */
export type Timer<Name extends string> = { take: Name; afterDays: number } | { take: Name; dueFrom: (entered: Date) => Date };

/** Who hears of a transition: a side of the entity, with the notification's kind. */
export interface Notice<Side extends string> {
  to: Side;
  kind: string;
}

export interface Transition<State extends string, Side extends string, Entity, Input, Name extends string> {
  from: readonly State[];
  /** The state reached; absent, the entity stays where it is (a revision, a reminder). */
  to?: State;
  by: readonly Side[];
  /** A condition on the entity beyond its state; when false the transition is not on offer (409). */
  when?: (entity: Entity) => boolean;
  /** The input refers to something that has moved on (a superseded proposal): a 409 that says so. */
  stale?: (input: Input, entity: Entity) => Problem | null;
  /** Checks the input (a reason given, amounts adding up …); problems are a 400. */
  check?: (input: Input, entity: Entity) => FieldProblems | null;
  notifies?: readonly Notice<Side>[];
  /** Started on entering; they replace the timers of the previous stay (see `restartsTimers`). */
  timers?: readonly Timer<Name>[];
  /** What entering sets besides the state, by the entity's own field names (a publication's dates). */
  sets?: (entity: Entity, at: Date) => Record<string, Date | null>;
  /** Background work to ask for after commit, by job name (the entity's id is the payload). */
  enqueues?: readonly string[];
  /** What the wrong-state refusal says; `wrong_state` by default. */
  wrongState?: ProblemCode;
  /** A side that has already taken this step (a party that signed): asking again is a 409 saying so, not a 403. */
  done?: { by: Side; problem: ProblemCode };
}

export interface Process<State extends string, Side extends string, Entity, Input, Name extends string> {
  /** The audit and outbox name of the entity: `listing`, `deal` … */
  entity: string;
  transitions: Record<Name, Transition<State, Side, Entity, Input, Name>>;
  stateOf(entity: Entity): State;
  /** The sides this actor holds on this entity (none: a stranger). A null actor is the system. */
  sidesOf(actor: Actor | null, entity: Entity): readonly Side[];
  /** Whether the actor may know the entity exists at all; if not, every refusal is "hidden". */
  visibleTo(actor: Actor | null, entity: Entity): boolean;
  /** What a refusal for lack of a side says, by the side that was needed. */
  forbidden: Partial<Record<Side, ProblemCode>>;
  /** What a wrong-state refusal says when the transition names nothing (`wrong_state` for a listing). */
  wrongState?: ProblemCode;
}

// Any process, as the runner and the timer job handle it without knowing its states.
export type AnyProcess<Entity = any, Input = any> = Process<string, string, Entity, Input, string>;

export type Refusal = { ok: false; kind: Extract<FailureKind, 'hidden' | 'forbidden' | 'wrong_state' | 'invalid'>; problem: Problem; fieldErrors: FieldProblems };

export type Decision<State extends string = string, Side extends string = string> =
  | { ok: true; from: State; to: State; sides: readonly Side[] }
  | Refusal;

function refuse(kind: Refusal['kind'], problem: Problem, fieldErrors: FieldProblems = {}): Refusal {
  return { ok: false, kind, problem, fieldErrors };
}

export function isTransitionName<Name extends string>(process: { transitions: Record<Name, unknown> }, name: string): name is Name {
  return Object.prototype.hasOwnProperty.call(process.transitions, name);
}

/**
 * May `actor` take transition `name` on `entity` with `input`? In this order: an unknown
 * transition is invalid (400); an entity the actor may not know of is hidden (404); a side the
 * actor does not hold is forbidden (403); the wrong state is 409; a guard on the input is 400.
 * `input` undefined skips the input guard: the question pages ask before showing a button.
 */
export function decide<State extends string, Side extends string, Entity, Input, Name extends string>(
  process: Process<State, Side, Entity, Input, Name>,
  entity: Entity,
  actor: Actor | null,
  name: string,
  input?: Input,
): Decision<State, Side> {
  if (!isTransitionName(process, name)) return refuse('invalid', { code: 'unknown_intent' }, { intent: [{ code: 'unknown_intent' }] });
  if (!process.visibleTo(actor, entity)) return refuse('hidden', { code: 'not_found', params: { entity: process.entity } });
  const t = process.transitions[name];
  const held = process.sidesOf(actor, entity);
  const sides = t.by.filter((side) => held.includes(side));
  if (sides.length === 0 && t.done && held.includes(t.done.by)) return refuse('wrong_state', { code: t.done.problem });
  if (sides.length === 0) return refuse('forbidden', { code: process.forbidden[t.by[0]!] ?? 'forbidden' });
  const from = process.stateOf(entity);
  if (!t.from.includes(from) || (t.when && !t.when(entity))) {
    return refuse('wrong_state', { code: t.wrongState ?? process.wrongState ?? 'wrong_state', params: { [process.entity === 'listing' ? 'status' : 'stage']: from } });
  }
  const stale = input !== undefined ? t.stale?.(input, entity) : null;
  if (stale) return refuse('wrong_state', stale);
  if (input !== undefined && t.check) {
    const problems = t.check(input, entity);
    if (problems && Object.keys(problems).length > 0) return refuse('invalid', problems.form?.[0] ?? { code: 'invalid_value' }, problems);
  }
  return { ok: true, from, to: t.to ?? from, sides };
}

/** The transitions the actor may take now, in the table's order: the buttons a page shows. */
export function availableTransitions<State extends string, Side extends string, Entity, Input, Name extends string>(
  process: Process<State, Side, Entity, Input, Name>,
  entity: Entity,
  actor: Actor | null,
  only?: readonly Side[],
): Name[] {
  return (Object.keys(process.transitions) as Name[]).filter((name) => {
    const decision = decide(process, entity, actor, name);
    return decision.ok && (!only || decision.sides.some((s) => only.includes(s)));
  });
}

/**
 * Timers belong to a stay in a state: a transition that moves to another state, or that starts
 * timers of its own (a renewal), ends the stay and cancels the timers still waiting. A transition
 * that stays without timers (a reminder, a revision) leaves them running.
 */
export function restartsTimers(transition: { to?: string; timers?: readonly unknown[] }, from: string): boolean {
  return (transition.to !== undefined && transition.to !== from) || (transition.timers?.length ?? 0) > 0;
}

export function timersFrom<Name extends string>(timers: readonly Timer<Name>[] | undefined, at: Date): { take: Name; dueAt: Date }[] {
  return (timers ?? []).map((t) => ({ take: t.take, dueAt: 'dueFrom' in t ? t.dueFrom(at) : new Date(at.getTime() + t.afterDays * 86_400_000) }));
}
