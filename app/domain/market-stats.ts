// The market's figures as the agency reads them, and the rules for showing them: the funnel's
// conversions, the sectors where demand and supply do not meet, and the suppression of small
// cells on anything public (a cell under 3 could single out an anonymous owner or one deal's price).
import type { StatsQuery } from './stats-query.js';

export const FUNNEL_STEPS = ['published', 'interests', 'negotiations', 'agreed', 'signed', 'completed'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** One row of the funnel: the whole market, or one sector, province, organisation type or period. */
export interface FunnelRow {
  key: string;
  published: number;
  interests: number;
  negotiations: number;
  agreed: number;
  signed: number;
  completed: number;
  /** The agreed price of the contracts signed, in VND. */
  valueSigned: number;
  /** What was paid on them (confirmed transfers and card payments), in VND. */
  valuePaid: number;
  /** Contracts with at least one payment: the count behind `valuePaid`, for suppression. */
  paidContracts: number;
}

export interface PublishedBy {
  review: number;
  import: number;
  seed: number;
}

export interface ResponseTimes {
  /** Interests whose answer deadline has passed or that were answered: the ones that could be late. */
  interests: number;
  answered: number;
  answeredInTime: number;
  /** Share of those interests answered by their deadline (0–1); null when there were none. */
  shareInTime: number | null;
  /** Days from interest to the first answer. */
  medianAnswerDays: number | null;
  p90AnswerDays: number | null;
  /** Days from interest to agreed terms. */
  medianAgreementDays: number | null;
}

export const GAPS = ['few_offers', 'few_demands', 'balanced'] as const;
export type Gap = (typeof GAPS)[number];

export interface SupplyDemandRow {
  sector: string;
  offers: number;
  demands: number;
  gap: Gap;
}

export interface Upkeep {
  /** Published listings whose owner has not confirmed them active for 6 months. */
  staleListings: number;
  reviewQueue: number;
  oldestReviewDays: number | null;
  medianReviewDays: number | null;
  /** Interests past their answer deadline without an answer. */
  dealsOverdue: number;
  /** Milestones not paid by their date. */
  milestonesOverdue: number;
}

export interface MarketStats {
  query: StatsQuery;
  /** When the views behind the funnel, breakdowns and answer times were last rebuilt (ISO). */
  refreshedAt: string | null;
  funnel: FunnelRow;
  publishedBy: PublishedBy;
  bySector: FunnelRow[];
  byProvince: FunnelRow[];
  byOrganisationType: FunnelRow[];
  byPeriod: FunnelRow[];
  responseTimes: ResponseTimes;
  supplyDemand: SupplyDemandRow[];
  upkeep: Upkeep;
  /** Listings published now, and the organisations that published them (the public page's headline). */
  headlines: { offers: number; demands: number; organisations: number };
}

export const STALE_AFTER_MONTHS = 6;
/** Public figures under this are hidden. */
export const SMALL_CELL = 3;

export const emptyFunnelRow = (key: string): FunnelRow => ({ key, published: 0, interests: 0, negotiations: 0, agreed: 0, signed: 0, completed: 0, valueSigned: 0, valuePaid: 0, paidContracts: 0 });

/** The share of one step that reached the next; null when the first is 0. */
export function conversion(from: number, to: number): number | null {
  return from > 0 ? to / from : null;
}

/** Where the agency should look: a sector with at least twice as many demands as offers, or the reverse. */
export function gapOf(offers: number, demands: number): Gap {
  if (demands >= SMALL_CELL && demands >= 2 * offers) return 'few_offers';
  if (offers >= SMALL_CELL && offers >= 2 * demands) return 'few_demands';
  return 'balanced';
}

/** A public count: hidden (null) under 3, zero included — "none" could single out as well as "one". */
export function publicCount(n: number): number | null {
  return n < SMALL_CELL ? null : n;
}

export type PublicFunnelRow = { [K in keyof Omit<FunnelRow, 'paidContracts'>]: K extends 'key' ? string : number | null };

/** A funnel row as the public may see it: each count under 3 hidden, and a value hidden when fewer than 3 contracts make it. */
export function publicFunnelRow(row: FunnelRow): PublicFunnelRow {
  return {
    key: row.key,
    published: publicCount(row.published),
    interests: publicCount(row.interests),
    negotiations: publicCount(row.negotiations),
    agreed: publicCount(row.agreed),
    signed: publicCount(row.signed),
    completed: publicCount(row.completed),
    valueSigned: row.signed < SMALL_CELL ? null : row.valueSigned,
    valuePaid: row.paidContracts < SMALL_CELL ? null : row.valuePaid,
  };
}

export interface PublicSupplyDemandRow {
  sector: string;
  offers: number | null;
  demands: number | null;
  gap: Gap;
}

/** The sector gaps as the public sees them: counts under 3 hidden, the gap itself kept (it names no one). */
export function publicSupplyDemand(rows: readonly SupplyDemandRow[]): PublicSupplyDemandRow[] {
  return rows.map((r) => ({ sector: r.sector, offers: publicCount(r.offers), demands: publicCount(r.demands), gap: r.gap }));
}
