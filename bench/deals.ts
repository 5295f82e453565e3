// `npm run bench:deals`: deals under concurrent parties. A market of organisations and published
// listings with 1,000 deals opened by interest; 32 parties take mixed transitions through the
// deal use cases for 30 s, with the version they last read; then a check that no transition was
// lost or applied twice, and a baseline of the same number of plain `UPDATE … WHERE version = $v`.
// Prints one table and writes bench/results/deals-<date>.json. See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../app/context.server.js';
import type { Actor } from '../app/domain/actor.js';
import { importPublishedListings } from '../app/services/listing-import.server.js';
import { createDb, type Database } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createSearch } from '../search/client.js';
import { checkDeals, type Check } from './lib/deal-checks.js';
import {
  OpenDeals, openDeal, runBaselineParty, runParty, type Attempt, type BaselineRecord, type EngineRecord, type InterestSource, type Market,
} from './lib/deal-parties.js';
import { summarise } from './lib/drive.js';
import { startInfra } from './lib/infra.js';
import { numberArgs } from './lib/args.js';
import { benchLifecycle } from './lib/lifecycle.js';
import { watchLoad, type PhaseLoad } from './lib/machine-load.js';
import { createRng, type Rng } from './lib/prng.js';
import { machineInfo } from './lib/report.js';
import { createBenchPeople } from './lib/bench-people.js';
import { syntheticListings, toListingInput } from './lib/synthetic-market.js';

const args = numberArgs({ deals: 1000, parties: 32, duration: 30, warmup: 3, organisations: 40, stale: 0.25, pool: 10, seed: 20261205 });
const num = (name: keyof typeof args) => args[name];
const config = {
  deals: Math.max(1, Math.floor(num('deals'))),
  parties: Math.max(1, Math.floor(num('parties'))),
  durationSeconds: Math.max(1, num('duration')),
  warmupSeconds: num('warmup'),
  organisations: Math.max(3, Math.floor(num('organisations'))),
  stale: Math.min(1, num('stale')),
  pool: Math.max(1, Math.floor(num('pool'))),
  seed: Math.floor(num('seed')),
};
const log = (m: string) => console.log(`[bench] ${m}`);
const { cleanups, run } = benchLifecycle(log);
const clock = () => performance.now();

