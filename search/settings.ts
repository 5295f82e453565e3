import type { Settings } from 'meilisearch';
import { VOCABULARY } from '../app/domain/vocabulary.js';
import { LOCALIZED_ATTRIBUTES, SEARCHABLE_ATTRIBUTES } from './languages.js';
import { SYNONYM_GROUPS } from './synonyms.js';

/** Everything an index of listings needs, applied to every new index before documents go in. */
export const LISTING_INDEX_SETTINGS: Settings = {
  searchableAttributes: SEARCHABLE_ATTRIBUTES,
  displayedAttributes: ['*'],
  filterableAttributes: [
    'id',
    'kind',
    'sectors',
    'trl',
    'transfer_modes',
    'ip_status',
    'province',
    'organisation_type',
    'organisation_id',
    'language',
    'price_min',
    'featured',
  ],
  sortableAttributes: ['published_at', 'price_min'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  localizedAttributes: LOCALIZED_ATTRIBUTES,
  synonyms: synonymMap([...SYNONYM_GROUPS, ...shortVocabularyPairs()]),
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 10_000 },
};

/** Meilisearch wants each term mapped to its alternatives; a group says they are all one idea. */
export function synonymMap(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) {
      const others = group.filter((t) => t !== term);
      map[term] = [...new Set([...(map[term] ?? []), ...others])];
    }
  }
  return map;
}

/**
 * The shared bilingual vocabulary's short terms (≤ 2 words a side) as synonyms, so an English
 * query finds a Vietnamese listing and back. All 700 terms with their variants made every query
 * ~10× slower (45 ms instead of 4 ms of engine time for a 10-word title, measured on the demo
 * market); longer terms reach across languages through matching's translated queries instead.
 */
export function shortVocabularyPairs(): string[][] {
  const short = (s: string) => s.split(' ').length <= 2;
  return VOCABULARY.filter((t) => short(t.vi) && short(t.en)).map((t) => [t.vi, t.en]);
}
