// `npm run bench:reindex [-- --listings N --seed N --rounds N]`: the app's full reindex (`npm run reindex`:
// read PostgreSQL, build documents, index beside the live index, swap) beside raw Meilisearch
// indexing the very same documents with the same settings into a fresh index, in one run.
// Prints both and their ratio (goal: app ≤ 1.1 × raw); writes bench/results/reindex-<date>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { publicListingRows } from '../db/public-listings.js';
import { createSearch } from '../search/client.js';
import { toListingDocuments } from '../search/documents.js';
import { createListingIndex } from '../search/index-setup.js';
import { reindexListings } from '../search/reindex.js';
import { startInfra } from './lib/infra.js';
import { indexMarket, loadMarket } from './lib/load.js';
import { benchLifecycle } from './lib/lifecycle.js';
import { machineInfo } from './lib/report.js';

const { values: args } = parseArgs({ options: { listings: { type: 'string', default: '100000' }, seed: { type: 'string', default: '20261122' }, batch: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '2' } } });
const config = { listings: Number(args.listings), seed: Number(args.seed), batch: Number(args.batch), rounds: Number(args.rounds) };
for (const [k, v] of Object.entries(config)) if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a whole number ≥ 1`);
const log = (m: string) => console.log(`[bench:reindex] ${m}`);
const { cleanups, run } = benchLifecycle(log);

async function main() {
  const infra = await startInfra(log);
  cleanups.push(() => infra.stop());
  const db = createDb(infra.databaseUrl);
  cleanups.push(() => db.destroy());
  const search = createSearch({ host: infra.meiliHost, apiKey: infra.meiliKey, indexName: infra.indexName, timeoutMs: 120_000 });
  cleanups.push(async () => search.close());
  await migrateToLatest(db);
  log(`Generating and loading ${config.listings.toLocaleString('en')} listings…`);
  await loadMarket(db, { seed: config.seed, listings: config.listings });
  await indexMarket(db, search, { batchSize: 5000 });

  // Both in turn, twice: on these shared machines one run of either varies by ±5 %.
  const documents = await toListingDocuments(db, await publicListingRows(db).orderBy('l.id').execute());
  const appRuns: number[] = [];
  const rawRuns: number[] = [];
  let indexed = 0;
  for (let round = 1; round <= config.rounds; round += 1) {
    log(`Round ${round}: the app’s reindex (npm run reindex)…`);
    const t0 = performance.now();
    indexed = (await reindexListings(db, search, { batchSize: config.batch })).indexed;
    appRuns.push((performance.now() - t0) / 1000);
    log(`Round ${round}: raw Meilisearch, the same documents (built beforehand, not timed), the same settings, a fresh index…`);
    const raw = `${infra.indexName}_raw`;
    const t1 = performance.now();
    await createListingIndex(search, raw);
    const tasks = [];
    for (let i = 0; i < documents.length; i += config.batch) tasks.push(await search.client.index(raw).addDocuments(documents.slice(i, i + config.batch), { primaryKey: 'id' }));
    for (const task of tasks) {
      const done = await search.client.tasks.waitForTask(task.taskUid, { timeout: 600_000 });
      if (done.status !== 'succeeded') throw new Error(`Raw indexing failed: ${done.error?.message}`);
    }
    rawRuns.push((performance.now() - t1) / 1000);
    await search.client.deleteIndex(raw).waitTask({ timeout: 600_000 });
    log(`Round ${round}: app ${appRuns.at(-1)!.toFixed(1)} s, raw ${rawRuns.at(-1)!.toFixed(1)} s`);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const appSeconds = mean(appRuns);
  const rawSeconds = mean(rawRuns);

  const ratio = Math.round((appSeconds / rawSeconds) * 100) / 100;
  const report = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    config: { ...config, indexed, documents: documents.length },
    appRuns: appRuns.map((s) => Math.round(s * 10) / 10),
    rawRuns: rawRuns.map((s) => Math.round(s * 10) / 10),
    appSeconds: Math.round(appSeconds * 10) / 10,
    rawSeconds: Math.round(rawSeconds * 10) / 10,
    ratio,
    target: { ratioAtMost: 1.1, met: ratio <= 1.1 },
  };
  console.log(`\nreindex of ${indexed.toLocaleString('en')} listings: app ${report.appSeconds} s, raw Meilisearch ${report.rawSeconds} s (same documents and settings; mean of ${config.rounds} rounds each, in turn)`);
  console.log(`app / raw: ×${ratio.toFixed(2)}; target ≤ ×1.1: ${report.target.met ? 'met' : 'NOT met'}\n`);
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `reindex-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`Figures written to ${path.relative(process.cwd(), file)}`);
}

run(main);
