// `npm run bench:index-check`: the periodic database-vs-index check (search/index-check.ts
// `compareIndex`) on a synthetic market loaded through the app's indexing path, side by side with
// the check as it was before fingerprints (index ids + versions against one query of public ids +
// versions). Prints one table and writes bench/results/index-check-<date>.json. See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, type Database } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { publicListingRows } from '../db/public-listings.js';
import { createSearch, isNotFound, type Search } from '../search/client.js';
import { compareIndex, type IndexComparison } from '../search/index-check.js';
import { startInfra } from './lib/infra.js';
import { indexMarket, loadMarket } from './lib/load.js';
import { machineInfo } from './lib/report.js';
import { mainThreadCpuMs } from './lib/thread-cpu.js';
import { benchLifecycle } from './lib/lifecycle.js';

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20261122' },
    'relay-batch': { type: 'string', default: '5000' },
  },
});
const num = (name: keyof typeof args) => {
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return n;
};
const config = {
  listings: Math.floor(num('listings')),
  rounds: Math.max(1, Math.floor(num('rounds'))),
  seed: Math.floor(num('seed')),
  relayBatch: Math.max(1, Math.floor(num('relay-batch'))),
};
const log = (m: string) => console.log(`[bench] ${m}`);

const { cleanups, run } = benchLifecycle(log);

interface Counts { publicListings: number; indexedDocuments: number; missing: number; stale: number; extra: number; inFlight: number }
interface Measure { wallMs: number; cpuMs: number | null }
const counts = (d: IndexComparison): Counts => ({
  publicListings: d.publicListings, indexedDocuments: d.indexedDocuments,
  missing: d.missing.length, stale: d.stale.length, extra: d.extra.length, inFlight: d.inFlight,
});

async function measure<T>(run: () => Promise<T>): Promise<Measure & { result: T }> {
  const cpu0 = mainThreadCpuMs();
  const t0 = performance.now();
  const result = await run();
  const wallMs = performance.now() - t0;
  const cpu1 = mainThreadCpuMs();
  return { wallMs, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, result };
}

