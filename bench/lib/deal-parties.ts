// The parties of bench:deals: async workers that each act, as the buyer or the seller, on random
// deals through the deal use cases (app/services/deals.server.ts), with the version they last
// read; and the baseline, the same kind of row change as one plain `UPDATE … WHERE version = $v`.
import { sql } from 'kysely';
import type { AppContext } from '../../app/context.server.js';
import type { Actor } from '../../app/domain/actor.js';
import type { Party } from '../../app/domain/deal-process.js';
import { expressInterest, proposeTerms, takeDealTransition } from '../../app/services/deals.server.js';
import { ConflictError, ExpectedFailure } from '../../app/services/errors.js';
import type { TransitionOutcome } from '../../app/services/process-runner.server.js';
import type { Database } from '../../db/connection.js';
import type { Rng } from './prng.js';

/** What a party saw of a deal when it last read it (or last acted on it). */
export interface DealView {
  stage: string;
  version: number;
  ndaProposedBy: Party | null;
  ndaInForce: boolean;
  latestTerms: { version: number; proposedBy: Party } | null;
}

export interface DealSides {
  buyer: Actor;
  seller: Actor;
  owner: Party;
}

/** One transition applied, as the party that took it saw it: checked afterwards against audit_events. */
export interface Applied {
  dealId: string;
  name: string;
  /** The deal's version after the transition. */
  version: number;
}

export type Outcome = 'ok' | 'conflict' | 'refused' | 'error';

export interface Attempt {
  name: string;
  outcome: Outcome;
  /** Problem code of a refusal (409 or other), or the error's message. */
  code: string | null;
  /** HTTP status the refusal would get: 409 for a ConflictError, else the failure's kind. */
  kind: string | null;
  startMs: number;
  ms: number;
}

export const INTEREST = {
  cooperation: 'Chúng tôi cần chuyển giao công nghệ để áp dụng tại nhà máy trong năm tới.',
  unclear: 'Chi phí vận hành mỗi năm?',
  aboutUs: 'Doanh nghiệp sản xuất tại Việt Nam, có đội kỹ thuật riêng.',
  transferMode: 'licence_non_exclusive',
  priceIndication: 1_000_000_000,
};

export const termsAt = (price: number) => ({
  subject: 'Chuyển giao quyền sử dụng công nghệ kèm đào tạo',
  transferMode: 'licence_non_exclusive',
  exclusive: false,
  territory: 'Việt Nam',
  fieldOfUse: 'Sản xuất công nghiệp',
  durationMonths: 24,
  price,
  milestones: [
    { amount: price / 2, condition: 'Khi ký hợp đồng', deliverable: 'Tài liệu kỹ thuật' },
    { amount: price / 2, condition: 'Khi nghiệm thu', deliverable: 'Chuyển giao hoàn tất' },
  ],
  warranty: '12 tháng',
  disputeResolution: 'mediation',
  validDays: 30,
});

/** The deal page as a party opens it: stage, version, NDA and the latest terms. */
export async function readDeal(db: Database, id: string): Promise<DealView> {
  const row = await db
    .selectFrom('deals as d')
    .select((eb) => [
      'd.stage', 'd.version', 'd.nda_proposed_by', 'd.nda_in_force_at',
      eb.selectFrom('term_sheets as t').select('t.version').whereRef('t.deal_id', '=', 'd.id').orderBy('t.version', 'desc').limit(1).as('terms_version'),
      eb.selectFrom('term_sheets as t').select('t.proposed_by').whereRef('t.deal_id', '=', 'd.id').orderBy('t.version', 'desc').limit(1).as('terms_by'),
    ])
    .where('d.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    stage: row.stage,
    version: row.version,
    ndaProposedBy: row.nda_proposed_by,
    ndaInForce: row.nda_in_force_at !== null,
    latestTerms: row.terms_version != null && row.terms_by != null ? { version: row.terms_version, proposedBy: row.terms_by } : null,
  };
}

const OPEN = new Set(['inquiry', 'negotiating']);
const other = (p: Party): Party => (p === 'buyer' ? 'seller' : 'buyer');

/**
 * The buttons each side would see on the view it holds, with how often people press them: the
 * owner mostly accepts; an NDA is proposed once and accepted by the other side; terms are
 * proposed and countered more often than accepted; few withdraw.
 */
