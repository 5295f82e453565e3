// Candidates for a listing's matches: listings of the other kind that Meilisearch finds for the
// listing's title and keywords, for its key terms said in the market's other languages, for its
// rarest words (acronyms, Latin names, product names: the same in every language), and in its
// sectors. (A query of the summary too cost 40 % more engine time on the 100,000-listing bench
// market for no measurable gain on the labelled set: nDCG@5 0.814 with it, 0.796 without; the
// rarest words now bring what the summary and description say that the title does not.)
// The pure scorer in app/domain/match-score.ts decides; this only gathers.
import type { Locale } from 'meilisearch';
import type { ListingLanguage } from '../app/domain/taxonomy.js';
import type { Search } from './client.js';
import { distinctiveTerms } from '../app/domain/market-terms.js';
import { localeOf } from './languages.js';

export interface MatchProbe {
  id: string;
  kind: 'offer' | 'demand';
  title: string;
  keywords: readonly string[];
  sectors: readonly string[];
  language: ListingLanguage;
  /** Key terms of the listing said in the market's other languages (from the shared vocabulary). */
  translations: readonly { language: ListingLanguage; terms: readonly string[] }[];
  /** The listing's rarest words that other listings use too, in whatever language (acronyms, Latin names…). */
  rareTerms: readonly string[];
}

/** How many of the listing's rarest words look for candidates, each in a query of its own. */
const RARE_WORD_QUERIES = 6;

/**
 * A text query asks for the first six distinctive words (no grammar words, no bare numbers).
 * The engine keeps a query's rarest word in every hit whatever its length, and its cost grows
 * with the words: ten words cost 8.7 ms at 100,000 listings, six distinctive ones 5.8 ms, for the
 * same nDCG@5 on the labelled sets (docs/decisions/028-matching-real-listings.md).
 */
const QUERY_WORDS = 6;
const telling = (text: string) => [...distinctiveTerms(text).values()].slice(0, QUERY_WORDS).join(' ');

/** Hits a text query keeps: the engine's cost grows with them (ten cost 6.3 ms, thirty 8.7 ms). */
const TEXT_HITS = 15;

export async function findCandidates(search: Search, probe: MatchProbe, perQuery = 30): Promise<Map<string, number>> {
  const other = probe.kind === 'offer' ? 'demand' : 'offer';
  const base = [`kind = "${other}"`, `id != "${probe.id}"`];
  const own = localeOf(probe.language);
  // Each query in one language, said so: a mixed query confuses the engine's language detection.
  // Rare words (acronyms, Latin names) are the same in every language: no locale.
  // [words, locale, whether the engine's ranking score counts as the pair's text relevance]
  const texts: [string, Locale | null, boolean][] = [
    // The title and the keywords together: one query costs less than two, and the engine drops
    // the commonest words first when they do not all match.
    [telling(`${probe.title} ${probe.keywords.join(' ')}`), own, true],
    ...probe.translations.map(({ language, terms }): [string, Locale, boolean] => [telling(terms.join(' ')), localeOf(language), true]),
    // One query per rare word: the engine's `frequency` strategy keeps a query's rarest word in
    // every hit, so eight words in one query found only the listings that had the rarest of them.
    // A one-word query ranks every hit near the top: the scorer weighs the shared rare words itself.
    ...probe.rareTerms.slice(0, RARE_WORD_QUERIES).map((term): [string, null, boolean] => [term, null, false]),
  ];
  const unique = texts.filter(([q], i) => q && texts.findIndex(([other]) => other === q) === i);
  const sectorFilter = probe.sectors.length ? [`sectors IN [${probe.sectors.map((s) => `"${s}"`).join(', ')}]`] : [];
  const queries = [
    ...unique.map(([q, locale, scored]) => ({
      indexUid: search.indexName,
      q,
      filter: base,
      limit: scored ? TEXT_HITS : perQuery,
      ...(locale ? { locales: [locale] } : {}),
      attributesToRetrieve: ['id'],
      showRankingScore: scored,
      // 'frequency' drops the commonest words first; it costs less engine time than 'last' on long
      // queries (3.6 vs 4.7 ms on the demo market).
      matchingStrategy: 'frequency' as const,
    })),
    // Same sector, whatever the words: structure can carry a match that words miss.
    ...(sectorFilter.length
      ? [{ indexUid: search.indexName, q: '', filter: [...base, ...sectorFilter], limit: perQuery, attributesToRetrieve: ['id'], sort: ['published_at:desc'] }]
      : []),
  ];
  // Two requests side by side: the engine answers one multi-search on one thread, so halves go
  // to two of its workers and the listing waits for the slower half, not for the sum.
  const half = Math.ceil(queries.length / 2);
  const answers = await Promise.all([queries.slice(0, half), queries.slice(half)].filter((q) => q.length).map((q) => search.client.multiSearch({ queries: q })));
  const results = answers.flatMap((a) => a.results);
  const scores = new Map<string, number>();
  for (const result of results) {
    for (const hit of result.hits) {
      const id = String(hit.id);
      const score = typeof hit._rankingScore === 'number' && result.query ? hit._rankingScore : 0;
      scores.set(id, Math.max(scores.get(id) ?? 0, score));
    }
  }
  return scores;
}
