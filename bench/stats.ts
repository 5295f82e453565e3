// `npm run bench:stats`: the agency's statistics at market scale. Loads 100,000 listings, 50,000
// deals (with their term sheets, contracts, milestones and payments) and 500,000 audit events
// (bench/lib/stats-market.ts), rebuilds the statistics' views as the stats-refresh job does (timed),
// then asks the real app over HTTP, as a signed-in curator, for the
// dashboard, the dashboard filtered, the public page and each export, one request at a time, and
// beside them the bare `count(*)` over the same tables in the same run: the floor any figure
// read from those tables stands on. Figures, not a test: it prints them, writes
// bench/results/stats-<date>.json, and exits non-zero only when a page does not answer 200.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { hashPassword } from '../app/auth/password.server.js';
import { refreshMarketFacts } from '../app/services/market-figures.server.js';
import { createDb, type Database } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createSearch } from '../search/client.js';
import { benchContext, ensureBuild, startApp } from './lib/app-server.js';
import { numberArgs } from './lib/args.js';
import { summarise } from './lib/drive.js';
import { startInfra } from './lib/infra.js';
import { benchLifecycle } from './lib/lifecycle.js';
import { loadMarket } from './lib/load.js';
import { machineInfo } from './lib/report.js';
import { loadStatsMarket } from './lib/stats-market.js';

const args = numberArgs({ listings: 100_000, deals: 50_000, events: 500_000, runs: 30, warmup: 3, pool: 10, seed: 20261210 });
const config = {
  listings: Math.max(100, Math.floor(args.listings)),
  deals: Math.floor(args.deals),
  auditEvents: Math.floor(args.events),
  runs: Math.max(1, Math.floor(args.runs)),
  warmup: Math.floor(args.warmup),
  pool: Math.max(1, Math.floor(args.pool)),
  seed: Math.floor(args.seed),
};
const log = (m: string) => console.log(`[bench] ${m}`);
const { cleanups, run } = benchLifecycle(log);

/** What is asked of the app, by name: the dashboard, a filtered view, the public page, the exports. */
const PAGES: Record<string, string> = {
  dashboard: '/curator/stats',
  'dashboard, one sector, by quarter': '/curator/stats?sector=agrifood&period=quarter',
  'dashboard, one year': '/curator/stats?from=2026-01-01&to=2026-12-31',
  'public page': '/market',
};
const EXPORTS: Record<string, string> = {
  'funnel.csv': '/curator/stats/funnel?format=csv',
  'published-by.csv': '/curator/stats/published-by?format=csv',
  'sectors.csv': '/curator/stats/sectors?format=csv',
  'provinces.csv': '/curator/stats/provinces?format=csv',
  'organisation-types.csv': '/curator/stats/organisation-types?format=csv',
  'periods.csv': '/curator/stats/periods?format=csv',
  'response-times.csv': '/curator/stats/response-times?format=csv',
  'supply-demand.csv': '/curator/stats/supply-demand?format=csv',
  'upkeep.csv': '/curator/stats/upkeep?format=csv',
  'public funnel.json': '/api/v1/stats/funnel',
  'public sectors.csv': '/api/v1/stats/sectors?format=csv',
};

const BARE: Record<string, ReturnType<typeof sql>> = {
  'count(*) listings': sql`select count(*) from listings`,
  'count(*) deals': sql`select count(*) from deals`,
  'count(*) audit_events': sql`select count(*) from audit_events`,
};

