// `npm run bench:search`: a synthetic market loaded through the app's indexing path, then the
// same query mix against raw Meilisearch, the app, and the app on its PostgreSQL fallback.
// Prints one table and writes bench/results/search-<date>.json. See bench/README.md.
import { parseArgs } from 'node:util';
import { createDb, type Database } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createSearch, type Search } from '../search/client.js';
import { benchContext, ensureBuild, startApp } from './lib/app-server.js';
import { appRequests, hammer, interleaved, meiliRequests, sequential, type Target } from './lib/drive.js';
import { compareHttpClients } from './lib/http-clients.js';
import { startInfra } from './lib/infra.js';
import { indexMarket, loadMarket } from './lib/load.js';
import { queryMix, type BenchQuery } from './lib/query-mix.js';
import { machineInfo, printReport, ratiosAndTargets, writeReport, type BenchReport, type TargetFigures } from './lib/report.js';
import { waitForQuietDatabase } from './lib/settle.js';
import { mainThreadCpuMs } from './lib/thread-cpu.js';
import { benchLifecycle } from './lib/lifecycle.js';

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    seed: { type: 'string', default: '20261122' },
    queries: { type: 'string', default: '200' },
    sequential: { type: 'string', default: '100' },
    'client-rounds': { type: 'string', default: '200' },
    'relay-batch': { type: 'string', default: '5000' },
    warmup: { type: 'string', default: '2' },
  },
});
const num = (name: keyof typeof args) => {
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return n;
};
const config = {
  listings: Math.floor(num('listings')),
  duration: num('duration'),
  connections: Math.max(1, Math.floor(num('connections'))),
  seed: Math.floor(num('seed')),
  queries: Math.max(1, Math.floor(num('queries'))),
  sequential: Math.max(1, Math.floor(num('sequential'))),
  clientRounds: Math.max(1, Math.floor(num('client-rounds'))),
  relayBatch: Math.max(1, Math.floor(num('relay-batch'))),
  warmup: num('warmup'),
};
const log = (m: string) => console.log(`[bench] ${m}`);

const { cleanups, run } = benchLifecycle(log);

