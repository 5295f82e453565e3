import { Meilisearch, MeilisearchError, type Index } from 'meilisearch';
import { createKeepAliveHttpClient } from './http.js';
import type { ListingDocument } from './documents.js';
import { createFacetCache, type FacetCache } from './facet-cache.js';

export interface SearchConfig {
  host: string;
  apiKey: string;
  /** Name of the live listings index; tests use one per test file. */
  indexName: string;
  /** Per-request timeout: a dead server must not hold a page for long. */
  timeoutMs?: number;
}

export interface Search {
  client: Meilisearch;
  indexName: string;
  listings(): Index<ListingDocument>;
  /** Facet counts of recent queries, forgotten when this process changes the index. */
  facets: FacetCache;
  close(): void;
}

export function createSearch(config: SearchConfig): Search {
  const http = createKeepAliveHttpClient();
  const client = new Meilisearch({
    host: config.host,
    apiKey: config.apiKey,
    httpClient: http.request,
    timeout: config.timeoutMs ?? 3000,
    defaultWaitOptions: { timeout: 60_000, interval: 25 },
  });
  return {
    client,
    indexName: config.indexName,
    listings: () => client.index<ListingDocument>(config.indexName),
    facets: createFacetCache(),
    close: () => http.close(),
  };
}

/**
 * True when the error is the engine's or the way to it (down, slow, refusing, no index yet):
 * meilisearch-js reports every one of them as a MeilisearchError, ours included (search/http.ts).
 */
export function isSearchUnavailable(error: unknown): boolean {
  return error instanceof MeilisearchError;
}

/** True when the error says the index (or document) does not exist, as opposed to a dead server. */
export function isNotFound(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 3 && e; i += 1) {
    const status = (e as { response?: { status?: number } }).response?.status;
    if (status === 404) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
