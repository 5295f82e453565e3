// The agency's dashboard: each figure as a chart drawn on the server with its numbers in a table
// beside it, and a CSV and JSON link for the same table with the same filters.
import type { ReactNode } from 'react';
import { FUNNEL_STEPS, conversion, type FunnelRow, type MarketStats } from '../../domain/market-stats.js';
import { formatVnd } from '../../domain/money.js';
import { provinceName } from '../../domain/provinces.js';
import { statsSearchParams } from '../../domain/stats-query.js';
import type { AgencyTable } from '../../domain/stats-tables.js';
import { formatCount, formatDateTime, type MessageKey } from '../../i18n/index.js';
import { BarChart } from '../charts/bar-chart.js';
import { useLang, useT } from '../use-t.js';
import { formatDays, formatShare } from './format.js';

export function Downloads({ base, table, query }: { base: string; table: string; query: string }) {
  const t = useT();
  const href = (format: 'csv' | 'json') => `${base}/${table}?${new URLSearchParams([...new URLSearchParams(query), ['format', format]]).toString()}`;
  return (
    <p className="downloads">
      {t('stats.download')}: <a href={href('csv')} download>CSV</a> · <a href={href('json')}>JSON</a>
    </p>
  );
}

export function Figure({ id, title, children, table, base, query }: { id: string; title: string; children: ReactNode; table: string; base: string; query: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="stats-figure">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
      <Downloads base={base} table={table} query={query} />
    </section>
  );
}