async function main() {
  ensureBuild(log);
  const infra = await startInfra(log, { search: false });
  cleanups.push(() => infra.stop());
  for (const line of infra.describe) log(line);
  const db: Database = createDb(infra.databaseUrl, { max: config.pool });
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  const search = createSearch({ host: infra.meiliHost, apiKey: infra.meiliKey, indexName: infra.indexName, timeoutMs: 1000 });
  cleanups.push(async () => search.close());

  log(`Loading ${config.listings} listings…`);
  const loaded = await loadMarket(db, { seed: config.seed, listings: config.listings });
  log(`Writing ${config.deals} deals and their contracts, and ${config.auditEvents} audit events…`);
  const market = await loadStatsMarket(db, { deals: config.deals, auditEvents: config.auditEvents, seed: config.seed }, log);
  log(`Market: ${JSON.stringify(market)}`);
  // The views the figures read are rebuilt as the stats-refresh job does it, timed: it is the price of fast pages.
  const refreshStarted = performance.now();
  await refreshMarketFacts(db);
  const refreshSeconds = Math.round((performance.now() - refreshStarted) / 10) / 100;
  log(`Statistics' views rebuilt in ${refreshSeconds} s`);
  const email = 'curator@bench.test';
  const agency = await db
    .insertInto('organisations')
    .values({ slug: 'bench-agency', name: 'Sở KH&CN (bench)', type: 'agency', tax_code: '3999999999', province_code: 'ha-noi', description: 'Bench curator' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('users').values({ email, name: 'Curator', organisation_id: agency.id, role: 'admin', password_hash: await hashPassword('bench-password-1') }).execute();

  const app = await startApp(benchContext(db, search));
  cleanups.push(() => app.close());
  const login = await fetch(`${app.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: 'bench-password-1' }), redirect: 'manual' });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`signing in as the curator failed (${login.status})`);

  const failures: string[] = [];
  const timeGet = async (name: string, url: string) => {
    const times: number[] = [];
    let bytes = 0;
    let first = 0;
    for (let i = 0; i < config.warmup + config.runs; i += 1) {
      const started = performance.now();
      const res = await fetch(`${app.url}${url}`, { headers: { cookie } });
      const body = await res.arrayBuffer();
      // The first request of a view after a rebuild computes it from the views; the next ones reuse that.
      if (i === 0) first = Math.round((performance.now() - started) * 100) / 100;
      if (i >= config.warmup) times.push(performance.now() - started);
      bytes = body.byteLength;
      if (res.status !== 200) {
        failures.push(`${name} ${url}: ${res.status}`);
        break;
      }
    }
    log(`${name}: first ${first} ms, then p50 ${summarise(times).p50} ms`);
    return { url, bytes, first, ...summarise(times) };
  };
  const timeSql = async (name: string, query: ReturnType<typeof sql>) => {
    const times: number[] = [];
    for (let i = 0; i < config.warmup + config.runs; i += 1) {
      const started = performance.now();
      await query.execute(db);
      if (i >= config.warmup) times.push(performance.now() - started);
    }
    log(`${name}: p50 ${summarise(times).p50} ms`);
    return summarise(times);
  };

  // Interleaved by round would mix caches the same way for each; one block each is what a person
  // loading a page after another sees, and is simpler to read.
  const pages: Record<string, unknown> = {};
  for (const [name, url] of Object.entries(PAGES)) pages[name] = await timeGet(name, url);
  const exports: Record<string, unknown> = {};
  for (const [name, url] of Object.entries(EXPORTS)) exports[name] = await timeGet(name, url);
  const bare: Record<string, unknown> = {};
  for (const [name, query] of Object.entries(BARE)) bare[name] = await timeSql(name, query);

  const report = { date: new Date().toISOString(), machine: machineInfo({ atStart: true }), config, loaded, market, refreshSeconds, pages, exports, bare, goal: 'dashboard p50 ≤ 200 ms', failures };
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `stats-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.table(Object.fromEntries([...Object.entries(pages), ...Object.entries(exports), ...Object.entries(bare)].map(([k, v]) => [k, { first: (v as { first?: number }).first ?? '', p50: (v as { p50: number }).p50, p99: (v as { p99: number }).p99 }])));
  log(`Figures written to ${path.relative(process.cwd(), file)}`);
  if (failures.length) {
    for (const f of failures) log(`FAILED ${f}`);
    process.exitCode = 1;
  }
}

run(main);
