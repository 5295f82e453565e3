// The embedded PostgreSQL and Meilisearch of one data directory, run by one owner process
// at a time (see ownership.ts and docs/decisions/009-supervision.md):
// - the owner stops what a killed owner left running, starts both servers on free ports,
//   restarts them when they die (supervisor.ts) and stops them when it stops;
// - a process started beside a live owner shares its servers and never stops them.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedPostgresUrl, startEmbeddedPostgres } from '../../db/embedded.js';
import { startEmbeddedMeilisearch } from '../../search/embedded.js';
import {
  createLock,
  lockPath,
  readLock,
  removeLock,
  removeStaleLock,
  rewriteLock,
  self,
  type OwnershipRecord,
} from './ownership.js';
import { assertPortFree, StartupError } from './ports.js';
import { allPids, commandLine, environmentOf, identify, isRunning, terminate, type ProcessIdentity } from './processes.js';
import { supervise, type BackoffPolicy, type Running, type Supervised } from './supervisor.js';

export interface EmbeddedServers {
  /** URL of the market's database on the embedded PostgreSQL (null: none wanted). */
  databaseUrl: string | null;
  /** URL of the server's `postgres` database, to create the market's database (null when shared). */
  postgresAdminUrl: string | null;
  meiliHost: string | null;
  /** True when another live process owns the servers and this one only uses them. */
  shared: boolean;
  /** Tells newcomers at once that these servers are going away (stopping comes later). */
  announceStop(): void;
  stop(): Promise<void>;
}

export interface EmbeddedServersOptions {
  dataDir: string;
  postgres: { port: number } | null;
  meilisearch: { port: number; masterKey: string } | null;
  log: (message: string) => void;
  policy?: BackoffPolicy;
  /** How long to wait for an owner that is starting or stopping. */
  waitForOwnerMs?: number;
}

