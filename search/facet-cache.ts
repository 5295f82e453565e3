// Facet counts (how many listings per sector, province, TRL…) cost the engine about two thirds of
// a search, and they change only when listings change. They are kept per query (its words and
// filters, not its page or order) and forgotten whenever this process changes the index (the
// relay, the reindex, the index check), and in any case after a minute: another process's
// changes (a second app server) show within that minute (docs/decisions/029-facet-cache.md).
import type { FacetCounts } from '../app/domain/listing-query.js';

/** How long counts are trusted when nothing said the index changed. */
export const FACETS_TRUSTED_MS = 60_000;
/** Queries whose counts are kept at once; the oldest go first. */
const QUERIES_KEPT = 2_000;

export interface FacetCache {
  get(key: string): FacetCounts | undefined;
  set(key: string, facets: FacetCounts): void;
  /** The index changed: every count may be wrong. */
  clear(): void;
}

export function createFacetCache(now: () => number = Date.now): FacetCache {
  const kept = new Map<string, { facets: FacetCounts; at: number }>();
  return {
    get(key) {
      const entry = kept.get(key);
      if (!entry) return undefined;
      if (now() - entry.at > FACETS_TRUSTED_MS) {
        kept.delete(key);
        return undefined;
      }
      return entry.facets;
    },
    set(key, facets) {
      kept.delete(key);
      if (kept.size >= QUERIES_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(key, { facets, at: now() });
    },
    clear: () => kept.clear(),
  };
}