/** The funnel's steps as bars, and as a table with the conversion from each step to the next. */
export function FunnelFigure({ row, hidden }: { row: Record<(typeof FUNNEL_STEPS)[number], number | null>; hidden?: boolean }) {
  const t = useT();
  const bars = FUNNEL_STEPS.map((step) => ({ label: t(`stats.step.${step}` as MessageKey), value: row[step] ?? 0, display: row[step] === null ? t('stats.hidden') : formatCount(row[step]!) }));
  return (
    <div className="chart-and-table">
      <BarChart id="funnel-chart" title={t('stats.funnel')} description={t('stats.funnelDesc', { steps: bars.map((b) => `${b.label}: ${b.display}`).join('; ') })} bars={bars} />
      <table className="table">
        <caption>{t('stats.funnel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.step')}</th>
            <th scope="col">{t('stats.count')}</th>
            <th scope="col">{t('stats.conversion')}</th>
          </tr>
        </thead>
        <tbody>
          {FUNNEL_STEPS.map((step, i) => {
            const n = row[step];
            const before = i > 0 ? row[FUNNEL_STEPS[i - 1]!] : null;
            return (
              <tr key={step}>
                <th scope="row">{t(`stats.step.${step}` as MessageKey)}</th>
                <td className="number">{n === null ? t('stats.hidden') : formatCount(n)}</td>
                <td className="number">{i === 0 || n === null || before === null ? '—' : formatShare(conversion(before, n))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {hidden ? <p className="hint">{t('stats.hiddenHint')}</p> : null}
    </div>
  );
}

function BreakdownTable({ caption, keyLabel, rows, label }: { caption: string; keyLabel: string; rows: readonly FunnelRow[]; label: (key: string) => string }) {
  const t = useT();
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          {FUNNEL_STEPS.map((s) => (
            <th scope="col" key={s}>
              {t(`stats.step.${s}` as MessageKey)}
            </th>
          ))}
          <th scope="col">{t('stats.valueSigned')}</th>
          <th scope="col">{t('stats.valuePaid')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{label(r.key)}</th>
            {FUNNEL_STEPS.map((s) => (
              <td className="number" key={s}>
                {formatCount(r[s])}
              </td>
            ))}
            <td className="number">{formatVnd(r.valueSigned)}</td>
            <td className="number">{formatVnd(r.valuePaid)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgencyFigures({ stats }: { stats: MarketStats }) {
  const t = useT();
  const lang = useLang();
  const query = statsSearchParams(stats.query).toString();
  const base = '/curator/stats';
  const f = stats.funnel;
  const sector = (key: string) => t(`sector.${key}` as MessageKey);
  const orgType = (key: string) => t(`org.type.${key}` as MessageKey);
  const province = (key: string) => provinceName(key, lang);
  const figure = (id: string, table: AgencyTable, title: string, children: ReactNode) => (
    <Figure id={id} title={title} table={table} base={base} query={query}>
      {children}
    </Figure>
  );
  const r = stats.responseTimes;
  const u = stats.upkeep;
  return (
    <>
      {stats.refreshedAt ? <p className="hint">{t('stats.refreshedAt', { at: formatDateTime(stats.refreshedAt, lang) })}</p> : null}
      {figure('funnel', 'funnel', t('stats.funnel'), <FunnelFigure row={f} />)}
      <dl className="facts headline">
        <dt>{t('stats.valueSigned')}</dt>
        <dd>{formatVnd(f.valueSigned)}</dd>
        <dt>{t('stats.valuePaid')}</dt>
        <dd>{formatVnd(f.valuePaid)}</dd>
      </dl>
      {figure(
        'published-by',
        'published-by',
        t('stats.publishedBy'),
        <table className="table">
          <caption>{t('stats.publishedByHint')}</caption>
          <tbody>
            {(['review', 'import', 'seed'] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{t(`stats.publishedBy.${k}` as MessageKey)}</th>
                <td className="number">{formatCount(stats.publishedBy[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>,
      )}
      {figure(
        'sectors',
        'sectors',
        t('stats.bySector'),
        <div className="chart-and-table">
          <BarChart
            id="sectors-chart"
            title={t('stats.interestsBySector')}
            description={t('stats.chartDesc', { items: stats.bySector.map((row) => `${sector(row.key)}: ${formatCount(row.interests)}`).join('; ') || '—' })}
            bars={stats.bySector.map((row) => ({ label: sector(row.key), value: row.interests, display: formatCount(row.interests) }))}
          />
          <BreakdownTable caption={t('stats.bySector')} keyLabel={t('stats.sector')} rows={stats.bySector} label={sector} />
        </div>,
      )}
      {figure('provinces', 'provinces', t('stats.byProvince'), <BreakdownTable caption={t('stats.byProvince')} keyLabel={t('stats.province')} rows={stats.byProvince} label={province} />)}
      {figure('organisation-types', 'organisation-types', t('stats.byOrganisationType'), <BreakdownTable caption={t('stats.byOrganisationType')} keyLabel={t('stats.organisationType')} rows={stats.byOrganisationType} label={orgType} />)}
      {figure(
        'periods',
        'periods',
        t('stats.byPeriod'),
        <div className="chart-and-table">
          <BarChart
            id="periods-chart"
            title={t('stats.interestsByPeriod')}
            description={t('stats.chartDesc', { items: stats.byPeriod.map((row) => `${row.key}: ${formatCount(row.interests)}`).join('; ') || '—' })}
            bars={stats.byPeriod.map((row) => ({ label: row.key, value: row.interests, display: formatCount(row.interests) }))}
          />
          <BreakdownTable caption={t('stats.byPeriod')} keyLabel={t('stats.period')} rows={stats.byPeriod} label={(k) => k} />
        </div>,
      )}
      {figure(
        'response-times',
        'response-times',
        t('stats.responseTimes'),
        <dl className="facts">
          <dt>{t('stats.interestsDue')}</dt>
          <dd>{formatCount(r.interests)}</dd>
          <dt>{t('stats.shareInTime')}</dt>
          <dd>
            {formatShare(r.shareInTime)} ({formatCount(r.answeredInTime)} / {formatCount(r.interests)})
          </dd>
          <dt>{t('stats.medianAnswer')}</dt>
          <dd>{formatDays(r.medianAnswerDays, t)}</dd>
          <dt>{t('stats.p90Answer')}</dt>
          <dd>{formatDays(r.p90AnswerDays, t)}</dd>
          <dt>{t('stats.medianAgreement')}</dt>
          <dd>{formatDays(r.medianAgreementDays, t)}</dd>
        </dl>,
      )}
      {figure('supply-demand', 'supply-demand', t('stats.supplyDemand'), <SupplyDemandTable rows={stats.supplyDemand} />)}
      {figure(
        'upkeep',
        'upkeep',
        t('stats.upkeep'),
        <dl className="facts">
          <dt>{t('stats.staleListings')}</dt>
          <dd>{formatCount(u.staleListings)}</dd>
          <dt>{t('stats.reviewQueue')}</dt>
          <dd>
            {formatCount(u.reviewQueue)}
            {u.oldestReviewDays !== null ? ` · ${t('stats.oldestReview', { days: formatDays(u.oldestReviewDays, t) })}` : ''}
          </dd>
          <dt>{t('stats.dealsOverdue')}</dt>
          <dd>{formatCount(u.dealsOverdue)}</dd>
          <dt>{t('stats.milestonesOverdue')}</dt>
          <dd>{formatCount(u.milestonesOverdue)}</dd>
        </dl>,
      )}
    </>
  );
}

export function SupplyDemandTable({ rows }: { rows: readonly { sector: string; offers: number | null; demands: number | null; gap: string }[] }) {
  const t = useT();
  const n = (v: number | null) => (v === null ? t('stats.hidden') : formatCount(v));
  return (
    <table className="table">
      <caption>{t('stats.supplyDemandHint')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stats.sector')}</th>
          <th scope="col">{t('stats.offers')}</th>
          <th scope="col">{t('stats.demands')}</th>
          <th scope="col">{t('stats.gap')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.sector} className={r.gap === 'balanced' ? undefined : 'gap'}>
            <th scope="row">{t(`sector.${r.sector}` as MessageKey)}</th>
            <td className="number">{n(r.offers)}</td>
            <td className="number">{n(r.demands)}</td>
            <td>{t(`stats.gap.${r.gap}` as MessageKey)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
