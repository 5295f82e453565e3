// The one description of "which part of the market, over which time" behind the agency's
// statistics, the public page and every export. Parsed from URL parameters, so a view is a link
// anyone can share; written back to them for the filter form and the export links.
import { z } from 'zod';
import { PROVINCE_CODES } from './provinces.js';
import { ORGANISATION_TYPES, SECTORS, type OrganisationType, type Sector } from './taxonomy.js';

export const STATS_PERIODS = ['month', 'quarter', 'year'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

export interface StatsQuery {
  sector: Sector | null;
  province: string | null;
  /** The type of the organisation that owns the listing (an offer's university, a demand's enterprise …). */
  organisationType: OrganisationType | null;
  /** How the figures over time are grouped, in Viet Nam's time. */
  period: StatsPeriod;
  /** First and last day counted (YYYY-MM-DD, Viet Nam's calendar), both included; null: no bound. */
  from: string | null;
  to: string | null;
}

export const DEFAULT_STATS_QUERY: StatsQuery = { sector: null, province: null, organisationType: null, period: 'month', from: null, to: null };

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'invalid_date');
const blankIsNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** The URL parameters of a statistics query, as the API documents them (app/web/openapi.server.ts). */
export const statsQueryParametersSchema = z.object({
  sector: z.preprocess(blankIsNull, z.enum(SECTORS, { message: 'invalid_value' }).nullable().default(null)),
  province: z.preprocess(blankIsNull, z.enum(PROVINCE_CODES, { message: 'invalid_value' }).nullable().default(null)),
  organisationType: z.preprocess(blankIsNull, z.enum(ORGANISATION_TYPES, { message: 'invalid_value' }).nullable().default(null)),
  period: z.preprocess(blankIsNull, z.enum(STATS_PERIODS, { message: 'invalid_value' }).nullable().default(null)),
  from: z.preprocess(blankIsNull, day.nullable().default(null)),
  to: z.preprocess(blankIsNull, day.nullable().default(null)),
});

const schema = statsQueryParametersSchema.superRefine((q, ctx) => {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'range_reversed' });
});

export type StatsQueryResult = { ok: true; query: StatsQuery } | { ok: false; errors: Partial<Record<keyof StatsQuery, string>> };

/** The query a URL asks for; every problem by its parameter, for a 400 or the form's field errors. */
export function parseStatsQuery(params: URLSearchParams): StatsQueryResult {
  const raw: Record<string, string> = {};
  for (const key of ['sector', 'province', 'organisationType', 'period', 'from', 'to']) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors: Partial<Record<keyof StatsQuery, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof StatsQuery;
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  return { ok: true, query: { ...parsed.data, period: parsed.data.period ?? 'month' } };
}

/** The URL parameters of a query, defaults left out: the same view, as a link. */
export function statsSearchParams(query: StatsQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.sector) params.set('sector', query.sector);
  if (query.province) params.set('province', query.province);
  if (query.organisationType) params.set('organisationType', query.organisationType);
  if (query.period !== 'month') params.set('period', query.period);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  return params;
}

export const STATS_FORMATS = ['json', 'csv'] as const;

/** How an export is sent: JSON `{ columns, data }` (the default) or CSV. */
export const statsFormatSchema = z.object({ format: z.enum(STATS_FORMATS).default('json') });
