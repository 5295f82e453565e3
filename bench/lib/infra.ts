// The bench's own PostgreSQL and Meilisearch: embedded servers on free 59xxx ports with their
// data under .bench-data/<pid> (removed at the end), or the servers named by BENCH_DATABASE_URL /
// BENCH_MEILI_HOST + BENCH_MEILI_MASTER_KEY. Never the app's .data/ or its databases/indexes.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, rmdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { dropDatabase, ensureDatabase } from '../../db/create-database.js';
import { startEmbeddedPostgres } from '../../db/embedded.js';
import { startEmbeddedMeilisearch } from '../../search/embedded.js';

export interface BenchInfra {
  databaseUrl: string;
  meiliHost: string;
  meiliKey: string;
  indexName: string;
  /** Where the embedded servers keep their data, or null when both are external. */
  dataDir: string | null;
  /** The embedded Meilisearch, to stop and start again on the same data (null when external). */
  embeddedMeili: { stop(): Promise<void>; start(): Promise<void> } | null;
  describe: string[];
  stop(): Promise<void>;
}

const DATABASE = 'opentex_bench';

/**
 * `search: false`: no Meilisearch at all (a bench whose writes never reach search, such as deals);
 * `meiliHost` then names a free port nothing listens on, so a stray call fails at once.
 */
export async function startInfra(log: (m: string) => void, options: { search?: boolean } = {}): Promise<BenchInfra> {
  const root = path.resolve('.bench-data');
  const dataDir = path.join(root, String(process.pid));
  const stops: (() => Promise<void>)[] = [];
  const describe: string[] = [];
  let usedDir = false;
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => {});
    if (usedDir) {
      rmSync(dataDir, { recursive: true, force: true });
      try {
        if (readdirSync(root).length === 0) rmdirSync(root);
      } catch {
        // another bench still uses it
      }
    }
  };
  try {
    let adminUrl = process.env.BENCH_DATABASE_URL;
    if (adminUrl) {
      describe.push(`PostgreSQL: BENCH_DATABASE_URL, database ${DATABASE}_${process.pid} (dropped at the end)`);
    } else {
      const port = await freePort(59_000 + (process.pid % 400) * 2);
      usedDir = true;
      log(`Starting embedded PostgreSQL on port ${port} (${path.relative(process.cwd(), dataDir)}/pg)…`);
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port, persistent: false });
      // On Ctrl-C the terminal signals PostgreSQL too; pg.stop() then waits for an exit that has
      // already happened, so it gets a deadline.
      stops.push(() => withDeadline(pg.stop(), 15_000));
      adminUrl = pg.adminUrl();
      describe.push(`PostgreSQL: embedded, port ${port}`);
    }
    const database = `${DATABASE}_${process.pid}`;
    await dropDatabase(adminUrl, database);
    await ensureDatabase(adminUrl, database);
    const admin = adminUrl;
    stops.push(() => dropDatabase(admin, database));
    const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${database}`);

    let meiliHost = process.env.BENCH_MEILI_HOST;
    let meiliKey = process.env.BENCH_MEILI_MASTER_KEY ?? '';
    const indexName = `bench_listings_${process.pid}`;
    let embeddedMeili: BenchInfra['embeddedMeili'] = null;
    if (options.search === false) {
      meiliHost = `http://127.0.0.1:${await freePort(59_001 + (process.pid % 400) * 2)}`;
      meiliKey = '';
      describe.push(`Meilisearch: not started (the search client points at ${meiliHost}, where nothing listens)`);
    } else if (meiliHost) {
      describe.push(`Meilisearch: BENCH_MEILI_HOST ${meiliHost}, index ${indexName} (deleted at the end)`);
      const [host, key] = [meiliHost, meiliKey];
      stops.push(async () => {
        await fetch(`${host}/indexes/${indexName}`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
      });
    } else {
      const port = await freePort(59_001 + (process.pid % 400) * 2);
      usedDir = true;
      meiliKey = randomBytes(16).toString('hex');
      log(`Starting embedded Meilisearch on port ${port} (${path.relative(process.cwd(), dataDir)}/meili)…`);
      const options = { dataDir: path.join(dataDir, 'meili'), port, masterKey: meiliKey };
      let meili: Awaited<ReturnType<typeof startEmbeddedMeilisearch>> | null = await startEmbeddedMeilisearch(options);
      stops.push(async () => meili?.stop());
      meiliHost = meili.host;
      embeddedMeili = {
        async stop() {
          await meili?.stop();
          meili = null;
        },
        async start() {
          meili ??= await startEmbeddedMeilisearch(options);
        },
      };
      describe.push(`Meilisearch: embedded, port ${port}`);
    }
    return {
      databaseUrl,
      meiliHost,
      meiliKey,
      indexName,
      dataDir: usedDir ? dataDir : null,
      embeddedMeili,
      describe,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The first port from `start` (stepping by 2, within 59xxx) that nothing listens on. */
async function freePort(start: number): Promise<number> {
  for (let port = start; port < 60_000; port += 2) {
    if (await canListen(port)) return port;
  }
  throw new Error('No free port in 59xxx');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function withDeadline(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
