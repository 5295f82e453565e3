// `npm run bench:outage`: the outage figures of issue 7. A market with the real job queue on its
// own PostgreSQL and Meilisearch; Meilisearch is stopped for --outage seconds while --listings
// listings are published through the curators' approval; then it comes back and the market is
// left to the relay, the matching retries, the sweep and the index check. Prints what is missing
// from the index, what has no matching run, and the figures of each database-vs-index check;
// writes bench/results/outage-<date>.json. See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { readConfig } from '../app/config.server.js';
import { applyListingTransition } from '../app/services/listing-lifecycle.server.js';
import { countListingsAwaitingMatching } from '../app/services/matching-runs.server.js';
import { createListing } from '../app/services/my-listings.server.js';
import { saveSearch } from '../app/services/saved-searches.server.js';
import { startMarket, type Market } from '../app/server/runtime.js';
import type { SyntheticListing } from './lib/synthetic-market.js';
import { createBenchPeople } from './lib/bench-people.js';
import { syntheticListings, toListingInput } from './lib/synthetic-market.js';
import { startInfra } from './lib/infra.js';
import { machineInfo } from './lib/report.js';
import { compareIndex } from '../search/index-check.js';
import { benchLifecycle } from './lib/lifecycle.js';

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string', default: '90' },
    before: { type: 'string', default: '40' },
    outage: { type: 'string', default: '80' },
    'saved-searches': { type: 'string', default: '6' },
    'sweep-minutes': { type: 'string', default: '1' },
    'check-minutes': { type: 'string', default: '1' },
    'max-wait': { type: 'string', default: '600' },
    seed: { type: 'string', default: '20261128' },
  },
});
const num = (name: keyof typeof args) => {
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return Math.floor(n);
};
const config = {
  listings: num('listings'),
  before: num('before'),
  outageSeconds: num('outage'),
  savedSearches: num('saved-searches'),
  sweepMinutes: Math.max(1, num('sweep-minutes')),
  checkMinutes: Math.max(1, num('check-minutes')),
  maxWaitSeconds: num('max-wait'),
  seed: num('seed'),
};
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const log = (m: string) => console.log(`[bench ${elapsed()}] ${m}`);

const { cleanups, run } = benchLifecycle(log);