function choices(view: DealView, owner: Party): { party: Party; name: string; weight: number }[] {
  if (view.stage === 'inquiry') {
    return [
      { party: owner, name: 'accept', weight: 10 },
      { party: 'buyer', name: 'withdraw', weight: 0.25 },
      { party: 'seller', name: 'withdraw', weight: 0.25 },
    ];
  }
  if (view.stage !== 'negotiating') return [];
  const out: { party: Party; name: string; weight: number }[] = [];
  for (const party of ['buyer', 'seller'] as const) {
    if (!view.ndaInForce && view.ndaProposedBy === null) out.push({ party, name: 'propose_nda', weight: 1.5 });
    if (!view.ndaInForce && view.ndaProposedBy === other(party)) out.push({ party, name: 'accept_nda', weight: 5 });
    out.push({ party, name: 'propose_terms', weight: 3 });
    if (view.latestTerms && view.latestTerms.proposedBy === other(party)) out.push({ party, name: 'accept_terms', weight: 1.5 });
    out.push({ party, name: 'withdraw', weight: 0.25 });
  }
  return out;
}

function pickWeighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T | null {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let r = rng.next() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1] ?? null;
}

/** The open deals the parties pick from, with O(1) removal. */
export class OpenDeals {
  private ids: string[] = [];
  private at = new Map<string, number>();
  add(id: string) {
    if (this.at.has(id)) return;
    this.at.set(id, this.ids.length);
    this.ids.push(id);
  }
  remove(id: string) {
    const i = this.at.get(id);
    if (i === undefined) return;
    const last = this.ids.pop()!;
    if (last !== id) {
      this.ids[i] = last;
      this.at.set(last, i);
    }
    this.at.delete(id);
  }
  has(id: string) {
    return this.at.has(id);
  }
  get size() {
    return this.ids.length;
  }
  pick(rng: Rng): string | null {
    return this.ids.length ? this.ids[Math.floor(rng.next() * this.ids.length)]! : null;
  }
  all(): string[] {
    return [...this.ids];
  }
}

/** Fresh (listing, organisation) pairs for new deals: interest in a listing this organisation never asked about. */
export interface InterestSource {
  next(): { listingId: string; interested: Actor } | null;
}

export interface Market {
  ctx: AppContext;
  sides: Map<string, DealSides>;
  open: OpenDeals;
  interests: InterestSource;
  actorOf: (organisationId: string) => Actor;
  listingOwner: Map<string, { organisationId: string; kind: 'offer' | 'demand' }>;
}

export interface EngineRecord {
  attempts: Attempt[];
  applied: Applied[];
  reads: number;
  unexpected: string[];
}

/** A deal opened by interest, recorded like any transition; null when the pair already has an open deal. */
export async function openDeal(m: Market, record: EngineRecord, clock: () => number): Promise<string | null> {
  const pair = m.interests.next();
  if (!pair) return null;
  const owner = m.listingOwner.get(pair.listingId)!;
  const startMs = clock();
  let id: string;
  try {
    const result = await expressInterest(m.ctx, pair.interested, pair.listingId, INTEREST);
    if (result.existing) return null;
    id = result.id;
  } catch (error) {
    record.attempts.push(failure('express_interest', error, startMs, clock() - startMs));
    if (!(error instanceof ExpectedFailure)) record.unexpected.push(message(error));
    return null;
  }
  record.attempts.push({ name: 'express_interest', outcome: 'ok', code: null, kind: null, startMs, ms: clock() - startMs });
  // Nobody else knows the deal yet: the version read now is the one express_interest left.
  const view = await readDeal(m.ctx.db, id);
  record.reads += 1;
  record.applied.push({ dealId: id, name: 'express_interest', version: view.version });
  const interestedIsBuyer = owner.kind === 'offer';
  const ownerActor = m.actorOf(owner.organisationId);
  m.sides.set(id, {
    buyer: interestedIsBuyer ? pair.interested : ownerActor,
    seller: interestedIsBuyer ? ownerActor : pair.interested,
    owner: owner.kind === 'offer' ? 'seller' : 'buyer',
  });
  m.open.add(id);
  return id;
}

/**
 * One party: picks a deal (one it acted on lately, on the view it kept, with probability `stale`;
 * else any open deal, read afresh), a button either side would see, and presses it with the
 * version of that view. A deal that ends is replaced by a new interest.
 */
