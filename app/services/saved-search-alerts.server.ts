// Which saved searches a newly published listing meets, in two round trips whatever their number:
// one SQL query over the saved searches' filter columns, against the listing's values as the
// search index holds them (so an anonymous listing's hidden province counts as it does in search),
// then one Meilisearch multi-search per batch of distinct texts, each limited to this listing.
import { sql } from 'kysely';
import type { MultiSearchQuery } from 'meilisearch';
import type { ListingQuery } from '../domain/listing-query.js';
import { isNotFound } from '../../search/client.js';
import type { ListingDocument } from '../../search/documents.js';
import { toSearchParams } from '../../search/queries.js';
import type { AppContext } from '../context.server.js';

export interface SavedSearchMet {
  id: string;
  name: string;
  userId: string;
}

/** The columns that hold a saved search's filters (db/migrations/2026_11_29_000015_saved_search_filters.ts). */
export function savedSearchFilterColumns(query: ListingQuery) {
  return {
    q: query.q,
    kind: query.kind,
    trl_min: query.trlMin,
    trl_max: query.trlMax,
    sectors: query.sectors,
    transfer_modes: query.transferModes,
    ip_statuses: query.ipStatuses,
    provinces: query.provinces,
    organisation_types: query.organisationTypes,
  };
}

/** Distinct texts per multi-search request. */
const TEXTS_PER_REQUEST = 500;

const FILTERED_FIELDS = ['id', 'kind', 'sectors', 'trl', 'ip_status', 'transfer_modes', 'province', 'organisation_type'] as const;
type Filtered = Pick<ListingDocument, (typeof FILTERED_FIELDS)[number]>;

/**
 * The saved searches that `listingId` meets and that have not heard of it yet, leaving out
 * removed members and the listing's own organisation. A listing the index does not hold meets
 * nothing (search would not find it either).
 */
export async function findSavedSearchesMet(ctx: AppContext, listingId: string, organisationId: string): Promise<SavedSearchMet[]> {
  let doc: Filtered;
  try {
    doc = await ctx.search.listings().getDocument(listingId, { fields: [...FILTERED_FIELDS] });
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const textArray = (values: readonly string[]) => sql`${sql.val([...values])}::text[]`;
  const candidates = await ctx.db
    .selectFrom('saved_searches as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.name', 's.q', 'u.id as userId'])
    // A removed member hears nothing more from the market; one's own listing is no news.
    .where('u.removed_at', 'is', null)
    .where((eb) => eb.or([eb('u.organisation_id', 'is', null), eb('u.organisation_id', '<>', organisationId)]))
    .where(sql<boolean>`(s.kind is null or s.kind = ${doc.kind})`)
    .where(sql<boolean>`(s.sectors = '{}' or s.sectors && ${textArray(doc.sectors)})`)
    .where(sql<boolean>`(s.transfer_modes = '{}' or s.transfer_modes && ${textArray(doc.transfer_modes)})`)
    .where(sql<boolean>`(s.ip_statuses = '{}' or s.ip_statuses && ${textArray(doc.ip_status === null ? [] : [doc.ip_status])})`)
    .where(sql<boolean>`(s.provinces = '{}' or s.provinces && ${textArray(doc.province === null ? [] : [doc.province])})`)
    .where(sql<boolean>`(s.organisation_types = '{}' or s.organisation_types && ${textArray(doc.organisation_type === null ? [] : [doc.organisation_type])})`)
    .where(sql<boolean>`(s.trl_min is null or ${doc.trl}::int >= s.trl_min)`)
    .where(sql<boolean>`(s.trl_max is null or ${doc.trl}::int <= s.trl_max)`)
    // Searches already told of this listing are not asked again (the insert still decides).
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('saved_search_alerts as a').select('a.listing_id').whereRef('a.saved_search_id', '=', 's.id').where('a.listing_id', '=', listingId))),
    )
    .execute();

  const texts = [...new Set(candidates.map((c) => c.q).filter((q) => q !== ''))];
  const textsMet = await textsTheListingMeets(ctx, listingId, texts);
  return candidates.filter((c) => c.q === '' || textsMet.has(c.q)).map((c) => ({ id: c.id, name: c.name, userId: c.userId }));
}

/** The texts among `texts` whose search finds `listingId`, asked with the same parameters as search. */
async function textsTheListingMeets(ctx: AppContext, listingId: string, texts: readonly string[]): Promise<Set<string>> {
  const met = new Set<string>();
  const only = [`id = "${listingId}"`];
  for (let i = 0; i < texts.length; i += TEXTS_PER_REQUEST) {
    const batch = texts.slice(i, i + TEXTS_PER_REQUEST);
    const queries: MultiSearchQuery[] = batch.map((q) => ({
      ...toSearchParams(textOnly(q), { facets: false, extraFilter: only }),
      indexUid: ctx.search.indexName,
      q,
      attributesToRetrieve: ['id'],
      attributesToHighlight: undefined,
      attributesToCrop: undefined,
    }));
    const { results } = await ctx.search.client.multiSearch({ queries });
    results.forEach((r, j) => {
      if (r.hits.length > 0) met.add(batch[j]!);
    });
  }
  return met;
}

function textOnly(q: string): ListingQuery {
  return { q, kind: null, sectors: [], trlMin: null, trlMax: null, transferModes: [], ipStatuses: [], provinces: [], organisationTypes: [], sort: 'relevance', page: 1, perPage: 1 };
}