export async function startEmbeddedServers(options: EmbeddedServersOptions): Promise<EmbeddedServers> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const me = self();
  const deadline = Date.now() + (options.waitForOwnerMs ?? 180_000);
  let waitingSaid = false;
  for (;;) {
    const fresh: OwnershipRecord = {
      owner: me,
      state: 'starting',
      postgres: options.postgres ? { port: options.postgres.port, process: null } : null,
      meilisearch: options.meilisearch ? { port: options.meilisearch.port, process: null } : null,
    };
    if (createLock(file, fresh)) return startAsOwner(options, dataDir, file, fresh);

    const reading = readLock(file);
    if (reading.kind === 'live' && reading.record.state === 'running') return shareWithOwner(options, reading.record);
    if (reading.kind === 'stale') {
      await stopOrphans(reading.record, options.log);
      removeStaleLock(file, reading.record);
      continue;
    }
    if (reading.kind === 'none') continue;
    // Starting, stopping, or being written: wait for it to settle.
    if (Date.now() > deadline) {
      const owner = reading.kind === 'live' ? `OpenTEX (pid ${reading.record.owner.pid}) is still ${reading.record.state} its embedded servers` : `${file} stays unreadable`;
      throw new StartupError(`${owner}; stop it or remove ${file} if no OpenTEX runs.`);
    }
    if (!waitingSaid && reading.kind === 'live') {
      options.log(`Waiting for OpenTEX (pid ${reading.record.owner.pid}), which is ${reading.record.state} the embedded servers…`);
      waitingSaid = true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function shareWithOwner(options: EmbeddedServersOptions, record: OwnershipRecord): EmbeddedServers {
  const owner = `OpenTEX (pid ${record.owner.pid})`;
  if (options.postgres && !record.postgres) {
    throw new StartupError(`${owner} uses this data directory without an embedded PostgreSQL: set DATABASE_URL as it does, or stop it.`);
  }
  if (options.meilisearch && !record.meilisearch) {
    throw new StartupError(`${owner} uses this data directory without an embedded Meilisearch: set MEILI_HOST as it does, or stop it.`);
  }
  const pg = options.postgres && record.postgres;
  const meili = options.meilisearch && record.meilisearch;
  if (pg) options.log(`Using the embedded PostgreSQL of ${owner} on port ${pg.port}`);
  if (meili) options.log(`Using the embedded Meilisearch of ${owner} on port ${meili.port}`);
  return {
    databaseUrl: pg ? embeddedPostgresUrl(pg.port) : null,
    postgresAdminUrl: null,
    meiliHost: meili ? `http://127.0.0.1:${meili.port}` : null,
    shared: true,
    announceStop: () => {},
    stop: async () => {},
  };
}

async function startAsOwner(
  options: EmbeddedServersOptions,
  dataDir: string,
  file: string,
  record: OwnershipRecord,
): Promise<EmbeddedServers> {
  const { log } = options;
  const supervised: Supervised[] = [];
  const save = () => rewriteLock(file, record);
  const announceStop = () => {
    if (record.state === 'stopping') return;
    record.state = 'stopping';
    save();
  };
  const stop = async () => {
    announceStop();
    for (const server of supervised.reverse()) await server.stop().catch(() => {});
    removeLock(file);
  };
  try {
    let databaseUrl: string | null = null;
    let postgresAdminUrl: string | null = null;
    if (options.postgres) {
      const { port } = options.postgres;
      const pgDir = path.join(dataDir, 'postgres');
      await stopPostgresOrphan(pgDir, log);
      log(`Starting embedded PostgreSQL (${pgDir}, port ${port})…`);
      supervised.push(
        await supervise({
          name: 'PostgreSQL',
          log,
          policy: options.policy,
          start: async (): Promise<Running> => {
            await assertPortFree(port, 'EMBEDDED_PG_PORT');
            return startEmbeddedPostgres({ dataDir: pgDir, port, persistent: true });
          },
          onStarted: (run) => {
            record.postgres = { port, process: run.pid ? identify(run.pid) : null };
            save();
          },
        }),
      );
      log(`Embedded PostgreSQL is running (pid ${record.postgres?.process?.pid ?? '?'})`);
      databaseUrl = embeddedPostgresUrl(port);
      postgresAdminUrl = embeddedPostgresUrl(port, 'postgres');
    }
    let meiliHost: string | null = null;
    if (options.meilisearch) {
      const { port, masterKey } = options.meilisearch;
      const meiliDir = path.join(dataDir, 'meilisearch');
      await stopMeilisearchOrphan(meiliDir, log);
      log(`Starting embedded Meilisearch (${meiliDir}, port ${port})…`);
      supervised.push(
        await supervise({
          name: 'Meilisearch',
          log,
          policy: options.policy,
          start: async (): Promise<Running> => {
            await assertPortFree(port, 'EMBEDDED_MEILI_PORT');
            return startEmbeddedMeilisearch({ dataDir: meiliDir, port, masterKey });
          },
          onStarted: (run) => {
            record.meilisearch = { port, process: run.pid ? identify(run.pid) : null };
            save();
          },
        }),
      );
      log(`Embedded Meilisearch is running (pid ${record.meilisearch?.process?.pid ?? '?'})`);
      meiliHost = `http://127.0.0.1:${port}`;
    }
    record.state = 'running';
    save();
    return { databaseUrl, postgresAdminUrl, meiliHost, shared: false, announceStop, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Stops the servers a dead owner left running. */
async function stopOrphans(record: OwnershipRecord, log: (message: string) => void): Promise<void> {
  const stopped: string[] = [];
  const meili = record.meilisearch?.process;
  if (meili && isRunning(meili) && looksLike(meili, 'meilisearch')) {
    if (!(await terminate(meili, { signal: 'SIGTERM', forceSignal: 'SIGKILL', graceMs: 10_000 }))) {
      throw new StartupError(`Meilisearch (pid ${meili.pid}) left by an earlier OpenTEX does not stop; stop it by hand.`);
    }
    stopped.push(`Meilisearch (pid ${meili.pid})`);
  }
  const pg = record.postgres?.process;
  if (pg && isRunning(pg) && looksLike(pg, 'postgres')) {
    await stopPostgres(pg);
    stopped.push(`PostgreSQL (pid ${pg.pid})`);
  }
  const what = stopped.length ? `stopped ${stopped.join(' and ')} it left running` : 'nothing of it was still running';
  log(`The OpenTEX that owned these embedded servers (pid ${record.owner.pid}) is gone without stopping them; ${what}.`);
}

/**
 * A PostgreSQL still running on our data directory while we hold the lock has no owner
 * (left by a killed OpenTEX whose lock was removed, or by a version without one).
 */
async function stopPostgresOrphan(pgDir: string, log: (message: string) => void): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  const orphan = identify(pid);
  if (!orphan || !looksLike(orphan, 'postgres')) return;
  log(`Stopping PostgreSQL (pid ${pid}) left running on ${pgDir} by an OpenTEX that is gone…`);
  await stopPostgres(orphan);
}

/** The same for a Meilisearch serving our data directory (found by the database path it was given). */
async function stopMeilisearchOrphan(meiliDir: string, log: (message: string) => void): Promise<void> {
  const dbPath = path.join(meiliDir, 'data.ms');
  for (const pid of allPids()) {
    if (pid === process.pid || path.basename(commandLine(pid)[0] ?? '') !== 'meilisearch') continue;
    if (environmentOf(pid).MEILI_DB_PATH !== dbPath) continue;
    const orphan = identify(pid);
    if (!orphan) continue;
    log(`Stopping Meilisearch (pid ${pid}) left running on ${meiliDir} by an OpenTEX that is gone…`);
    if (!(await terminate(orphan, { signal: 'SIGTERM', forceSignal: 'SIGKILL', graceMs: 10_000 }))) {
      throw new StartupError(`Meilisearch (pid ${pid}) left by an earlier OpenTEX does not stop; stop it by hand.`);
    }
  }
}

async function stopPostgres(target: ProcessIdentity): Promise<void> {
  // SIGINT is PostgreSQL's fast shutdown (clean, rolls back open transactions); SIGQUIT its immediate one.
  if (!(await terminate(target, { signal: 'SIGINT', forceSignal: 'SIGQUIT', graceMs: 30_000 }))) {
    throw new StartupError(`PostgreSQL (pid ${target.pid}) left by an earlier OpenTEX does not stop; stop it by hand.`);
  }
}

/** Guards against signalling an unrelated process that got a recorded pid. */
function looksLike(target: ProcessIdentity, binary: string): boolean {
  const argv0 = commandLine(target.pid)[0];
  // Without /proc (not Linux) the start time already failed to tell; trust the record.
  return argv0 === undefined || path.basename(argv0).startsWith(binary);
}
