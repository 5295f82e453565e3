// The one runner of every process (app/domain/process.ts): in one transaction it locks the
// entity's row, decides, checks the version the person saw, writes the new state, the audit
// event, the outbox row, the notifications and the timers. After commit it asks for the declared
// background work. Two people acting at once cannot both win; nothing is half-written.
import type { Transaction } from 'kysely';
import { enqueueChanged } from '../../db/outbox.js';
import type { DB, OutboxTopic } from '../../db/schema.js';
import { decide, restartsTimers, timersFrom, type AnyProcess } from '../domain/process.js';
import type { AppContext, JobName } from '../context.server.js';
import { ConflictError, ExpectedFailure, InvalidInputError, NotFoundError, PermissionError, type Entity } from './errors.js';
import { askFor, type JobRequest } from './jobs.server.js';
import { notifyPeople, type Recipient } from './notifications.server.js';
import type { Actor } from '../domain/actor.js';

/** How the runner reads and writes one kind of entity; the process says what may happen to it. */
export interface ProcessStore<Facts, Input> {
  process: AnyProcess<Facts, Input>;
  entity: Entity;
  outbox: OutboxTopic | null;
  /** Whether `id` can name such an entity at all (else: not found, without a query). */
  isId(id: string): boolean;
  /** The entity's facts with its row locked, or null. */
  lock(trx: Transaction<DB>, id: string): Promise<{ facts: Facts; version: number; title: string } | null>;
  /** Writes the state reached, the next version and what the transition sets. */
  save(trx: Transaction<DB>, id: string, change: { to: string; version: number; sets: Record<string, Date | null>; at: Date }): Promise<void>;
  /** The people on a side of the entity, who hear of its transitions; `acting`: the sides the actor took it as. */
  recipients(trx: Transaction<DB>, facts: Facts, side: string, acting: readonly string[]): Promise<Recipient[]>;
  /** Where a side finds the entity. */
  link(id: string, side: string): string;
  /**
   * What a transition means for other processes, in the same transaction, whoever took it (a
   * person, or the timer job): a milestone accepted may complete its contract. Returns jobs.
   */
  followUp?(ctx: Pick<AppContext, 'clock' | 'publicUrl'>, trx: Transaction<DB>, id: string, name: string, facts: Facts, at: Date): Promise<JobRequest[]>;
}

export interface TransitionRequest<Facts, Input> {
  actor: Actor | null;
  /** A name, or a choice by the entity's facts (an edit of a draft, a revision of a published text). */
  name: string | ((facts: Facts) => string);
  input: Input & { reason?: string | null };
  /** The version the person saw; another one means somebody acted first (409). */
  expectedVersion?: number | null;
  /** When it happened, for the demo seed's back-dated publications; now by default. */
  at?: Date;
  /** The transition's own writes (a revision's text), after the decision; returns the audit payload. `later` asks for background work after commit. */
  write?: (trx: Transaction<DB>, facts: Facts, name: string, id: string, later: (jobs: readonly JobRequest[]) => void) => Promise<Record<string, unknown> | void>;
}

export interface TransitionOutcome {
  id: string;
  name: string;
  from: string;
  status: string;
  version: number;
}

/** Applies a transition inside the caller's transaction; the background work is returned to ask for after commit. */
export async function runTransitionIn<Facts, Input>(
  ctx: Pick<AppContext, 'clock' | 'publicUrl'>,
  trx: Transaction<DB>,
  store: ProcessStore<Facts, Input>,
  id: string,
  request: TransitionRequest<Facts, Input>,
): Promise<{ outcome: TransitionOutcome; after: JobRequest[] }> {
  if (!store.isId(id)) throw new NotFoundError(store.entity, id);
  const row = await store.lock(trx, id);
  if (!row) throw new NotFoundError(store.entity, id);
  const name = typeof request.name === 'function' ? request.name(row.facts) : request.name;
  const decision = decide(store.process, row.facts, request.actor, name, request.input);
  if (!decision.ok && decision.kind === 'hidden') throw new NotFoundError(store.entity, id);
  // Acting on an old page: what it showed is gone, whatever else is now wrong (another member of
  // one's side counter-proposed first, so accepting is no longer one's to do); a reload shows why.
  if (request.expectedVersion != null && request.expectedVersion !== row.version) throw new ConflictError('changed_meanwhile');
  if (!decision.ok && decision.kind === 'forbidden') throw new PermissionError(decision.problem.code, decision.problem.params);
  if (!decision.ok) {
    if (decision.kind === 'wrong_state') throw new ConflictError(decision.problem.code, decision.problem.params, 'wrong_state');
    throw new InvalidInputError(decision.fieldErrors);
  }
  const transition = store.process.transitions[name]!;
  const at = request.at ?? ctx.clock();
  const reason = request.input.reason?.trim() || null;
  // Background work of the transition's own writes (a contract generated inside a deal's transition).
  const after: JobRequest[] = [];
  const payload = (await request.write?.(trx, row.facts, name, id, (jobs) => after.push(...jobs))) ?? null;
  const version = row.version + 1;
  await store.save(trx, id, { to: decision.to, version, sets: transition.sets?.(row.facts, at) ?? {}, at });
  await trx
    .insertInto('audit_events')
    .values({
      entity_type: store.entity,
      entity_id: id,
      action: name,
      actor_id: request.actor?.userId ?? null,
      from_state: decision.from,
      to_state: decision.to,
      reason,
      payload: payload ? JSON.stringify(payload) : null,
      at,
    })
    .execute();
  if (store.outbox) {
    await enqueueChanged(trx, store.outbox, [id]);
    after.push(['search-relay', {}]);
  }
  for (const notice of transition.notifies ?? []) {
    const held = store.process.sidesOf(request.actor, row.facts);
    const people = (await store.recipients(trx, row.facts, notice.to, held)).filter((p) => p.id !== request.actor?.userId);
    const params = { title: row.title, ...(reason ? { reason } : {}) };
    const emailed = await notifyPeople(ctx, trx, people, { kind: notice.kind, params, link: store.link(id, notice.to) }, { email: notice.to !== 'curator' });
    if (emailed) after.push(['mail-delivery', {}]);
  }
  if (restartsTimers(transition, decision.from)) {
    await trx
      .updateTable('process_timers')
      .set({ done_at: at, outcome: 'cancelled' })
      .where('entity_type', '=', store.entity)
      .where('entity_id', '=', id)
      .where('done_at', 'is', null)
      .execute();
    const timers = timersFrom(transition.timers, at);
    if (timers.length) {
      await trx
        .insertInto('process_timers')
        .values(timers.map((t) => ({ entity_type: store.entity, entity_id: id, transition: t.take, due_at: t.dueAt })))
        .execute();
    }
  }
  for (const job of transition.enqueues ?? []) after.push([job as JobName, { id }] as JobRequest);
  if (store.followUp) after.push(...(await store.followUp(ctx, trx, id, name, row.facts, at)));
  return { outcome: { id, name, from: decision.from, status: decision.to, version }, after };
}

/** Applies a transition in its own transaction, then asks for its background work. */
export async function runTransition<Facts, Input>(
  ctx: AppContext,
  store: ProcessStore<Facts, Input>,
  id: string,
  request: TransitionRequest<Facts, Input>,
): Promise<TransitionOutcome> {
  const { outcome, after } = await ctx.db.transaction().execute((trx) => runTransitionIn(ctx, trx, store, id, request));
  await askFor(ctx, after);
  return outcome;
}

/** A refusal the runner gives is an expected failure; anything else is not. */
export const isRefusal = (error: unknown): error is ExpectedFailure => error instanceof ExpectedFailure;