export async function runParty(
  m: Market,
  options: { rng: Rng; stale: number; until: number; clock: () => number; record: EngineRecord },
): Promise<void> {
  const { rng, stale, until, clock, record } = options;
  const views = new Map<string, DealView>();
  const recent: string[] = [];
  const remember = (id: string) => {
    if (!recent.includes(id)) recent.push(id);
    if (recent.length > 50) recent.shift();
  };
  let price = 1_000_000_000 + rng.int(0, 100) * 10_000_000;
  while (clock() < until) {
    let id: string | null = null;
    let view: DealView | undefined;
    if (recent.length && rng.chance(stale)) {
      const candidate = rng.pick(recent);
      if (m.open.has(candidate) && views.has(candidate)) {
        id = candidate;
        view = views.get(candidate);
      }
    }
    if (!id || !view) {
      id = m.open.pick(rng);
      if (!id) {
        // Every deal ended at once: open one, or wait for another party to.
        if (!(await openDeal(m, record, clock))) await new Promise((r) => setTimeout(r, 10));
        continue;
      }
      view = await readDeal(m.ctx.db, id);
      record.reads += 1;
      views.set(id, view);
    }
    remember(id);
    const sides = m.sides.get(id)!;
    const choice = pickWeighted(rng, choices(view, sides.owner));
    if (!choice) continue; // ended meanwhile: someone else replaces it
    const actor = sides[choice.party];
    const startMs = clock();
    try {
      let outcome: TransitionOutcome;
      let termsVersion: number | null = null;
      if (choice.name === 'propose_terms') {
        price += 10_000_000;
        const result = await proposeTerms(m.ctx, actor, id, termsAt(price), view.version);
        termsVersion = result.termsVersion;
        outcome = result;
      } else {
        outcome = await takeDealTransition(m.ctx, actor, id, choice.name, {
          version: view.version,
          termsVersion: choice.name === 'accept_terms' ? view.latestTerms!.version : null,
          reason: choice.name === 'withdraw' ? 'Bench: không còn phù hợp' : null,
        });
      }
      record.attempts.push({ name: choice.name, outcome: 'ok', code: null, kind: null, startMs, ms: clock() - startMs });
      record.applied.push({ dealId: id, name: choice.name, version: outcome.version });
      const next: DealView = { ...view, stage: outcome.status, version: outcome.version };
      if (choice.name === 'propose_nda') next.ndaProposedBy = choice.party;
      if (choice.name === 'accept_nda') next.ndaInForce = true;
      if (termsVersion !== null) next.latestTerms = { version: termsVersion, proposedBy: choice.party };
      views.set(id, next);
      if (!OPEN.has(outcome.status)) {
        m.open.remove(id);
        views.delete(id);
        if (clock() < until) await openDeal(m, record, clock);
      }
    } catch (error) {
      record.attempts.push(failure(choice.name, error, startMs, clock() - startMs));
      if (!(error instanceof ExpectedFailure)) record.unexpected.push(message(error));
      // The person reloads the page after any refusal.
      views.delete(id);
    }
  }
}

function failure(name: string, error: unknown, startMs: number, ms: number): Attempt {
  if (error instanceof ConflictError) return { name, outcome: 'conflict', code: error.problem.code, kind: '409', startMs, ms };
  if (error instanceof ExpectedFailure) return { name, outcome: 'refused', code: error.problem.code, kind: error.kind, startMs, ms };
  return { name, outcome: 'error', code: message(error), kind: null, startMs, ms };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface BaselineRecord {
  /** Latency of each UPDATE that changed the row, in the measured part. */
  changedMs: number[];
  conflicts: number;
  reads: number;
  changes: number;
  /** When the measured part started and when the last change of it ended. */
  measuredFrom: number;
  measuredTo: number;
}

/**
 * The baseline party: the same choice of deal (a recent one on the version it kept, with
 * probability `stale`, else a random one read afresh), then one plain
 * `UPDATE deals SET stage = 'negotiating', version = version + 1 WHERE id = $1 AND version = $2`;
 * no row means somebody changed it first (the 409). Stops once `target` changes are measured.
 */
export async function runBaselineParty(
  db: Database,
  ids: readonly string[],
  options: { rng: Rng; stale: number; measureFrom: number; target: number; until: number; clock: () => number; record: BaselineRecord },
): Promise<void> {
  const { rng, stale, measureFrom, target, until, clock, record } = options;
  const versions = new Map<string, number>();
  const recent: string[] = [];
  while (clock() < until && record.changes < target) {
    let id: string | null = null;
    if (recent.length && rng.chance(stale)) {
      const candidate = rng.pick(recent);
      if (versions.has(candidate)) id = candidate;
    }
    if (!id) {
      id = rng.pick(ids);
      const row = await db.selectFrom('deals').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      record.reads += 1;
      versions.set(id, row.version);
    }
    if (!recent.includes(id)) recent.push(id);
    if (recent.length > 50) recent.shift();
    const startMs = clock();
    const result = await sql<{ version: number }>`
      update deals set stage = 'negotiating', version = version + 1
      where id = ${id} and version = ${versions.get(id)!}
      returning version`.execute(db);
    const endMs = clock();
    const measured = startMs >= measureFrom;
    const changed = result.rows[0];
    if (!changed) {
      versions.delete(id);
      if (measured) record.conflicts += 1;
      continue;
    }
    versions.set(id, changed.version);
    if (measured && record.changes < target) {
      record.changes += 1;
      record.changedMs.push(endMs - startMs);
      record.measuredTo = Math.max(record.measuredTo, endMs);
    }
  }
}
