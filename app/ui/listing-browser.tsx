import { listingQueryToParams, totalPages, type FacetCounts, type ListingQuery } from '../domain/listing-query.js';
import type { ListingCard as Card } from '../domain/listing.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { savedSearchInputSchema } from '../domain/saved-search-input.js';
import type { ListingKind } from '../domain/taxonomy.js';
import { formatCount } from '../i18n/index.js';
import { Filters } from './filters.js';
import { ListingCard } from './listing-card.js';
import { Pagination } from './pagination.js';
import { Form, Link } from '@remix-run/react';
import { problem } from '../domain/problem.js';
import { problemText } from '../i18n/problems.js';
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
  // A page past the last one (an old link, a hand-typed number) says so, not "page 99 of 3".
  const beyond = data.total > 0 && data.query.page > pages;
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
        {data.invalidParameter ? (
          <>
            <h2 id="results-heading">{t('filters.refused')}</h2>
            <p className="notice notice-error" role="alert">
              {capitalised(problemText(t, lang, problem('query_parameter', { parameter: data.invalidParameter })))}. {t('filters.mend')}
            </p>
          </>
        ) : (
          <h2 id="results-heading" aria-live="polite">{t('search.results', { count: formatCount(data.total) as unknown as number })}</h2>
        )}
        {data.engine === 'postgres' ? (
          <p className="notice notice-warning" role="status">{t('search.fallback')}</p>
        ) : null}
        {data.cards.length === 0 && !data.invalidParameter && !beyond ? <p className="empty">{t('search.none')}</p> : null}
        {beyond ? (
          <p className="notice" role="status">
            {t('pagination.beyond', { page: data.query.page, total: pages })} <Link to={hrefFor(pages)}>{t('pagination.last')}</Link>
          </p>
        ) : null}
        <ol className="listing-list">
          {data.cards.map((card) => (
            <li key={card.id}>
              <ListingCard card={card} />
            </li>
          ))}
        </ol>
        {beyond ? null : <Pagination page={data.query.page} totalPages={pages} hrefFor={hrefFor} />}
        <SaveSearch query={listingQueryToParams({ ...data.query, page: 1 }).toString()} suggestedName={data.query.q} />
      </section>
    </div>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
