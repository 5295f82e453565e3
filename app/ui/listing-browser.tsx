import { listingQueryToParams, totalPages, type FacetCounts, type ListingQuery } from '../domain/listing-query.js';
import type { ListingCard as Card } from '../domain/listing.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { savedSearchInputSchema } from '../domain/saved-search-input.js';
import type { ListingKind } from '../domain/taxonomy.js';
import { formatCount } from '../i18n/index.js';
import { Filters } from './filters.js';
import { ListingCard } from './listing-card.js';
import { Pagination } from './pagination.js';
import { Form } from '@remix-run/react';
import { useLang, useRootData, useT } from './use-t.js';

export interface BrowseData {
  query: ListingQuery;
  cards: Card[];
  total: number;
  facets: FacetCounts;
  engine: 'meilisearch' | 'postgres';
  invalidParameter: string | null;
}

/** Filters beside results: the shared body of /offers, /demands and /search. */
export function ListingBrowser({ data, action, fixedKind }: { data: BrowseData; action: string; fixedKind: ListingKind | null }) {
  const t = useT();
  const lang = useLang();
  const pages = totalPages(data.total, data.query.perPage);
  const hrefFor = (page: number) => {
    const params = listingQueryToParams({ ...data.query, page }, fixedKind !== null);
    if (lang !== 'vi') params.set('lang', lang);
    const s = params.toString();
    return s ? `${action}?${s}` : action;
  };
  return (
    <div className="browse">
      <Filters action={action} query={data.query} facets={data.facets} fixedKind={fixedKind} />
      <section className="results" aria-labelledby="results-heading">
        <h2 id="results-heading" aria-live="polite">{t('search.results', { count: formatCount(data.total) as unknown as number })}</h2>
        {data.invalidParameter ? (
          <p className="notice notice-warning" role="alert">{t('filters.invalid', { parameter: data.invalidParameter })}</p>
        ) : null}
        {data.engine === 'postgres' ? (
          <p className="notice notice-warning" role="status">{t('search.fallback')}</p>
        ) : null}
        {data.cards.length === 0 ? <p className="empty">{t('search.none')}</p> : null}
        <ol className="listing-list">
          {data.cards.map((card) => (
            <li key={card.id}>
              <ListingCard card={card} />
            </li>
          ))}
        </ol>
        <Pagination page={data.query.page} totalPages={pages} hrefFor={hrefFor} />
        <SaveSearch query={listingQueryToParams({ ...data.query, page: 1 }).toString()} suggestedName={data.query.q} />
      </section>
    </div>
  );
}

/** Signed in: keep this search and hear of new listings that meet it. */
function SaveSearch({ query, suggestedName }: { query: string; suggestedName: string }) {
  const t = useT();
  if (!useRootData()?.user) return null;
  return (
    <Form method="post" action="/my/searches" className="save-search inline">
      <input type="hidden" name="query" value={query} />
      <input type="hidden" name="intent" value="save" />
      <label htmlFor="save-search-name">{t('savedSearch.name')}</label>
      <input id="save-search-name" name="name" defaultValue={suggestedName} {...fieldAttrs(savedSearchInputSchema, 'name')} />
      <button type="submit" className="secondary">{t('savedSearch.save')}</button>
    </Form>
  );
}

/** The page of one kind of listing: /offers or /demands. */
export function KindBrowsePage({ data, kind }: { data: BrowseData; kind: ListingKind }) {
  const t = useT();
  const section = kind === 'offer' ? 'offers' : 'demands';
  return (
    <>
      <h1>{t(`browse.${section}.title`)}</h1>
      <p className="lead">{t(`browse.${section}.lead`)}</p>
      <ListingBrowser data={data} action={`/${section}`} fixedKind={kind} />
    </>
  );
}
