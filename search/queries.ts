// ListingQuery → Meilisearch search request, and its hits back into cards.
import type { SearchParams } from 'meilisearch';
import type { ListingCard } from '../app/domain/listing.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../app/domain/listing.js';
import { FACETS, type FacetCounts, type ListingQuery } from '../app/domain/listing-query.js';
import type { Search } from './client.js';
import { allFieldsOf, textFieldOf } from './languages.js';
import type { ListingDocument } from './documents.js';

export interface ListingSearchResult {
  cards: ListingCard[];
  total: number;
  facets: FacetCounts;
  processingTimeMs: number;
}

const quote = (v: string) => `"${v.replace(/["\\]/g, '')}"`;

export function buildFilter(query: ListingQuery, extra: string[] = []): string[] {
  const filter: string[] = [...extra];
  const anyOf = (field: string, values: readonly string[]) => {
    if (values.length) filter.push(`${field} IN [${values.map(quote).join(', ')}]`);
  };
  if (query.kind) filter.push(`kind = ${quote(query.kind)}`);
  anyOf('sectors', query.sectors);
  anyOf('transfer_modes', query.transferModes);
  anyOf('ip_status', query.ipStatuses);
  anyOf('province', query.provinces);
  anyOf('organisation_type', query.organisationTypes);
  if (query.trlMin !== null) filter.push(`trl >= ${query.trlMin}`);
  if (query.trlMax !== null) filter.push(`trl <= ${query.trlMax}`);
  return filter;
}

function sortOf(query: ListingQuery): string[] | undefined {
  switch (query.sort) {
    case 'newest':
      return ['published_at:desc'];
    case 'price_asc':
      return ['price_min:asc'];
    case 'price_desc':
      return ['price_min:desc'];
    default:
      return query.q ? undefined : ['published_at:desc'];
  }
}

export function toSearchParams(query: ListingQuery, options: { facets?: boolean; extraFilter?: string[] } = {}): SearchParams {
  return {
    filter: buildFilter(query, options.extraFilter),
    sort: sortOf(query),
    page: query.page,
    hitsPerPage: query.perPage,
    facets: options.facets === false ? undefined : [...FACETS],
    attributesToRetrieve: [
      'id', 'kind', ...allFieldsOf('title'), ...allFieldsOf('summary'), 'sectors', 'trl', 'ip_status', 'transfer_modes', 'price_min',
      'price_max', 'price_negotiable', 'province', 'region', 'language', 'organisation_id', 'organisation_slug',
      'organisation_name', 'organisation_type', 'organisation_verified', 'published_at', 'confirmed_active_at',
    ],
    attributesToHighlight: query.q ? [...allFieldsOf('title'), ...allFieldsOf('summary')] : undefined,
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
    attributesToCrop: query.q ? allFieldsOf('summary') : undefined,
    cropLength: 40,
    matchingStrategy: 'last',
  };
}

export async function searchListingsInIndex(
  search: Search,
  query: ListingQuery,
  options: { facets?: boolean; extraFilter?: string[] } = {},
): Promise<ListingSearchResult> {
  const params = toSearchParams(query, options);
  // The counts depend on the words and filters only: one page's query serves every page and order.
  const key = options.facets === false ? null : JSON.stringify([query.q, params.filter]);
  const known = key === null ? undefined : search.facets.get(key);
  const index = search.listings();
  // Counts not known yet are asked for beside the hits, as a query of their own: the engine
  // answers the two on two threads, and the hits do not wait for the counts' share of the work.
  const [res, counted] = await Promise.all([
    index.search(query.q, { ...params, facets: undefined }),
    key !== null && !known
      ? index.search(query.q, { filter: params.filter, facets: params.facets, matchingStrategy: params.matchingStrategy, hitsPerPage: 0, page: 1 })
      : undefined,
  ]);
  const facets = known ?? ((counted?.facetDistribution ?? {}) as FacetCounts);
  if (key !== null && !known) search.facets.set(key, facets);
  return {
    cards: res.hits.map((hit) => documentToCard(hit as ListingDocument & { _formatted?: Partial<Record<string, unknown>> })),
    total: (res as { totalHits?: number }).totalHits ?? res.hits.length,
    facets,
    processingTimeMs: res.processingTimeMs,
  };
}

export function documentToCard(doc: ListingDocument & { _formatted?: Partial<Record<string, unknown>> }): ListingCard {
  const formatted = doc._formatted;
  const text = (field: 'title' | 'summary') => String(doc[textFieldOf(field, doc.language)] ?? '');
  return {
    id: doc.id,
    kind: doc.kind,
    title: text('title'),
    summary: text('summary'),
    sectors: doc.sectors as ListingCard['sectors'],
    trl: doc.trl,
    ipStatus: doc.ip_status as ListingCard['ipStatus'],
    transferModes: doc.transfer_modes as ListingCard['transferModes'],
    priceMin: doc.price_min,
    priceMax: doc.price_max,
    priceNegotiable: doc.price_negotiable,
    province: doc.province,
    region: (doc.region ?? null) as ListingCard['region'],
    language: doc.language,
    owner: {
      id: doc.organisation_id,
      slug: doc.organisation_slug,
      name: doc.organisation_name,
      type: doc.organisation_type as ListingCard['owner']['type'],
      verified: doc.organisation_verified,
    },
    publishedAt: doc.published_at ? new Date(doc.published_at * 1000).toISOString() : null,
    confirmedActiveAt: doc.confirmed_active_at ? new Date(doc.confirmed_active_at * 1000).toISOString() : null,
    highlight: formatted
      ? { title: String(formatted[textFieldOf('title', doc.language)] ?? text('title')), summary: String(formatted[textFieldOf('summary', doc.language)] ?? text('summary')) }
      : undefined,
  };
}
