// The built Remix app (npm run build) served over real HTTP on a free port, on a test market.
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../../app/context.server.js';
import { createHttpApp } from '../../app/server/http-server.js';

export async function startTestServer(
  ctx: AppContext,
  options: { trustProxy?: boolean | number | string[] } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const app = await createHttpApp(ctx, 'build/index.js', options);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
