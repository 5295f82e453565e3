// The real app (the Remix build behind Express, app/server/http-server.ts) served in this
// process on a random port, over an AppContext built as app/server/runtime.ts builds it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext, Jobs } from '../../app/context.server.js';
import { createHttpApp } from '../../app/server/http-server.js';
import type { Database } from '../../db/connection.js';
import type { Search } from '../../search/client.js';

export const BUILD = 'build/index.js';

/** `npx remix build` when there is no server build yet. */
export function ensureBuild(log: (m: string) => void): void {
  if (existsSync(BUILD)) return;
  log(`${BUILD} is missing: running npx remix build…`);
  const run = spawnSync('npx', ['remix', 'build'], { stdio: 'inherit', env: { ...process.env, VITE_CJS_IGNORE_WARNING: 'true' } });
  if (run.status !== 0 || !existsSync(BUILD)) throw new Error('npx remix build failed');
}

export function benchContext(db: Database, search: Search): AppContext {
  return {
    db,
    search,
    clock: () => new Date(),
    publicUrl: 'http://127.0.0.1',
    smtpConfigured: false,
    devMailbox: null,
    // Nothing is written during the bench: every background job it could ask for is a no-op.
    jobs: new Proxy({} as Jobs, { get: () => async () => {} }),
  };
}

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

export async function startApp(context: AppContext): Promise<AppServer> {
  const app = await createHttpApp(context, BUILD);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
