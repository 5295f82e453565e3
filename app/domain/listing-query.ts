// The one description of "which listings, in what order" shared by the pages, the API,
// Meilisearch and the PostgreSQL fallback. Parsed from URL parameters.
import { z } from 'zod';
import { PROVINCE_CODES } from './provinces.js';
import { cleaned } from './text.js';
import {
  IP_STATUSES,
  LISTING_KINDS,
  ORGANISATION_TYPES,
  SECTORS,
  TRANSFER_MODES,
  TRL_MAX,
  TRL_MIN,
  type IpStatus,
  type ListingKind,
  type OrganisationType,
  type Sector,
  type TransferMode,
} from './taxonomy.js';

export const LISTING_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];

export const FACETS = ['sectors', 'transfer_modes', 'ip_status', 'province', 'organisation_type', 'kind'] as const;
export type Facet = (typeof FACETS)[number];
export type FacetCounts = Partial<Record<Facet, Record<string, number>>>;

export interface ListingQuery {
  q: string;
  kind: ListingKind | null;
  sectors: Sector[];
  trlMin: number | null;
  trlMax: number | null;
  transferModes: TransferMode[];
  ipStatuses: IpStatus[];
  provinces: string[];
  organisationTypes: OrganisationType[];
  sort: ListingSort;
  page: number;
  perPage: number;
}

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
export const MAX_PAGE = 500;
export const MAX_QUERY_LENGTH = 200;

const many = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).max(values.length);
const trl = z.coerce.number().int().min(TRL_MIN).max(TRL_MAX).nullable();

/** The URL parameters of a listing query, as the API documents them (app/web/openapi.server.ts). */
export const listingQueryParametersSchema = z.object({
  q: cleaned(z.string().max(MAX_QUERY_LENGTH)),
  kind: z.enum(LISTING_KINDS).nullable(),
  sector: many(SECTORS),
  trl_min: trl,
  trl_max: trl,
  mode: many(TRANSFER_MODES),
  ip: many(IP_STATUSES),
  province: many(PROVINCE_CODES),
  org_type: many(ORGANISATION_TYPES),
  sort: z.enum(LISTING_SORTS).nullable(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE),
  per_page: z.coerce.number().int().min(1).max(MAX_PER_PAGE),
});

const schema = listingQueryParametersSchema.refine((v) => v.trl_min === null || v.trl_max === null || v.trl_min <= v.trl_max, {
  path: ['trl_max'],
  message: 'below_minimum',
});

export type QueryParameter = keyof z.input<typeof schema>;

export class ListingQueryError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'ListingQueryError';
  }
}

/**
 * Reads a listing query from URL parameters. `fixedKind` is the kind a page stands for
 * (`/offers`); a conflicting `kind` parameter is ignored there.
 */
export function parseListingQuery(params: URLSearchParams, fixedKind?: ListingKind): ListingQuery {
  const empty = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());
  const all = (name: string) => [...new Set(params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
  const raw = {
    q: params.get('q') ?? '',
    kind: fixedKind ?? empty(params.get('kind')),
    sector: all('sector'),
    trl_min: empty(params.get('trl_min')),
    trl_max: empty(params.get('trl_max')),
    mode: all('mode'),
    ip: all('ip'),
    province: all('province'),
    org_type: all('org_type'),
    sort: empty(params.get('sort')),
    page: empty(params.get('page')) ?? '1',
    per_page: empty(params.get('per_page')) ?? String(DEFAULT_PER_PAGE),
  };
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const parameter = String(issue.path[0] ?? 'query');
    throw new ListingQueryError(parameter, `Invalid parameter "${parameter}": ${describeIssue(issue)}`);
  }
  const v = result.data;
  return {
    q: v.q,
    kind: v.kind,
    sectors: v.sector,
    trlMin: v.trl_min,
    trlMax: v.trl_max,
    transferModes: v.mode,
    ipStatuses: v.ip,
    provinces: v.province,
    organisationTypes: v.org_type,
    sort: v.sort ?? (v.q ? 'relevance' : 'newest'),
    page: v.page,
    perPage: v.per_page,
  };
}

function describeIssue(issue: z.ZodIssue): string {
  if (issue.code === 'invalid_enum_value') return `expected one of ${issue.options.join(', ')}`;
  if (issue.code === 'too_big' && issue.type === 'string') return `at most ${issue.maximum} characters`;
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    return `must be between its limits (${issue.message.toLowerCase()})`;
  }
  if (issue.code === 'invalid_type') return 'expected a whole number';
  return issue.message;
}

/** The same query as URL parameters (for links: pagination, facets, the language switch). */
export function listingQueryToParams(query: ListingQuery, omitKind = false): URLSearchParams {
  const p = new URLSearchParams();
  if (query.q) p.set('q', query.q);
  if (query.kind && !omitKind) p.set('kind', query.kind);
  for (const s of query.sectors) p.append('sector', s);
  if (query.trlMin !== null) p.set('trl_min', String(query.trlMin));
  if (query.trlMax !== null) p.set('trl_max', String(query.trlMax));
  for (const m of query.transferModes) p.append('mode', m);
  for (const i of query.ipStatuses) p.append('ip', i);
  for (const pr of query.provinces) p.append('province', pr);
  for (const o of query.organisationTypes) p.append('org_type', o);
  if (query.sort !== (query.q ? 'relevance' : 'newest')) p.set('sort', query.sort);
  if (query.page > 1) p.set('page', String(query.page));
  if (query.perPage !== DEFAULT_PER_PAGE) p.set('per_page', String(query.perPage));
  return p;
}

export function totalPages(total: number, perPage: number): number {
  return Math.max(1, Math.min(MAX_PAGE, Math.ceil(total / perPage)));
}