async function main() {
  ensureBuild(log);
  const infra = await startInfra(log);
  cleanups.push(() => infra.stop());
  for (const line of infra.describe) log(line);

  // The pool size and search client of app/server/runtime.ts.
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

  const queries = queryMix(config.seed, config.queries);
  const withHits = await countQueriesWithHits(search, queries);
  log(`Query mix: ${queries.length} queries, ${withHits} with at least one hit`);

  log(`HTTP clients to Meilisearch: ${config.clientRounds} queries one at a time, each…`);
  const httpClients = await compareHttpClients(
    { host: infra.meiliHost, apiKey: infra.meiliKey, indexName: infra.indexName },
    queries,
    config.clientRounds,
  );

  const app = await startApp(benchContext(db, search));
  cleanups.push(() => app.close());
  // The same app whose Meilisearch is a dead port: findListings falls back to PostgreSQL.
  const deadSearch = createSearch({ host: 'http://127.0.0.1:1', apiKey: 'none', indexName: infra.indexName });
  cleanups.push(async () => deadSearch.close());
  const fallbackApp = await startApp(benchContext(db, deadSearch));
  cleanups.push(() => fallbackApp.close());
  await expectEngine(app.url, queries, 'meilisearch');
  await expectEngine(fallbackApp.url, queries, 'postgres');

  const paths = queries.map((q) => q.appPath);
  const pause = (ms: number) => () => new Promise<void>((r) => setTimeout(r, ms));
  // After each run, let the servers finish what autocannon left in flight before the next one.
  const targets: (Target & { settle: () => Promise<void> })[] = [
    {
      name: 'raw Meilisearch', url: infra.meiliHost, settle: pause(500),
      requests: meiliRequests(infra.indexName, infra.meiliKey, queries.map((q) => q.meiliBody)),
    },
    { name: 'app → Meilisearch', url: app.url, requests: appRequests(paths), settle: pause(500) },
    {
      name: 'app → PostgreSQL fallback', url: fallbackApp.url, requests: appRequests(paths),
      settle: () => waitForQuietDatabase(infra.databaseUrl),
    },
  ];
  const figures: TargetFigures[] = [];
  for (const target of targets) {
    log(`${target.name}: ${config.sequential} queries one at a time, then ${config.connections} connections for ${config.duration} s…`);
    const unloaded = await sequential(target.url, target.requests, config.sequential);
    if (config.warmup > 0) {
      await hammer(target, { connections: config.connections, duration: config.warmup });
      await target.settle();
    }
    // autocannon runs in a worker thread: this process's main thread is the app's alone.
    const cpuBefore = mainThreadCpuMs();
    const load = await hammer(target, { connections: config.connections, duration: config.duration });
    const cpuAfter = mainThreadCpuMs();
    await target.settle();
    log(`  one at a time p50 ${unloaded.p50} ms; loaded p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.rps.toFixed(0)} req/s`);
    const appCpu = cpuBefore === null || cpuAfter === null || target.url === infra.meiliHost ? undefined : {
      share: round2((cpuAfter - cpuBefore) / (config.duration * 1000)),
      msPerRequest: round2((cpuAfter - cpuBefore) / Math.max(1, load.requests)),
    };
    figures.push({ load, unloaded, ...(appCpu ? { appCpu } : {}) });
  }
  const [raw, appFigures, fallback] = figures as [TargetFigures, TargetFigures, TargetFigures];
  // The one-at-a-time goal, measured with raw and app requests in turn, each query new to the
  // app (its facet counts forgotten first), on the queries the timed runs above did not start with.
  search.facets.clear();
  const shifted = (t: Target) => ({ url: t.url, requests: [...t.requests.slice(config.sequential), ...t.requests.slice(0, config.sequential)] });
  const [rawInTurn, appInTurn] = await interleaved([shifted(targets[0]!), shifted(targets[1]!)], config.sequential);
  log(`In turn, one at a time: raw p50 ${rawInTurn!.p50} ms, app p50 ${appInTurn!.p50} ms`);
  const results = { rawMeilisearch: raw, app: appFigures, appPostgresFallback: fallback, inTurn: { rawMeilisearch: rawInTurn!, app: appInTurn! } };
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: machineInfo({ atStart: true }),
    config: {
      listings: loaded.listings, organisations: loaded.organisations, seed: config.seed, queries: queries.length,
      connections: config.connections, durationSeconds: config.duration, sequentialQueries: config.sequential,
      relayBatch: config.relayBatch,
    },
    loading: { insertSeconds: round1(loaded.seconds), indexSeconds: round1(indexed.seconds), queriesWithHits: withHits },
    results,
    ...ratiosAndTargets(results),
    httpClients,
  };
  printReport(report);
  log(`Figures written to ${writeReport(report)}`);
}

async function countQueriesWithHits(search: Search, queries: readonly BenchQuery[]): Promise<number> {
  let n = 0;
  for (const query of queries) {
    const { q, ...params } = JSON.parse(query.meiliBody) as { q: string };
    const res = await search.listings().search(q, { ...params, page: 1 });
    if (res.hits.length > 0) n += 1;
  }
  return n;
}

/** A few queries through the app, to be sure each server answers from the engine we think. */
async function expectEngine(url: string, queries: readonly BenchQuery[], engine: string) {
  for (const query of queries.slice(0, 5)) {
    const res = await fetch(url + query.appPath);
    const body = (await res.json()) as { meta?: { engine?: string } };
    if (res.status !== 200 || body.meta?.engine !== engine) {
      throw new Error(`${url}${query.appPath} answered ${res.status} from ${body.meta?.engine ?? 'nowhere'}, expected ${engine}`);
    }
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

run(main);