async function main() {
  const infra = await startInfra(log, { search: false });
  cleanups.push(() => infra.stop());
  for (const line of infra.describe) log(line);
  const db: Database = createDb(infra.databaseUrl, { max: config.pool });
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  // Deals never reach search: the client exists because the context has one, and points nowhere.
  const search = createSearch({ host: infra.meiliHost, apiKey: infra.meiliKey, indexName: infra.indexName, timeoutMs: 1000 });
  cleanups.push(async () => search.close());
  const ctx: AppContext = {
    db,
    search,
    // The background work a transition asks for (emails) is not what is measured here.
    jobs: { enqueue: async () => {} },
    clock: () => new Date(),
    publicUrl: 'http://opentex.bench',
    smtpConfigured: false,
    devMailbox: null,
  };

  const setupStarted = clock();
  const market = await buildMarket(ctx);
  const setupRecord: EngineRecord = { attempts: [], applied: [], reads: 0, unexpected: [] };
  log(`Opening ${config.deals} deals by interest…`);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < config.deals) {
        next += 1;
        await openDeal(market, setupRecord, clock);
      }
    }),
  );
  const failed = setupRecord.attempts.find((a) => a.outcome !== 'ok');
  if (failed) throw new Error(`Opening deals failed: ${failed.kind ?? ''} ${failed.code ?? ''}`);
  await sql`analyze`.execute(db);
  const setupSeconds = (clock() - setupStarted) / 1000;
  log(`${market.open.size} deals open in inquiry, ${market.listingOwner.size} listings, ${config.organisations} organisations (${setupSeconds.toFixed(1)} s)`);

  // The deal engine.
  log(`${config.parties} parties, ${config.warmupSeconds} s warm-up then ${config.durationSeconds} s measured…`);
  const record: EngineRecord = { attempts: [], applied: [], reads: 0, unexpected: [] };
  const engineStart = clock();
  const measureFrom = engineStart + config.warmupSeconds * 1000;
  const until = measureFrom + config.durationSeconds * 1000;
  let engineLoad: PhaseLoad | null = null;
  const warm = setTimeout(() => {
    const watch = watchLoad();
    const stop = setTimeout(() => (engineLoad = watch.stop()), until - clock());
    cleanups.push(async () => clearTimeout(stop));
  }, measureFrom - engineStart);
  cleanups.push(async () => clearTimeout(warm));
  await Promise.all(
    Array.from({ length: config.parties }, (_, i) =>
      runParty(market, { rng: createRng(config.seed + 1 + i), stale: config.stale, until, clock, record }),
    ),
  );
  const engine = engineFigures(record.attempts, measureFrom, until);
  log(
    `engine: ${engine.overall.transitions} transitions in ${config.durationSeconds} s (${engine.overall.perSecond}/s), ` +
      `${engine.overall.conflicts} conflicts (409), ${engine.overall.otherRefusals} other refusals, ${engine.overall.errors} errors`,
  );
  for (const u of record.unexpected.slice(0, 5)) log(`  unexpected: ${u}`);

  log('Checking audit events, versions, term sheets and NDA acceptances against what the parties saw…');
  const checks = await checkDeals(db, [...setupRecord.applied, ...record.applied]);

  // The baseline: as many row changes as the engine made in its measured window.
  const ids = market.open.all();
  const target = engine.overall.transitions;
  log(`baseline: ${config.parties} parties, plain UPDATE … WHERE version = $v on ${ids.length} deals until ${target} changes…`);
  const base: BaselineRecord = { changedMs: [], conflicts: 0, reads: 0, changes: 0, measuredFrom: 0, measuredTo: 0 };
  const baseStart = clock();
  base.measuredFrom = baseStart + config.warmupSeconds * 1000;
  base.measuredTo = base.measuredFrom;
  const cap = base.measuredFrom + Math.max(60, config.durationSeconds * 4) * 1000;
  let baseLoad: PhaseLoad | null = null;
  const baseWarm = setTimeout(() => {
    const watch = watchLoad();
    const poll = setInterval(() => {
      if (base.changes >= target || clock() >= cap) {
        clearInterval(poll);
        baseLoad = watch.stop();
      }
    }, 50);
    cleanups.push(async () => clearInterval(poll));
  }, base.measuredFrom - baseStart);
  cleanups.push(async () => clearTimeout(baseWarm));
  await Promise.all(
    Array.from({ length: config.parties }, (_, i) =>
      runBaselineParty(db, ids, { rng: createRng(config.seed + 1000 + i), stale: config.stale, measureFrom: base.measuredFrom, target, until: cap, clock, record: base }),
    ),
  );
  await new Promise((r) => setTimeout(r, 100));
  const baseSeconds = (base.measuredTo - base.measuredFrom) / 1000;
  const baseP = summarise(base.changedMs);
  const baseline = {
    what: "UPDATE deals SET stage = 'negotiating', version = version + 1 WHERE id = $1 AND version = $2 RETURNING version",
    changes: base.changes,
    seconds: round2(baseSeconds),
    perSecond: round1(base.changes / baseSeconds),
    p50: baseP.p50,
    p99: baseP.p99,
    conflicts: base.conflicts,
    reads: base.reads,
  };
  const ratio = (a: number, b: number) => (b > 0 ? round2(a / b) : null);
  const ratios = {
    throughput: ratio(engine.overall.perSecond, baseline.perSecond),
    p50: ratio(engine.overall.p50, baseline.p50),
    p99: ratio(engine.overall.p99, baseline.p99),
  };

  const report = {
    date: new Date().toISOString(),
    machine: machineInfo({ atStart: true }),
    config: { ...config, listings: market.listingOwner.size, databasePool: config.pool },
    setup: { seconds: round1(setupSeconds), dealsOpened: setupRecord.applied.length },
    engine: { ...engine, dealPageReads: record.reads, dealsOpenAtEnd: market.open.size, load: engineLoad, unexpected: record.unexpected.slice(0, 20) },
    baseline: { ...baseline, load: baseLoad },
    ratiosEngineToBaseline: ratios,
    checks,
    allChecksPass: checks.every((c) => c.pass),
  };
  print(report);
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `deals-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`Figures written to ${path.relative(process.cwd(), file)}`);
  // A lost or doubled transition is a bug, not a figure.
  if (!report.allChecksPass) process.exitCode = 1;
}

/** Organisations with one person each, a curator, and published listings imported the app's way. */
async function buildMarket(ctx: AppContext): Promise<Market> {
  const db = ctx.db;
  const rng = createRng(config.seed);
  const { orgs, actors } = await createBenchPeople(db, config.seed, config.organisations);

  log(`Importing ${config.deals} published listings with importPublishedListings…`);
  const byOwner = new Map<string, { kind: 'offer' | 'demand'; input: unknown }[]>();
  for (const l of syntheticListings(config.seed, config.deals, orgs.map((o) => o.id))) {
    const list = byOwner.get(l.organisation_id) ?? [];
    list.push({ kind: l.kind, input: toListingInput(l) });
    byOwner.set(l.organisation_id, list);
  }
  const listingOwner = new Map<string, { organisationId: string; kind: 'offer' | 'demand' }>();
  for (const [organisationId, list] of byOwner) {
    const { ids } = await importPublishedListings(ctx, organisationId, list.map((l) => l.input));
    ids.forEach((id, i) => listingOwner.set(id, { organisationId, kind: list[i]!.kind }));
  }
  return {
    ctx,
    sides: new Map(),
    open: new OpenDeals(),
    interests: interestSource(rng, [...listingOwner.entries()], orgs.map((o) => o.id), actors),
    actorOf: (organisationId) => actors.get(organisationId)!,
    listingOwner,
  };
}

/**
 * First one interest per listing, then random pairs no organisation asked about before, so a new
 * deal never meets an open one (the app would return the open deal) and the unique index holds.
 */
function interestSource(
  rng: Rng,
  listings: [string, { organisationId: string }][],
  organisationIds: string[],
  actors: Map<string, Actor>,
): InterestSource {
  const used = new Set<string>();
  let initial = 0;
  const fresh = (listingId: string, owner: string) => {
    for (let tries = 0; tries < 50; tries += 1) {
      const org = rng.pick(organisationIds);
      if (org === owner || used.has(`${listingId} ${org}`)) continue;
      used.add(`${listingId} ${org}`);
      return { listingId, interested: actors.get(org)! };
    }
    return null;
  };
  return {
    next() {
      if (initial < listings.length) {
        const [id, owner] = listings[initial++]!;
        return fresh(id, owner.organisationId);
      }
      for (let tries = 0; tries < 50; tries += 1) {
        const [id, owner] = rng.pick(listings);
        const pair = fresh(id, owner.organisationId);
        if (pair) return pair;
      }
      return null;
    },
  };
}


interface TransitionFigures {
  name: string;
  ok: number;
  p50: number;
  p99: number;
  conflicts: number;
  otherRefusals: number;
  errors: number;
}

/** The measured window only: calls that started after the warm-up and ended before the deadline. */
function engineFigures(attempts: readonly Attempt[], from: number, to: number) {
  const measured = attempts.filter((a) => a.startMs >= from && a.startMs + a.ms <= to);
  const names = ['express_interest', 'accept', 'propose_nda', 'accept_nda', 'propose_terms', 'accept_terms', 'withdraw'];
  const perTransition: TransitionFigures[] = names.map((name) => {
    const mine = measured.filter((a) => a.name === name);
    const ok = mine.filter((a) => a.outcome === 'ok').map((a) => a.ms);
    const p = summarise(ok);
    return {
      name,
      ok: ok.length,
      p50: p.p50,
      p99: p.p99,
      conflicts: mine.filter((a) => a.outcome === 'conflict').length,
      otherRefusals: mine.filter((a) => a.outcome === 'refused').length,
      errors: mine.filter((a) => a.outcome === 'error').length,
    };
  });
  const okMs = measured.filter((a) => a.outcome === 'ok').map((a) => a.ms);
  const p = summarise(okMs);
  const seconds = (to - from) / 1000;
  const tally = (outcome: Attempt['outcome']) => {
    const counts: Record<string, number> = {};
    for (const a of measured) if (a.outcome === outcome) counts[`${a.name}: ${a.kind === '409' ? '' : `${a.kind} `}${a.code}`] = (counts[`${a.name}: ${a.kind === '409' ? '' : `${a.kind} `}${a.code}`] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).sort((x, y) => y[1] - x[1]));
  };
  return {
    seconds,
    perTransition,
    overall: {
      transitions: okMs.length,
      attempts: measured.length,
      perSecond: round1(okMs.length / seconds),
      attemptsPerSecond: round1(measured.length / seconds),
      p50: p.p50,
      p99: p.p99,
      conflicts: measured.filter((a) => a.outcome === 'conflict').length,
      otherRefusals: measured.filter((a) => a.outcome === 'refused').length,
      errors: measured.filter((a) => a.outcome === 'error').length,
    },
    conflictsByCode: tally('conflict'),
    refusalsByCode: tally('refused'),
  };
}

type Report = {
  machine: ReturnType<typeof machineInfo>;
  config: typeof config & { listings: number };
  engine: ReturnType<typeof engineFigures> & { load: PhaseLoad | null };
  baseline: { changes: number; seconds: number; perSecond: number; p50: number; p99: number; conflicts: number; load: PhaseLoad | null };
  ratiosEngineToBaseline: { throughput: number | null; p50: number | null; p99: number | null };
  checks: Check[];
  allChecksPass: boolean;
};

function print(report: Report) {
  const { config: c, engine: e, baseline: b, ratiosEngineToBaseline: r, machine: m } = report;
  const row = (cells: (string | number)[]) => console.log(cells.map((x, i) => (i === 0 ? String(x).padEnd(30) : String(x).padStart(10))).join(' '));
  console.log('');
  console.log(
    `Deals: ${c.deals} deals, ${c.parties} parties for ${c.durationSeconds} s (after ${c.warmupSeconds} s warm-up), ` +
      `${Math.round(c.stale * 100)} % on a kept view, database pool ${c.pool}. ${m.cpus} CPUs, Node ${m.node}, ` +
      `load average ${m.loadAverageAtStart?.join(' ') ?? '?'} before, ${m.loadAverage.join(' ')} after`,
  );
  row(['', 'applied', 'p50 ms', 'p99 ms', '409', 'refused', 'errors']);
  for (const t of e.perTransition) row([t.name, t.ok, fmt(t.p50), fmt(t.p99), t.conflicts, t.otherRefusals, t.errors]);
  row(['all transitions (engine)', e.overall.transitions, fmt(e.overall.p50), fmt(e.overall.p99), e.overall.conflicts, e.overall.otherRefusals, e.overall.errors]);
  row(['baseline: plain UPDATE', b.changes, fmt(b.p50), fmt(b.p99), b.conflicts, '', '']);
  row(['engine / baseline', '', `×${r.p50 ?? '–'}`, `×${r.p99 ?? '–'}`, '', '', '']);
  console.log('');
  console.log(
    `engine: ${fmt(e.overall.perSecond)} transitions/s (${fmt(e.overall.attemptsPerSecond)} attempts/s); ` +
      `baseline: ${fmt(b.perSecond)} changes/s in ${fmt(b.seconds)} s; throughput engine / baseline ×${r.throughput ?? '–'}`,
  );
  console.log(`409s by code: ${JSON.stringify(e.conflictsByCode)}`);
  console.log(`other refusals: ${JSON.stringify(e.refusalsByCode)}`);
  for (const [name, load] of [['engine', e.load], ['baseline', b.load]] as const) {
    if (!load) continue;
    console.log(
      `${name} window: machine CPUs ${load.machineCpuBusy === null ? '?' : `${Math.round(load.machineCpuBusy * 100)} %`} busy, ` +
        `this process ${fmt(load.benchProcessCores)} cores, load average (1 min) ${load.loadAverage1m.min}–${load.loadAverage1m.max}`,
    );
  }
  console.log('');
  for (const check of report.checks) {
    console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`);
    for (const ex of check.examples) console.log(`        ${ex}`);
  }
  if (!report.allChecksPass) console.log('\n!!! A TRANSITION WAS LOST OR APPLIED TWICE: see the FAIL lines above !!!');
  console.log('');
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n >= 100 ? 0 : n >= 10 ? 1 : 2) : '–');

run(main);
