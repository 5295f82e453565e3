// The HTTP path from Node to Meilisearch. The client's default `fetch` cost ~49 ms a query on
// these machines against ~3 ms for curl: fetch asks for gzip, Meilisearch then writes headers and
// body separately with Nagle on, and the body waits for the 40 ms delayed ACK (measured in
// docs/decisions/003-meilisearch-http-client.md). We ask for uncompressed answers, over a
// keep-alive agent that reuses connections.
import http from 'node:http';
import https from 'node:https';
import { setMaxListeners } from 'node:events';
import { MeilisearchApiError } from 'meilisearch';

/** Polls of the longest task wait (search/client.ts: 60 s every 25 ms), with room to spare. */
const WAIT_POLLS_MAX = 4096;

export type HttpClient = (input: string | URL | Request, init?: RequestInit) => Promise<unknown>;

export function createKeepAliveHttpClient(options: { maxSockets?: number } = {}): {
  request: HttpClient;
  close(): void;
} {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, scheduling: 'lifo' as const };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  const request: HttpClient = (input, init = {}) =>
    new Promise((resolve, reject) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => {
        headers[key] = value;
      });
      if (body) headers['content-length'] = String(body.length);
      headers['accept-encoding'] = 'identity';
      const transport = url.protocol === 'https:' ? https : http;
      const req = transport.request(
        url,
        { method: init.method ?? 'GET', headers, agent: url.protocol === 'https:' ? httpsAgent : httpAgent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const parsed = text === '' ? undefined : safeJson(text);
            const status = res.statusCode ?? 500;
            if (status >= 200 && status < 300) return resolve(parsed);
            reject(new MeilisearchApiError(new Response(text || null, { status }), parsed as never));
          });
        },
      );
      req.setNoDelay(true);
      req.on('error', reject);
      const signal = init.signal;
      if (signal) {
        // meilisearch-js 0.62 passes one signal to every poll of a task wait and leaves one
        // listener of its own on it per poll, freed when the wait ends: at most 2,400 for a
        // 60 s wait polled every 25 ms. Only this signal's limit is raised, so that a start
        // is quiet and any other leak still warns.
        setMaxListeners(WAIT_POLLS_MAX, signal);
        const abort = () => req.destroy(new Error('aborted'));
        signal.addEventListener('abort', abort, { once: true });
        req.on('close', () => signal.removeEventListener('abort', abort));
      }
      req.end(body);
    });

  return {
    request,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
