// The statistics as tables: what the pages show beside each chart, and what the open-data exports
// hold (CSV and JSON), with the same column names. Columns are documented in docs/open-data.md.
// The public tables are the suppressed ones: a count under 3 is null (an empty CSV cell).
import {
  conversion,
  publicFunnelRow,
  publicSupplyDemand,
  type FunnelRow,
  type MarketStats,
  type PublicFunnelRow,
} from './market-stats.js';

export type Cell = string | number | null;
export interface StatsTable {
  columns: readonly string[];
  rows: Cell[][];
}

export const AGENCY_TABLES = ['funnel', 'published-by', 'sectors', 'provinces', 'organisation-types', 'periods', 'response-times', 'supply-demand', 'upkeep'] as const;
export type AgencyTable = (typeof AGENCY_TABLES)[number];
export const PUBLIC_TABLES = ['funnel', 'sectors', 'supply-demand'] as const;
export type PublicTable = (typeof PUBLIC_TABLES)[number];

/** A key's name in the reader's language: a sector's, a province's, an organisation type's. */
export type Namer = (kind: 'sector' | 'province' | 'organisation_type', key: string) => string;

export const isAgencyTable = (name: string): name is AgencyTable => (AGENCY_TABLES as readonly string[]).includes(name);
export const isPublicTable = (name: string): name is PublicTable => (PUBLIC_TABLES as readonly string[]).includes(name);

const FUNNEL_COLUMNS = ['published', 'interests', 'negotiations', 'agreed', 'signed', 'completed', 'value_signed_vnd', 'value_paid_vnd'] as const;
const share = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

const funnelCells = (r: FunnelRow | PublicFunnelRow): Cell[] => [r.published, r.interests, r.negotiations, r.agreed, r.signed, r.completed, r.valueSigned, r.valuePaid];

/** The funnel as steps: each with its count and the share of the step before that reached it. */
function funnelSteps(r: FunnelRow | PublicFunnelRow): StatsTable {
  const steps = [['published', r.published], ['interests', r.interests], ['negotiations', r.negotiations], ['agreed', r.agreed], ['signed', r.signed], ['completed', r.completed]] as const;
  return {
    columns: ['step', 'count', 'conversion_from_previous'],
    rows: steps.map(([step, n], i) => {
      const before = i > 0 ? steps[i - 1]![1] : null;
      return [step, n, i === 0 || n === null || before === null ? null : share(conversion(before, n))];
    }),
  };
}

const breakdown = (keyColumn: string, rows: readonly (FunnelRow | PublicFunnelRow)[], name?: (key: string) => string): StatsTable => ({
  columns: name ? [keyColumn, `${keyColumn}_name`, ...FUNNEL_COLUMNS] : [keyColumn, ...FUNNEL_COLUMNS],
  rows: rows.map((r) => (name ? [r.key, name(r.key), ...funnelCells(r)] : [r.key, ...funnelCells(r)])),
});

const supplyDemandTable = (rows: readonly { sector: string; offers: number | null; demands: number | null; gap: string }[], name: Namer): StatsTable => ({
  columns: ['sector', 'sector_name', 'offers', 'demands', 'gap'],
  rows: rows.map((r) => [r.sector, name('sector', r.sector), r.offers, r.demands, r.gap]),
});

/** One of the agency's tables, unsuppressed. */
export function agencyTable(stats: MarketStats, name: AgencyTable, namer: Namer): StatsTable {
  switch (name) {
    case 'funnel':
      return funnelSteps(stats.funnel);
    case 'published-by':
      return { columns: ['published_by', 'listings'], rows: [['review', stats.publishedBy.review], ['import', stats.publishedBy.import], ['seed', stats.publishedBy.seed]] };
    case 'sectors':
      return breakdown('sector', stats.bySector, (k) => namer('sector', k));
    case 'provinces':
      return breakdown('province', stats.byProvince, (k) => namer('province', k));
    case 'organisation-types':
      return breakdown('organisation_type', stats.byOrganisationType, (k) => namer('organisation_type', k));
    case 'periods':
      return breakdown('period', stats.byPeriod);
    case 'response-times': {
      const t = stats.responseTimes;
      return {
        columns: ['measure', 'value'],
        rows: [
          ['interests_due', t.interests],
          ['answered', t.answered],
          ['answered_in_time', t.answeredInTime],
          ['share_answered_in_time', share(t.shareInTime)],
          ['median_days_to_answer', t.medianAnswerDays],
          ['p90_days_to_answer', t.p90AnswerDays],
          ['median_days_to_agreement', t.medianAgreementDays],
        ],
      };
    }
    case 'supply-demand':
      return supplyDemandTable(stats.supplyDemand, namer);
    case 'upkeep': {
      const u = stats.upkeep;
      return {
        columns: ['measure', 'value'],
        rows: [
          ['stale_listings', u.staleListings],
          ['review_queue', u.reviewQueue],
          ['oldest_review_days', u.oldestReviewDays],
          ['median_review_days', u.medianReviewDays],
          ['deals_overdue', u.dealsOverdue],
          ['milestones_overdue', u.milestonesOverdue],
        ],
      };
    }
  }
}

/** One of the public tables: aggregates only, every count under 3 hidden. */
export function publicTable(stats: MarketStats, name: PublicTable, namer: Namer): StatsTable {
  switch (name) {
    case 'funnel':
      return funnelSteps(publicFunnelRow(stats.funnel));
    case 'sectors':
      return breakdown('sector', stats.bySector.map(publicFunnelRow), (k) => namer('sector', k));
    case 'supply-demand':
      return supplyDemandTable(publicSupplyDemand(stats.supplyDemand), namer);
  }
}

/** A table as JSON records, column names as keys. */
export function tableRecords(table: StatsTable): Record<string, Cell>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null])));
}
