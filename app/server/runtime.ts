// Brings the market's parts up in order — PostgreSQL, Meilisearch, migrations, demo data,
// the job queue — and down again in reverse. Used by `npm start`, the CLIs and the tests.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createDb, type Database } from '../../db/connection.js';
import { ensureDatabase } from '../../db/create-database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { DEMO_PASSWORD, isSeeded, readSeedFiles } from '../../db/seed.js';
import { seedDemoDeals, seedDemoMarket, seedDemoVerifications } from '../services/demo-market.server.js';
import { refreshMarketFacts } from '../services/market-figures.server.js';
import { createSearch } from '../../search/client.js';
import { applyListingSettings, ensureListingIndex } from '../../search/index-setup.js';
import { relayOutbox } from '../../search/relay.js';
import type { Config } from '../config.server.js';
import type { AppContext } from '../context.server.js';
import { hashPassword } from '../auth/password.server.js';
import { rematchAll } from '../services/matching.server.js';
import { stripeCardProvider } from '../payments/stripe.server.js';
import { startEmbeddedServers } from './embedded-servers.js';
import { startJobs, type JobRunner } from './jobs.js';
import { logSender, smtpSender } from './mailer.js';

export interface Market {
  context: AppContext;
  databaseUrl: string;
  meiliHost: string;
  stop(): Promise<void>;
}

export type Log = (message: string) => void;

export async function startMarket(
  config: Config,
  options: { log?: Log; jobs?: boolean } = {},
): Promise<Market> {
  const log = options.log ?? (() => {});
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  let announceStop = () => {};
  const stopAll = async () => {
    stopping = true;
    announceStop();
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  try {
    let databaseUrl = config.databaseUrl;
    let meiliHost = config.meiliHost;
    let meiliKey = config.meiliMasterKey;
    if (databaseUrl) log(`Using PostgreSQL at ${redact(databaseUrl)}`);
    if (meiliHost) log(`Using Meilisearch at ${meiliHost}`);
    if (!databaseUrl || !meiliHost) {
      if (!meiliHost) meiliKey = embeddedMasterKey(config.dataDir);
      const embedded = await startEmbeddedServers({
        dataDir: config.dataDir,
        postgres: databaseUrl ? null : { port: config.embeddedPgPort },
        meilisearch: meiliHost ? null : { port: config.embeddedMeiliPort, masterKey: meiliKey ?? '' },
        log,
      });
      announceStop = () => embedded.announceStop();
      stops.push(() => embedded.stop());
      if (embedded.postgresAdminUrl) await ensureDatabase(embedded.postgresAdminUrl, 'opentex');
      databaseUrl = databaseUrl ?? embedded.databaseUrl;
      meiliHost = meiliHost ?? embedded.meiliHost;
    }
    if (!databaseUrl || !meiliHost) throw new Error('No PostgreSQL or Meilisearch to use');

    const db = createDb(databaseUrl);
    stops.push(() => db.destroy());
    const applied = await migrateToLatest(db);
    log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database schema is up to date');

    const search = createSearch({ host: meiliHost, apiKey: meiliKey ?? '', indexName: config.meiliIndex });
    stops.push(async () => search.close());

    const freshlySeeded = config.seedDemoData && !(await isSeeded(db));
    if (freshlySeeded) await seedWithProgress(db, log);
    if (config.seedDemoData) printDemoAccounts(log);
    await ensureListingIndex(search, config.meiliIndex)
      .then(() => applyListingSettings(search, config.meiliIndex))
      .catch((e) => log(`Meilisearch not ready: ${String(e)}`));
    const relayed = await relayOutbox(db, search).catch((e) => {
      log(`Search index not updated yet (${String(e)}); the relay will retry.`);
      return null;
    });
    if (relayed?.relayed) log(`Indexed ${relayed.relayed} listing change(s) in Meilisearch`);

    const base = {
      db,
      search,
      clock: () => new Date(),
      publicUrl: config.publicUrl,
      smtpConfigured: config.smtp !== null,
      devMailbox: config.devMailbox ? randomBytes(16).toString('hex') : null,
      payments: { card: config.stripe ? stripeCardProvider(config.stripe) : null },
    };
    if (!config.stripe) log('No STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: card payment is shown as unavailable; bank transfer works.');
    if (!config.smtp) log('No SMTP_URL: emails are printed to this log instead of being sent.');
    if (base.devMailbox) log(`Development mailbox on (DEV_MAILBOX=true), for this machine only: http://localhost:${config.port}/dev/mailbox?key=${base.devMailbox}`);
    let jobs: JobRunner | null = null;
    if (options.jobs !== false) {
      jobs = await startJobs({
        databaseUrl,
        context: base,
        sendEmail: config.smtp ? smtpSender(config.smtp) : logSender(log),
        log,
        intervals: config.searchJobs,
        onError: (e) => {
          // Connections closing while we shut down are expected, not news.
          if (!stopping) log(`Job queue: ${String(e)}`);
        },
      });
      const runner = jobs;
      stops.push(() => runner.stop());
    }
    const context: AppContext = {
      ...base,
      jobs: jobs ?? { enqueue: async () => {} },
    };
    if (freshlySeeded) {
      const deals = await seedDemoDeals(context);
      if (deals) log(`Seeded ${deals} demo deals, one at each stage`);
      await seedDemoVerifications(context);
      // The statistics show the demo market at once, not after the first scheduled refresh.
      await refreshMarketFacts(context.db);
      await matchWithProgress(context, log);
    }
    return { context, databaseUrl, meiliHost, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function seedWithProgress(db: Database, log: Log) {
  let last = -1;
  const result = await seedDemoMarket(db, {
    hashPassword,
    onProgress: (done, total) => {
      const pct = Math.floor((done / total) * 100);
      if (pct >= last + 10 || done === total) {
        last = pct;
        log(`Seeding demo data… ${pct}% (${done}/${total})`);
      }
    },
  });
  log(`Seeded ${result.organisations} organisations, ${result.listings} listings and ${result.users.length} demo accounts`);
}

async function matchWithProgress(ctx: AppContext, log: Log) {
  let last = -1;
  await rematchAll(ctx, (done, total) => {
    const pct = Math.floor((done / total) * 100);
    if (pct >= last + 20 || done === total) {
      last = pct;
      log(`Matching offers and demands… ${pct}% (${done}/${total})`);
    }
  }).catch((e) => log(`Matching skipped (${String(e)}); run npm run rematch later.`));
}

function printDemoAccounts(log: Log) {
  log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const u of readSeedFiles().users) {
    const what = u.platform_admin ? 'platform admin' : u.org === 'opentex-hn' ? 'curator (city agency)' : `${u.role} of ${u.org}`;
    log(`  ${u.email.padEnd(32)} ${what}`);
  }
}

/** The embedded Meilisearch gets a random master key, kept beside its data. */
function embeddedMasterKey(dataDir: string): string {
  const file = path.join(dataDir, 'meilisearch-master-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(24).toString('hex');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]+@/, '//$1:***@');
}