async function main() {
  const infra = await startInfra(log);
  cleanups.push(() => infra.stop());
  for (const line of infra.describe) log(line);

  const db: Database = createDb(infra.databaseUrl);
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  const search: Search = createSearch({ host: infra.meiliHost, apiKey: infra.meiliKey, indexName: infra.indexName });
  cleanups.push(async () => search.close());

  log(`Generating and loading ${config.listings.toLocaleString('en')} listings (seed ${config.seed})…`);
  const loaded = await loadMarket(db, { seed: config.seed, listings: config.listings });
  log(`Loaded ${loaded.listings} listings of ${loaded.organisations} organisations into PostgreSQL in ${loaded.seconds.toFixed(1)} s`);
  const indexed = await indexMarket(db, search, { batchSize: config.relayBatch });
  log(`Relayed ${indexed.relayed} outbox rows to Meilisearch in ${indexed.seconds.toFixed(1)} s`);

  const rounds: { round: number; order: string; check: Measure & Counts; baseline: Measure & Counts }[] = [];
  for (let round = 1; round <= config.rounds; round += 1) {
    // Alternate which goes first, so neither always finds the other's caches warm.
    const checkFirst = round % 2 === 1;
    let check: (Measure & { result: IndexComparison }) | undefined;
    let baseline: (Measure & { result: Counts }) | undefined;
    for (const which of checkFirst ? ['check', 'baseline'] : ['baseline', 'check']) {
      if (which === 'check') check = await measure(() => compareIndex(db, search));
      else baseline = await measure(() => versionsOnlyCheck(db, search));
    }
    const c = check!;
    const b = baseline!;
    rounds.push({
      round, order: checkFirst ? 'check, baseline' : 'baseline, check',
      check: { wallMs: round1(c.wallMs), cpuMs: c.cpuMs === null ? null : round1(c.cpuMs), ...counts(c.result) },
      baseline: { wallMs: round1(b.wallMs), cpuMs: b.cpuMs === null ? null : round1(b.cpuMs), ...b.result },
    });
    log(
      `round ${round}: check ${fmtMs(c.wallMs)} wall / ${fmtMs(c.cpuMs)} CPU; ` +
        `baseline ${fmtMs(b.wallMs)} wall / ${fmtMs(b.cpuMs)} CPU`,
    );
  }

  const med = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null).sort((p, q) => p - q);
    if (!v.length) return null;
    const mid = Math.floor(v.length / 2);
    return round1(v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2);
  };
  const summary = (key: 'check' | 'baseline') => ({
    wallMsMedian: med(rounds.map((r) => r[key].wallMs)),
    wallMsMin: round1(Math.min(...rounds.map((r) => r[key].wallMs))),
    cpuMsMedian: med(rounds.map((r) => r[key].cpuMs)),
  });
  const check = summary('check');
  const baseline = summary('baseline');
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? Math.round((a / b) * 100) / 100 : null);
  const last = rounds[rounds.length - 1]!;
  const differences = rounds.map((r) => r.check.missing + r.check.stale + r.check.extra + r.check.inFlight);
  const clean = differences.every((n) => n === 0);

  const report = {
    date: new Date().toISOString(),
    machine: machineInfo({ atStart: true }),
    config: { ...config, listings: loaded.listings, organisations: loaded.organisations },
    loading: { insertSeconds: round1(loaded.seconds), indexSeconds: round1(indexed.seconds) },
    results: {
      check: { what: 'compareIndex (index ids, versions, fingerprints; documents rebuilt from PostgreSQL 1,000 at a time)', ...check },
      baseline: { what: 'before fingerprints: index ids + versions against one query of public ids + versions', ...baseline },
      ratios: { wall: ratio(check.wallMsMedian, baseline.wallMsMedian), cpu: ratio(check.cpuMsMedian, baseline.cpuMsMedian) },
    },
    freshIndexClean: clean,
    lastCheck: { ...last.check },
    rounds,
  };
  print(report);
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `index-check-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`Figures written to ${path.relative(process.cwd(), file)}`);
}

/**
 * The check as it was before fingerprints (search/index-check.ts before commit f80ee70): every
 * document's id and version, page by page, the pending outbox, and one query of the public
 * listings' ids and versions, compared in memory.
 */
async function versionsOnlyCheck(db: Database, search: Search): Promise<Counts> {
  const PAGE = 1000;
  const indexed = new Map<string, unknown>();
  const index = search.listings();
  for (let offset = 0; ; offset += PAGE) {
    let page;
    try {
      page = await index.getDocuments({ fields: ['id', 'version'], limit: PAGE, offset });
    } catch (error) {
      if (isNotFound(error)) break;
      throw error;
    }
    for (const doc of page.results) indexed.set(String(doc.id), doc.version);
    if (page.results.length < PAGE) break;
  }
  const pending = new Set(
    (await db.selectFrom('outbox').select('entity_id').distinct().where('processed_at', 'is', null).execute()).map((r) => r.entity_id),
  );
  const rows = await publicListingRows(db).clearSelect().select(['l.id', 'l.version']).execute();
  let missing = 0;
  let stale = 0;
  const inFlight = new Set<string>();
  const isPublic = new Set<string>();
  for (const row of rows) {
    isPublic.add(row.id);
    const version = indexed.get(row.id);
    const differs = version === undefined || version !== row.version;
    if (differs && pending.has(row.id)) inFlight.add(row.id);
    else if (version === undefined) missing += 1;
    else if (differs) stale += 1;
  }
  let extra = 0;
  for (const id of indexed.keys()) {
    if (isPublic.has(id)) continue;
    if (pending.has(id)) inFlight.add(id);
    else extra += 1;
  }
  return { publicListings: rows.length, indexedDocuments: indexed.size, missing, stale, extra, inFlight: inFlight.size };
}

type Report = {
  machine: ReturnType<typeof machineInfo>;
  config: typeof config & { organisations: number };
  results: {
    check: { wallMsMedian: number | null; wallMsMin: number; cpuMsMedian: number | null };
    baseline: { wallMsMedian: number | null; wallMsMin: number; cpuMsMedian: number | null };
    ratios: { wall: number | null; cpu: number | null };
  };
  freshIndexClean: boolean;
  rounds: { round: number; check: Counts & Measure; baseline: Counts & Measure }[];
};

function print(report: Report) {
  const { config: c, results: r, machine: m } = report;
  const row = (cells: string[]) => console.log(cells.map((x, i) => (i === 0 ? x.padEnd(34) : x.padStart(12))).join(' '));
  console.log('');
  console.log(
    `Index check: ${c.listings.toLocaleString('en')} listings, ${c.rounds} rounds (medians). ${m.cpus} CPUs, Node ${m.node}, ` +
      `load average ${m.loadAverageAtStart?.join(' ') ?? '?'} before, ${m.loadAverage.join(' ')} after`,
  );
  row(['', 'wall ms', 'min wall ms', 'CPU ms']);
  row(['compareIndex (with fingerprints)', fmtMs(r.check.wallMsMedian), fmtMs(r.check.wallMsMin), fmtMs(r.check.cpuMsMedian)]);
  row(['baseline (ids + versions only)', fmtMs(r.baseline.wallMsMedian), fmtMs(r.baseline.wallMsMin), fmtMs(r.baseline.cpuMsMedian)]);
  row(['compareIndex / baseline', `×${r.ratios.wall ?? '–'}`, '', `×${r.ratios.cpu ?? '–'}`]);
  console.log('');
  for (const { round, check: k, baseline: b } of report.rounds) {
    console.log(
      `round ${round}: compareIndex ${k.publicListings} public, ${k.indexedDocuments} indexed, missing ${k.missing}, ` +
        `stale ${k.stale}, extra ${k.extra}, in flight ${k.inFlight}; baseline missing ${b.missing}, stale ${b.stale}, ` +
        `extra ${b.extra}, in flight ${b.inFlight}`,
    );
  }
  if (report.freshIndexClean) {
    console.log('compareIndex found 0 missing / stale / extra on the freshly indexed market, as it should.');
  } else {
    console.log('');
    console.log('!!! compareIndex REPORTED DIFFERENCES ON A FRESHLY INDEXED MARKET: the fingerprints are not stable !!!');
    console.log('!!! (the relay just sent every document; nothing changed since). This is a bug, see the rounds above. !!!');
  }
  console.log('');
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const fmtMs = (n: number | null) => (n === null ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));

run(main);
