// Runs the real `tsx app/server/main.ts` (and the other CLIs) as an operator would, on a
// throw-away data directory and free ports, and finds the embedded servers it leaves behind
// by looking at the processes themselves (not at what the app says about them).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Instance {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  httpPort: number;
}

export interface Run {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

const started: Run[] = [];
const dirs: string[] = [];

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function newInstance(): Promise<Instance> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'opentex-process-'));
  dirs.push(dataDir);
  const [httpPort, pgPort, meiliPort] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'MEILI_HOST', 'MEILI_MASTER_KEY', 'SMTP_URL', 'PUBLIC_URL']) delete env[name];
  Object.assign(env, {
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(httpPort),
    EMBEDDED_PG_PORT: String(pgPort),
    EMBEDDED_MEILI_PORT: String(meiliPort),
    SEED_DEMO_DATA: 'false',
  });
  return { env, dataDir, httpPort };
}

/**
 * `tsx <script>` in its own process group, as `npm start` runs it; `via: 'npm'` puts npm and
 * its shell above it as `npm start` does (without `npm start`'s build, which other test files read).
 */
export function run(instance: Instance, script = 'app/server/main.ts', options: { via?: 'tsx' | 'npm' } = {}): Run {
  const [command, args] =
    options.via === 'npm' ? ['npm', ['exec', '--offline', '--', 'tsx', script]] : [path.resolve('node_modules/.bin/tsx'), [script]];
  const child = spawn(command, args, {
    env: instance.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const notify of listeners) notify();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
      for (const notify of listeners) notify();
    });
  });
  const runHandle: Run = {
    child,
    output: () => output,
    exited,
    waitFor: (pattern, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) done(() => resolve(match));
          else if (child.exitCode !== null || child.signalCode !== null)
            done(() => reject(new Error(`exited before ${pattern}:\n${output}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
  };
  started.push(runHandle);
  return runHandle;
}

/** GET /api/v1/health; the status, or 0 when nothing answers. */
export async function health(instance: Instance): Promise<number> {
  try {
    const response = await fetch(`http://127.0.0.1:${instance.httpPort}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function eventually(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stat(pid: number): { state: string; ppid: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]) };
  } catch {
    return null;
  }
}

export function alive(pid: number): boolean {
  const s = stat(pid);
  return s !== null && s.state !== 'Z' && s.state !== 'X';
}

export function parentOf(pid: number): number | null {
  return stat(pid)?.ppid ?? null;
}

/**
 * The PostgreSQL postmaster and the Meilisearch serving this instance's data directory,
 * wherever they came from: found by PostgreSQL's `-D` argument and Meilisearch's MEILI_DB_PATH.
 */
export function serversOf(instance: Instance): { postgres: number[]; meilisearch: number[] } {
  const found = { postgres: [] as number[], meilisearch: [] as number[] };
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!alive(pid)) continue;
    const bin = path.basename(argv[0] ?? '');
    if (bin === 'postgres' && argv[1] === '-D' && argv[2]?.startsWith(instance.dataDir)) found.postgres.push(pid);
    if (bin === 'meilisearch') {
      let environ = '';
      try {
        environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      } catch {
        continue;
      }
      if (environ.split('\0').includes(`MEILI_DB_PATH=${path.join(instance.dataDir, 'meilisearch', 'data.ms')}`)) found.meilisearch.push(pid);
    }
  }
  return found;
}

/** The node process that runs the app: tsx runs it with its loader, below npm and sh if any. */
export function appPid(runHandle: Run): number | null {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  const children = (parent: number) => pids.filter((pid) => parentOf(pid) === parent);
  const queue = runHandle.child.pid ? [runHandle.child.pid] : [];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    let argv: string[] = [];
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (argv.some((a) => a.includes('tsx/dist/loader'))) return pid;
    queue.push(...children(pid));
  }
  return null;
}

/** Kills everything the tests started, orphans included, and removes the data directories. */
export async function cleanUp(): Promise<void> {
  for (const r of started.splice(0)) {
    if (!r.child.pid) continue;
    try {
      process.kill(-r.child.pid, 'SIGKILL');
    } catch {
      // the group is gone
    }
  }
  const instances = dirs.map((dataDir) => ({ dataDir }) as Instance);
  const leftovers = () => instances.flatMap((i) => Object.values(serversOf(i)).flat());
  for (const pid of leftovers()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  await eventually('the test servers are gone', () => leftovers().length === 0, 30_000).catch(() => {});
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
