import { Form, Link } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { LISTING_SORTS, type FacetCounts, type ListingQuery } from '../domain/listing-query.js';
import { PROVINCES } from '../domain/provinces.js';
import { IP_STATUSES, ORGANISATION_TYPES, SECTORS, TRANSFER_MODES, TRL_MAX, TRL_MIN, type ListingKind } from '../domain/taxonomy.js';
import type { MessageKey } from '../i18n/index.js';
import { useLang, useT } from './use-t.js';

interface Props {
  action: string;
  query: ListingQuery;
  facets: FacetCounts;
  /** The page's own kind (/offers, /demands); null on /search, where kind is a filter. */
  fixedKind: ListingKind | null;
}

const TRLS = Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => i + TRL_MIN);

/**
 * The search box, then the filters behind a button (`<details>`, so it opens without JavaScript):
 * on a phone the result count and the first results come right after it. On a wide screen the
 * filters sit open beside the results, once the page's script has run.
 */
export function Filters({ action, query, facets, fixedKind }: Props) {
  const t = useT();
  const lang = useLang();
  const panel = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (panel.current && window.matchMedia(WIDE_SCREEN).matches) panel.current.open = true;
  }, []);
  const active = activeFilters(query, fixedKind);
  return (
    <Form method="get" action={action} className="filters" aria-label={t('filters.title')} role="search">
      {lang !== 'vi' ? <input type="hidden" name="lang" value={lang} /> : null}
      <p className="search-row">
        <label htmlFor="filter-q" className="visually-hidden">{t('search.label')}</label>
        <input id="filter-q" type="search" name="q" defaultValue={query.q} maxLength={200} placeholder={t('search.label')} />
        <button type="submit">{t('search.submit')}</button>
      </p>
      <details className="filters-panel" ref={panel}>
        <summary>
          <span id="filters-heading">{t('filters.title')}</span>
          {active > 0 ? <span className="badge">{t('filters.active', { count: active })}</span> : null}
        </summary>
      {fixedKind === null ? (
        <p className="field">
          <label htmlFor="filter-kind">{t('filters.kind')}</label>
          <select id="filter-kind" name="kind" defaultValue={query.kind ?? ''}>
            <option value="">{t('search.anyKind')}</option>
            <option value="offer">{t('kind.offer')} {count(facets.kind, 'offer')}</option>
            <option value="demand">{t('kind.demand')} {count(facets.kind, 'demand')}</option>
          </select>
        </p>
      ) : null}
      <p className="field">
        <label htmlFor="filter-sort">{t('filters.sort')}</label>
        <select id="filter-sort" name="sort" defaultValue={query.sort}>
          {LISTING_SORTS.map((s) => (
            <option key={s} value={s}>{t(`sort.${s}`)}</option>
          ))}
        </select>
      </p>
      <Checkboxes legend={t('filters.sector')} name="sector" values={SECTORS} selected={query.sectors} counts={facets.sectors} label={(v) => t(`sector.${v}` as MessageKey)} />
      <fieldset>
        <legend>{t('filters.trl')}</legend>
        <p className="field-row">
          <label htmlFor="filter-trl-min">{t('filters.trlMin')}</label>
          <select id="filter-trl-min" name="trl_min" defaultValue={query.trlMin ?? ''}>
            <option value="">{t('filters.any')}</option>
            {TRLS.map((n) => (
              <option key={n} value={n}>{n} — {t(`trl.${n}` as MessageKey)}</option>
            ))}
          </select>
        </p>
        <p className="field-row">
          <label htmlFor="filter-trl-max">{t('filters.trlMax')}</label>
          <select id="filter-trl-max" name="trl_max" defaultValue={query.trlMax ?? ''}>
            <option value="">{t('filters.any')}</option>
            {TRLS.map((n) => (
              <option key={n} value={n}>{n} — {t(`trl.${n}` as MessageKey)}</option>
            ))}
          </select>
        </p>
      </fieldset>
      <Checkboxes legend={t('filters.mode')} name="mode" values={TRANSFER_MODES} selected={query.transferModes} counts={facets.transfer_modes} label={(v) => t(`mode.${v}` as MessageKey)} />
      {fixedKind !== 'demand' ? (
        <Checkboxes legend={t('filters.ip')} name="ip" values={IP_STATUSES} selected={query.ipStatuses} counts={facets.ip_status} label={(v) => t(`ip.${v}` as MessageKey)} />
      ) : null}
      <p className="field">
        <label htmlFor="filter-province">{t('filters.province')}</label>
        <select id="filter-province" name="province" defaultValue={query.provinces[0] ?? ''}>
          <option value="">{t('filters.any')}</option>
          {PROVINCES.map((p) => (
            <option key={p.code} value={p.code}>
              {p[lang]} {count(facets.province, p.code)}
            </option>
          ))}
        </select>
      </p>
      <Checkboxes legend={t('filters.orgType')} name="org_type" values={ORGANISATION_TYPES} selected={query.organisationTypes} counts={facets.organisation_type} label={(v) => t(`org.type.${v}` as MessageKey)} />
      <p className="actions">
        <button type="submit">{t('filters.apply')}</button>
        <Link to={lang === 'vi' ? action : `${action}?lang=${lang}`}>{t('filters.clear')}</Link>
      </p>
      </details>
    </Form>
  );
}

/** The width from which the filters stand beside the results (the `.browse` grid in styles.css). */
const WIDE_SCREEN = '(min-width: 52rem)';

/** How many filters narrow the results, for the button that opens them. */
function activeFilters(query: ListingQuery, fixedKind: ListingKind | null): number {
  const lists = [query.sectors, query.transferModes, query.ipStatuses, query.provinces, query.organisationTypes];
  return (
    lists.reduce((n, list) => n + list.length, 0) +
    (query.trlMin !== null ? 1 : 0) +
    (query.trlMax !== null ? 1 : 0) +
    (fixedKind === null && query.kind ? 1 : 0)
  );
}

function count(counts: Record<string, number> | undefined, key: string): string {
  return counts ? `(${counts[key] ?? 0})` : '';
}

function Checkboxes({ legend, name, values, selected, counts, label }: {
  legend: string;
  name: string;
  values: readonly string[];
  selected: readonly string[];
  counts: Record<string, number> | undefined;
  label: (value: string) => string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul className="checkboxes">
        {values.map((v) => (
          <li key={v}>
            <label>
              <input type="checkbox" name={name} value={v} defaultChecked={selected.includes(v)} /> {label(v)}{' '}
              <span className="count">{count(counts, v)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
