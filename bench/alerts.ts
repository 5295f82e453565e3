// `npm run bench:alerts`: a synthetic market plus 100,000 saved searches; listings are published
// one at a time and the time from publication (commit) to the saved-search notifications being
// in the database is measured: the listing-published job's index step (search/relay.ts) and then
// alertSavedSearches. Side by side in the same run, the previous path (one Meilisearch query per
// saved search, the code this replaced) on a capped sample of the saved searches, extrapolated
// linearly to all of them. Prints a table and writes bench/results/alerts-<date>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { listingQueryToParams, parseListingQuery } from '../app/domain/listing-query.js';
import { PROVINCE_CODES } from '../app/domain/provinces.js';
import { IP_STATUSES, ORGANISATION_TYPES, SECTORS, TRANSFER_MODES } from '../app/domain/taxonomy.js';
import { alertSavedSearches } from '../app/services/saved-searches.server.js';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { enqueueListingChanged } from '../db/outbox.js';
import { createSearch } from '../search/client.js';
import { searchListingsInIndex } from '../search/queries.js';
import { relayOutbox } from '../search/relay.js';
import { benchContext } from './lib/app-server.js';
import { startInfra } from './lib/infra.js';
import { benchLifecycle } from './lib/lifecycle.js';
import { indexMarket, loadMarket } from './lib/load.js';
import { createRng, foldDiacritics, type Rng } from './lib/prng.js';
import { machineInfo } from './lib/report.js';
import { syntheticListings } from './lib/synthetic-market.js';
import { SECTOR_TERMS } from './lib/vocabulary.js';

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string', default: '10000' },
    'saved-searches': { type: 'string', default: '100000' },
    users: { type: 'string', default: '5000' },
    publications: { type: 'string', default: '20' },
    'text-share': { type: 'string', default: '0.25' },
    'old-sample': { type: 'string', default: '1000' },
    'old-publications': { type: 'string', default: '3' },
    seed: { type: 'string', default: '20261129' },
  },
});
const int = (name: keyof typeof args) => {
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return n;
};
const config = {
  listings: Math.floor(int('listings')),
  savedSearches: Math.floor(int('saved-searches')),
  users: Math.max(1, Math.floor(int('users'))),
  publications: Math.max(1, Math.floor(int('publications'))),
  textShare: int('text-share'),
  oldSample: Math.max(1, Math.floor(int('old-sample'))),
  oldPublications: Math.floor(int('old-publications')),
  seed: Math.floor(int('seed')),
};
const log = (m: string) => console.log(`[bench] ${m}`);
const { cleanups, run } = benchLifecycle(log);

