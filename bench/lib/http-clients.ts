// Per-query latency of the HTTP path from Node to Meilisearch, one query at a time: the
// meilisearch client on Node's global fetch (its default) against the same client on our
// keep-alive node:http client (search/http.ts). Same queries, same JSON, same server.
// Two more rows swap only the Accept-Encoding header, which is what decides the outcome
// (see docs/decisions/003-meilisearch-http-client.md): fetch asks for gzip, node:http asks for nothing.
import { Meilisearch, type SearchParams } from 'meilisearch';
import { createSearch } from '../../search/client.js';
import { createKeepAliveHttpClient } from '../../search/http.js';
import { summarise } from './drive.js';
import type { BenchQuery } from './query-mix.js';

export interface ClientFigures {
  name: string;
  /** The very first query of a fresh client (connection set-up included), ms. */
  first: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  rounds: number;
}

export async function compareHttpClients(
  meili: { host: string; apiKey: string; indexName: string },
  queries: readonly BenchQuery[],
  rounds: number,
): Promise<ClientFigures[]> {
  const { host, apiKey, indexName } = meili;
  const fetchClient = new Meilisearch({ host, apiKey, timeout: 3000 });
  const fetchIdentity = new Meilisearch({ host, apiKey, timeout: 3000, requestInit: { headers: { 'accept-encoding': 'identity' } } });
  const ours = createSearch({ host, apiKey, indexName });
  const oursGzip = createKeepAliveHttpClient();
  // Diagnostic only: search/http.ts does not decode gzip, so these answers stay unparsed text.
  const oursAskingGzip = new Meilisearch({ host, apiKey, timeout: 3000, httpClient: oursGzip.request, requestInit: { headers: { 'accept-encoding': 'gzip' } } });
  try {
    return [
      await measure('global fetch (meilisearch default)', fetchClient, indexName, queries, rounds),
      await measure('global fetch, Accept-Encoding: identity', fetchIdentity, indexName, queries, rounds),
      await measure('search/http.ts (keep-alive node:http)', ours.client, indexName, queries, rounds),
      await measure('search/http.ts, Accept-Encoding: gzip', oursAskingGzip, indexName, queries, rounds),
    ];
  } finally {
    ours.close();
    oursGzip.close();
  }
}

async function measure(
  name: string,
  client: Meilisearch,
  indexName: string,
  queries: readonly BenchQuery[],
  rounds: number,
): Promise<ClientFigures> {
  const index = client.index(indexName);
  const bodies = queries.map((query) => JSON.parse(query.meiliBody) as SearchParams & { q: string });
  const run = async (i: number) => {
    const { q, ...params } = bodies[i % bodies.length]!;
    const t0 = performance.now();
    await index.search(q, params);
    return performance.now() - t0;
  };
  const first = await run(0);
  for (let i = 1; i <= 20; i += 1) await run(i); // warm-up: JIT, connection pool
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) times.push(await run(i));
  return { name, first: Math.round(first * 100) / 100, ...summarise(times), rounds };
}
