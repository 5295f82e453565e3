// An HTTP proxy in front of Meilisearch that can hold the next document write: a test uses it
// to stop a relay run between reading the listings and Meilisearch receiving what it sends.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  url: string;
  /** Arms a hold on the next request that writes documents. */
  holdNextWrite(): { reached: Promise<{ method: string; path: string }>; release(): void };
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  let armed: { reached: (r: { method: string; path: string }) => void; released: Promise<void> } | null = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const path = req.url ?? '/';
      const hold = armed && req.method !== 'GET' && /\/documents/.test(path) ? armed : null;
      if (hold) {
        armed = null;
        hold.reached({ method: req.method ?? '', path });
        await hold.released;
      }
      const upstream = http.request(new URL(path, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    holdNextWrite() {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const reached = new Promise<{ method: string; path: string }>((r) => {
        armed = { reached: r, released };
      });
      return { reached, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