const FOCUS_SECTORS = ['environment_water', 'agrifood', 'energy_cleantech'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const infra = await startInfra(log);
  cleanups.push(() => infra.stop());
  if (!infra.embeddedMeili) throw new Error('bench:outage stops and starts its own Meilisearch: unset BENCH_MEILI_HOST');
  const market = await startMarket(
    readConfig({
      NODE_ENV: 'production',
      DATABASE_URL: infra.databaseUrl,
      MEILI_HOST: infra.meiliHost,
      MEILI_MASTER_KEY: infra.meiliKey,
      MEILI_INDEX: infra.indexName,
      SEED_DEMO_DATA: 'false',
      DATA_DIR: infra.dataDir ?? '.bench-data',
      MATCHING_SWEEP_MINUTES: String(config.sweepMinutes),
      SEARCH_CHECK_MINUTES: String(config.checkMinutes),
    }),
    { log: (m) => log(`market: ${m}`) },
  );
  cleanups.push(() => market.stop());
  const ctx = market.context;

  // Organisations with one admin each, a curator, and people with saved searches.
  const total = config.before + config.listings;
  const { orgs, curator, actors } = await createBenchPeople(ctx.db, config.seed, Math.max(16, Math.ceil(total / 6)));
  for (let i = 0; i < config.savedSearches; i += 1) {
    const scout = actors.get(orgs[i % orgs.length]!.id)!;
    await saveSearch(ctx, scout, { name: `bench ${i + 1}`, query: `sector=${FOCUS_SECTORS[i % FOCUS_SECTORS.length]}&kind=${i % 2 ? 'offer' : 'demand'}` });
  }

  // Listings of a few sectors only, so that most have candidates of the other kind to match.
  const listings: SyntheticListing[] = [];
  for (const l of syntheticListings(config.seed, total * 20, orgs.map((o) => o.id))) {
    if (FOCUS_SECTORS.includes(l.sectors[0]!)) listings.push(l);
    if (listings.length === total) break;
  }
  const publish = async (l: SyntheticListing) => {
    const owner = actors.get(l.organisation_id)!;
    const { id } = await createListing(ctx, owner, toListingInput(l));
    await applyListingTransition(ctx, owner, id, 'submit');
    await applyListingTransition(ctx, curator, id, 'approve');
    return id;
  };

  log(`Publishing ${config.before} listing(s) with Meilisearch up…`);
  for (const l of listings.slice(0, config.before)) await publish(l);
  await waitUntil(async () => (await unfinished(market)).total === 0, 120_000);
  log('…indexed and matched.');

  log(`Stopping Meilisearch for ${config.outageSeconds} s; publishing ${config.listings} listing(s) meanwhile…`);
  await infra.embeddedMeili.stop();
  const outageStart = Date.now();
  const during = listings.slice(config.before);
  const spacing = (config.outageSeconds * 1000 * 0.8) / Math.max(1, during.length);
  const publishedDuring: string[] = [];
  for (const [i, l] of during.entries()) {
    publishedDuring.push(await publish(l));
    const next = outageStart + (i + 1) * spacing;
    if (next > Date.now()) await sleep(next - Date.now());
  }
  const atOutageEnd = await unfinished(market);
  log(`Published ${publishedDuring.length}; pending outbox ${atOutageEnd.pendingOutbox}, awaiting matching ${atOutageEnd.awaitingMatching}.`);
  await sleep(Math.max(0, outageStart + config.outageSeconds * 1000 - Date.now()));
  const jobsAtRestore = await publishedJobStates(market);
  await infra.embeddedMeili.start();
  const restored = Date.now();
  log(`Meilisearch is back after ${((restored - outageStart) / 1000).toFixed(0)} s. Waiting for the relay, retries, sweep and index check…`);

  let indexCaughtUpAfter: number | null = null;
  let matchingCaughtUpAfter: number | null = null;
  let cleanCheckAfter: number | null = null;
  let lastReport = 0;
  const deadline = restored + config.maxWaitSeconds * 1000;
  while (Date.now() < deadline) {
    const now = unfinished(market);
    const diff = await compareIndex(ctx.db, ctx.search).catch(() => null);
    const state = await now;
    const missing = diff ? diff.missing.length + diff.inFlight : null;
    const since = (Date.now() - restored) / 1000;
    if (indexCaughtUpAfter === null && missing === 0 && diff?.stale.length === 0 && diff?.extra.length === 0) indexCaughtUpAfter = since;
    if (matchingCaughtUpAfter === null && state.awaitingMatching === 0) matchingCaughtUpAfter = since;
    const clean = await ctx.db
      .selectFrom('search_index_checks')
      .select('id')
      .where('checked_at', '>=', new Date(restored))
      .where('error', 'is', null)
      .where('missing', '=', 0).where('stale', '=', 0).where('extra', '=', 0).where('in_flight', '=', 0)
      .executeTakeFirst();
    if (cleanCheckAfter === null && clean) cleanCheckAfter = since;
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      log(`  +${since.toFixed(0)} s: missing from index ${missing ?? '?'}, pending outbox ${state.pendingOutbox}, awaiting matching ${state.awaitingMatching}`);
    }
    if (indexCaughtUpAfter !== null && matchingCaughtUpAfter !== null && cleanCheckAfter !== null) break;
    await sleep(1000);
  }

  // The figures, read once more at the end.
  const diff = await compareIndex(ctx.db, ctx.search);
  const finalState = await unfinished(market);
  const withoutRun = await ctx.db
    .selectFrom('listings as l')
    .select('l.id')
    .where('l.id', 'in', publishedDuring)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('matching_runs as r').select('r.listing_id').whereRef('r.listing_id', '=', 'l.id').whereRef('r.listing_version', '=', 'l.version'))))
    .execute();
  const withoutMatches = await ctx.db
    .selectFrom('listings as l')
    .select('l.id')
    .where('l.id', 'in', publishedDuring)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('matches as m').select('m.score').where((eb) => eb.or([eb('m.demand_id', '=', eb.ref('l.id')), eb('m.offer_id', '=', eb.ref('l.id'))])))))
    .execute();
  const alerts = await sql<{ notifications: number; pairs: number }>`
    select (select count(*)::int from notifications where kind = 'saved_search_hit') as notifications,
           (select count(*)::int from saved_search_alerts) as pairs`.execute(ctx.db);
  const checks = await ctx.db.selectFrom('search_index_checks').selectAll().orderBy('id').execute();
  const jobsAtEnd = await publishedJobStates(market);

  const report = {
    date: new Date().toISOString(),
    machine: machineInfo({ atStart: true }),
    config,
    outage: {
      seconds: Math.round((restored - outageStart) / 1000),
      publishedDuringOutage: publishedDuring.length,
      atOutageEnd,
      listingPublishedJobsAtRestore: jobsAtRestore,
    },
    recovery: {
      indexCaughtUpSecondsAfterRestore: indexCaughtUpAfter,
      matchingCaughtUpSecondsAfterRestore: matchingCaughtUpAfter,
      cleanIndexCheckSecondsAfterRestore: cleanCheckAfter,
    },
    result: {
      publicListings: diff.publicListings,
      indexedDocuments: diff.indexedDocuments,
      missingFromIndex: diff.missing.length + diff.inFlight,
      staleInIndex: diff.stale.length,
      extraInIndex: diff.extra.length,
      pendingOutbox: finalState.pendingOutbox,
      publishedDuringOutageWithoutMatchingRun: withoutRun.length,
      publishedListingsAwaitingMatching: finalState.awaitingMatching,
      publishedDuringOutageWithNoStoredMatch: withoutMatches.length,
      savedSearchAlerts: alerts.rows[0]!.notifications,
      savedSearchAlertPairs: alerts.rows[0]!.pairs,
      listingPublishedJobsAtEnd: jobsAtEnd,
    },
    indexChecks: checks.map((c) => ({
      checkedAt: c.checked_at.toISOString(),
      secondsAfterRestore: Math.round((c.checked_at.getTime() - restored) / 1000),
      publicListings: c.public_listings,
      indexedDocuments: c.indexed_documents,
      missing: c.missing,
      stale: c.stale,
      extra: c.extra,
      inFlight: c.in_flight,
      requeued: c.requeued,
      deleted: c.deleted,
      error: c.error,
    })),
  };
  print(report);
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `outage-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`Wrote ${path.relative(process.cwd(), file)}`);
}

/** What is left to do: outbox rows not yet in the index, published listings not yet matched. */
async function unfinished(market: Market) {
  const ctx = market.context;
  const pending = await ctx.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('processed_at', 'is', null).executeTakeFirstOrThrow();
  const awaitingMatching = await countListingsAwaitingMatching(ctx);
  return { pendingOutbox: Number(pending.n), awaitingMatching, total: Number(pending.n) + awaitingMatching };
}

/** States of the `listing-published` jobs in pg-boss (retry = waiting for its next attempt). */
async function publishedJobStates(market: Market): Promise<Record<string, number>> {
  const rows = await sql<{ state: string; n: number }>`
    select state::text, count(*)::int as n from pgboss.job where name = 'listing-published' group by state
    union all
    select 'archived ' || state::text, count(*)::int from pgboss.archive where name = 'listing-published' group by state`.execute(market.context.db);
  return Object.fromEntries(rows.rows.map((r) => [r.state, r.n]));
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await sleep(500);
  }
  throw new Error('condition not met in time');
}


function print(report: {
  outage: { seconds: number; publishedDuringOutage: number };
  recovery: Record<string, number | null>;
  result: Record<string, unknown>;
  indexChecks: { secondsAfterRestore: number; publicListings: number; indexedDocuments: number; missing: number; stale: number; extra: number; inFlight: number; requeued: number; deleted: number; error: string | null }[];
}) {
  const r = report.result;
  const s = (n: number | null) => (n === null ? 'not within --max-wait' : `${n.toFixed(0)} s after restore`);
  console.log('');
  console.log(`Outage: Meilisearch down ${report.outage.seconds} s while ${report.outage.publishedDuringOutage} listings were published`);
  console.log(`  listings missing from the index          ${r.missingFromIndex}   (stale ${r.staleInIndex}, extra ${r.extraInIndex}; ${r.indexedDocuments} indexed of ${r.publicListings} public)`);
  console.log(`  published in the outage, no matching run ${r.publishedDuringOutageWithoutMatchingRun}   (all published listings awaiting matching: ${r.publishedListingsAwaitingMatching})`);
  console.log(`  published in the outage, no stored match ${r.publishedDuringOutageWithNoStoredMatch}   (a run may rightly find none)`);
  console.log(`  saved-search alerts                      ${r.savedSearchAlerts} for ${r.savedSearchAlertPairs} (search, listing) pairs`);
  console.log(`  index caught up                          ${s(report.recovery.indexCaughtUpSecondsAfterRestore ?? null)}`);
  console.log(`  matching caught up                       ${s(report.recovery.matchingCaughtUpSecondsAfterRestore ?? null)}`);
  console.log(`  first clean index check                  ${s(report.recovery.cleanIndexCheckSecondsAfterRestore ?? null)}`);
  console.log(`  listing-published jobs at the end        ${JSON.stringify(r.listingPublishedJobsAtEnd)}`);
  console.log('');
  console.log('Database-vs-index checks (the periodic job):');
  console.log('  after restore   public  indexed  missing  stale  extra  in flight  requeued  deleted  error');
  for (const c of report.indexChecks) {
    if (c.error) {
      console.log(`  ${`${c.secondsAfterRestore} s`.padStart(13)} ${'–'.padStart(8)} ${'–'.padStart(8)} ${'–'.padStart(8)} ${'–'.padStart(6)} ${'–'.padStart(6)} ${'–'.padStart(10)} ${'–'.padStart(9)} ${'–'.padStart(8)}  ${c.error}`);
      continue;
    }
    console.log(
      `  ${`${c.secondsAfterRestore} s`.padStart(13)} ${String(c.publicListings).padStart(8)} ${String(c.indexedDocuments).padStart(8)} ${String(c.missing).padStart(8)} ` +
        `${String(c.stale).padStart(6)} ${String(c.extra).padStart(6)} ${String(c.inFlight).padStart(10)} ${String(c.requeued).padStart(9)} ${String(c.deleted).padStart(8)}  ${c.error ?? ''}`,
    );
  }
}

run(main);