/** A saved search as a person would write it: mostly filters, a share with a few words. */
function savedSearchQuery(rng: Rng): string {
  const p = new URLSearchParams();
  const sector = rng.pick(SECTORS);
  if (rng.chance(config.textShare)) {
    const terms = rng.sample(SECTOR_TERMS[sector], rng.int(1, 2)).map((t) => t[rng.chance(0.6) ? 0 : 1]);
    const words = terms.join(' ').split(/\s+/).slice(0, 4).join(' ');
    p.set('q', rng.chance(0.5) ? foldDiacritics(words) : words);
    if (rng.chance(0.5)) p.append('sector', sector);
  } else {
    p.append('sector', sector);
    if (rng.chance(0.3)) p.append('sector', rng.pick(SECTORS));
  }
  if (rng.chance(0.5)) p.set('kind', rng.chance(0.5) ? 'offer' : 'demand');
  if (rng.chance(0.3)) p.set('trl_min', String(rng.int(3, 7)));
  if (rng.chance(0.1)) p.set('trl_max', '9');
  if (rng.chance(0.25)) p.append('province', rng.pick(PROVINCE_CODES));
  if (rng.chance(0.2)) p.append('mode', rng.pick(TRANSFER_MODES));
  if (rng.chance(0.1)) p.append('ip', rng.pick(IP_STATUSES));
  if (rng.chance(0.1)) p.append('org_type', rng.pick(ORGANISATION_TYPES));
  return p.toString();
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const summary = (xs: number[]) => ({ n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs) });
const ms = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const infra = await startInfra(log);
  cleanups.push(() => infra.stop());
  for (const line of infra.describe) log(line);
  const db = createDb(infra.databaseUrl);
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  const search = createSearch({ host: infra.meiliHost, apiKey: infra.meiliKey, indexName: infra.indexName });
  cleanups.push(async () => search.close());
  const ctx = benchContext(db, search);

  log(`Loading ${config.listings.toLocaleString('en')} listings…`);
  const loaded = await loadMarket(db, { seed: config.seed, listings: config.listings });
  const indexed = await indexMarket(db, search, { batchSize: 5000 });
  log(`Loaded in ${loaded.seconds.toFixed(1)} s, indexed in ${indexed.seconds.toFixed(1)} s`);

  const orgIds = (await db.selectFrom('organisations').select('id').execute()).map((o) => o.id);
  const rng = createRng(config.seed + 1);
  const userIds: string[] = [];
  for (let i = 0; i < config.users; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, config.users - i) }, (_, j) => ({
      email: `watcher-${i + j}@bench.test`, name: `watcher ${i + j}`, organisation_id: rng.pick(orgIds), role: 'member' as const, password_hash: 'x',
    }));
    userIds.push(...(await db.insertInto('users').values(rows).returning('id').execute()).map((r) => r.id));
  }
  const started = performance.now();
  let withText = 0;
  for (let i = 0; i < config.savedSearches; i += 2000) {
    const rows = Array.from({ length: Math.min(2000, config.savedSearches - i) }, (_, j) => {
      const query = parseListingQuery(new URLSearchParams(savedSearchQuery(rng)));
      if (query.q) withText += 1;
      return {
        // Stored as saveSearch stores it: the normalised query string beside its columns.
        user_id: rng.pick(userIds), name: `search ${i + j}`, query: listingQueryToParams({ ...query, page: 1, sort: query.q ? 'relevance' : 'newest' }).toString(),
        q: query.q, kind: query.kind, trl_min: query.trlMin, trl_max: query.trlMax, sectors: query.sectors, transfer_modes: query.transferModes,
        ip_statuses: query.ipStatuses, provinces: query.provinces, organisation_types: query.organisationTypes,
      };
    });
    await db.insertInto('saved_searches').values(rows).execute();
  }
  await sql`analyze`.execute(db);
  log(`${config.savedSearches.toLocaleString('en')} saved searches (${withText.toLocaleString('en')} with a text) of ${config.users} people in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Publications: new listings committed as published with their outbox row, as approval does.
  const fresh = [...syntheticListings(config.seed + 2, config.publications, orgIds)];
  const rows: { indexMs: number; alertMs: number; totalMs: number; alerts: number }[] = [];
  const old: { ms: number; asked: number; alerts: number }[] = [];
  for (const [n, listing] of fresh.entries()) {
    const l = { ...listing, status: 'published' as const, published_at: new Date() };
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('listings').values(l).execute();
      await enqueueListingChanged(trx, [l.id]);
    });
    const t0 = performance.now();
    await relayOutbox(db, search);
    const t1 = performance.now();
    const alerts = await alertSavedSearches(ctx, l.id);
    const t2 = performance.now();
    rows.push({ indexMs: ms(t1 - t0), alertMs: ms(t2 - t1), totalMs: ms(t2 - t0), alerts });
    log(`publication ${n + 1}: indexed ${ms(t1 - t0)} ms, ${alerts} alerts in ${ms(t2 - t1)} ms`);
    if (n < config.oldPublications) old.push(await oldPath(l.id, l.organisation_id));
  }
  const perSearch = old.map((o) => o.ms / o.asked);
  const oldExtrapolatedMs = perSearch.map((x) => x * config.savedSearches);

  const report = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    config: { ...config, savedSearchesWithText: withText, organisations: loaded.organisations },
    note: 'Publication → alert: the job\'s index step (relayOutbox) plus alertSavedSearches, after commit; pg-boss pickup latency is not included. The old path ran on a sample of saved searches and is extrapolated linearly.',
    new: { indexMs: summary(rows.map((r) => r.indexMs)), alertMs: summary(rows.map((r) => r.alertMs)), totalMs: summary(rows.map((r) => r.totalMs)), alerts: rows.map((r) => r.alerts) },
    old: { sample: config.oldSample, runs: old, msPerSavedSearch: summary(perSearch.map(ms)), extrapolatedMsFor: config.savedSearches, extrapolatedMs: summary(oldExtrapolatedMs.map(Math.round)) },
  };
  const t = report.new.totalMs;
  const e = report.old.extrapolatedMs;
  console.log('\n| path | publications | p50 | p95 | max |\n| --- | --- | --- | --- | --- |');
  console.log(`| new: publication → alerts in DB (${config.savedSearches.toLocaleString('en')} saved searches) | ${t.n} | ${t.p50} ms | ${t.p95} ms | ${t.max} ms |`);
  console.log(`| new: of which alertSavedSearches | ${t.n} | ${report.new.alertMs.p50} ms | ${report.new.alertMs.p95} ms | ${report.new.alertMs.max} ms |`);
  if (old.length) {
    console.log(`| old: one query per saved search, measured on ${config.oldSample.toLocaleString('en')}, per search | ${old.length} | ${report.old.msPerSavedSearch.p50} ms | ${report.old.msPerSavedSearch.p95} ms | ${report.old.msPerSavedSearch.max} ms |`);
    console.log(`| old: extrapolated to ${config.savedSearches.toLocaleString('en')} | ${old.length} | ${(e.p50 / 1000).toFixed(0)} s | ${(e.p95 / 1000).toFixed(0)} s | ${(e.max / 1000).toFixed(0)} s |`);
  }
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `alerts-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`Wrote ${path.relative(process.cwd(), file)}`);

  /** The previous alertSavedSearches' work for one listing: one search per saved search (capped sample, nothing written). */
  async function oldPath(listingId: string, organisationId: string) {
    const searches = await db
      .selectFrom('saved_searches as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.query', 'u.organisation_id'])
      .where('u.removed_at', 'is', null)
      .orderBy('s.id')
      .limit(config.oldSample)
      .execute();
    const t0 = performance.now();
    let alerts = 0;
    for (const s of searches) {
      if (s.organisation_id === organisationId) continue;
      const query = parseListingQuery(new URLSearchParams(s.query));
      const { cards } = await searchListingsInIndex(search, { ...query, page: 1, perPage: 1 }, { facets: false, extraFilter: [`id = "${listingId}"`] });
      if (cards.length) alerts += 1;
    }
    return { ms: ms(performance.now() - t0), asked: searches.length, alerts };
  }
}

run(main);
