// The API's OpenAPI 3.1 document, generated from the zod schemas the endpoints parse their input
// with (app/domain), so the document cannot say other than what the API accepts. Each operation
// is listed once here; /api/v1/openapi.json serves the document and /api/docs reads it for people.
import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { contractActionSchema, milestoneActionSchema } from '../domain/contract-form.js';
import { dealActionSchema, newDealSchema } from '../domain/deal-actions.js';
import { listingInputSchema, listingUpdateSchema } from '../domain/listing-input.js';
import { listingQueryParametersSchema } from '../domain/listing-query.js';
import { statsFormatSchema, statsQueryParametersSchema } from '../domain/stats-query.js';
import { PUBLIC_TABLES } from '../domain/stats-tables.js';
import { translator, type MessageKey } from '../i18n/index.js';

extendZodWithOpenApi(z);

/** Who may call an operation: anyone; anyone, a caller seeing more; a person (token or session); Stripe's signature. */
export type Caller = 'public' | 'optional' | 'person' | 'signature';

export interface ApiOperation {
  operationId: string;
  method: 'get' | 'post' | 'patch';
  /** The path with `{param}` placeholders, as OpenAPI writes it. */
  path: string;
  caller: Caller;
  query?: z.AnyZodObject;
  body?: z.ZodTypeAny;
  /** The success status and what it sends (JSON by default). */
  success: { status: 200 | 201; content?: 'json' | 'object' | 'pdf' | 'json-or-csv' };
  /** Failures besides 401/429, which depend on the caller, and 500. */
  failures: (400 | 403 | 404 | 409 | 410)[];
}

const id = z.object({ id: z.string().uuid() });
// Every listing parameter may be left out (parseListingQuery fills the defaults); search needs `q`.
const listingQuery = listingQueryParametersSchema.partial();
const searchQuery = listingQuery.extend({ q: listingQueryParametersSchema.shape.q.describe('The words to search for.') });

export const API_OPERATIONS: readonly (ApiOperation & { params?: z.AnyZodObject })[] = [
  { operationId: 'getHealth', method: 'get', path: '/api/v1/health', caller: 'public', success: { status: 200, content: 'object' }, failures: [] },
  { operationId: 'getOpenApi', method: 'get', path: '/api/v1/openapi.json', caller: 'public', success: { status: 200, content: 'object' }, failures: [] },
  { operationId: 'listListings', method: 'get', path: '/api/v1/listings', caller: 'public', query: listingQuery, success: { status: 200 }, failures: [400] },
  { operationId: 'searchListings', method: 'get', path: '/api/v1/search', caller: 'public', query: searchQuery, success: { status: 200 }, failures: [400] },
  { operationId: 'getListing', method: 'get', path: '/api/v1/listings/{id}', caller: 'public', params: id, success: { status: 200 }, failures: [404] },
  { operationId: 'listListingMatches', method: 'get', path: '/api/v1/listings/{id}/matches', caller: 'optional', params: id, success: { status: 200 }, failures: [404] },
  {
    operationId: 'getStatsTable',
    method: 'get',
    path: '/api/v1/stats/{table}',
    caller: 'public',
    params: z.object({ table: z.enum(PUBLIC_TABLES) }),
    query: statsQueryParametersSchema.merge(statsFormatSchema),
    success: { status: 200, content: 'json-or-csv' },
    failures: [400],
  },
  { operationId: 'listMyListings', method: 'get', path: '/api/v1/my/listings', caller: 'person', success: { status: 200 }, failures: [] },
  { operationId: 'createListing', method: 'post', path: '/api/v1/my/listings', caller: 'person', body: listingInputSchema, success: { status: 201 }, failures: [400, 403] },
  { operationId: 'getMyListing', method: 'get', path: '/api/v1/my/listings/{id}', caller: 'person', params: id, success: { status: 200 }, failures: [404] },
  { operationId: 'updateListing', method: 'patch', path: '/api/v1/my/listings/{id}', caller: 'person', params: id, body: listingUpdateSchema, success: { status: 200 }, failures: [400, 403, 404, 409] },
  { operationId: 'submitListing', method: 'post', path: '/api/v1/my/listings/{id}/submit', caller: 'person', params: id, success: { status: 200 }, failures: [403, 404, 409] },
  { operationId: 'listMyDeals', method: 'get', path: '/api/v1/my/deals', caller: 'person', success: { status: 200 }, failures: [] },
  { operationId: 'expressInterest', method: 'post', path: '/api/v1/my/deals', caller: 'person', body: newDealSchema, success: { status: 201 }, failures: [400, 403, 404, 409] },
  { operationId: 'getDeal', method: 'get', path: '/api/v1/my/deals/{id}', caller: 'person', params: id, success: { status: 200 }, failures: [404] },
  { operationId: 'actOnDeal', method: 'post', path: '/api/v1/my/deals/{id}/transitions', caller: 'person', params: id, body: dealActionSchema, success: { status: 200 }, failures: [400, 403, 404, 409] },
  { operationId: 'getContract', method: 'get', path: '/api/v1/my/contracts/{id}', caller: 'person', params: id, success: { status: 200 }, failures: [404] },
  { operationId: 'getContractPdf', method: 'get', path: '/api/v1/my/contracts/{id}/pdf', caller: 'person', params: id, success: { status: 200, content: 'pdf' }, failures: [404] },
  { operationId: 'actOnContract', method: 'post', path: '/api/v1/my/contracts/{id}/transitions', caller: 'person', params: id, body: contractActionSchema, success: { status: 200 }, failures: [400, 403, 404, 409] },
  { operationId: 'listContractMilestones', method: 'get', path: '/api/v1/my/contracts/{id}/milestones', caller: 'person', params: id, success: { status: 200 }, failures: [404] },
  { operationId: 'getMilestone', method: 'get', path: '/api/v1/my/milestones/{id}', caller: 'person', params: id, success: { status: 200 }, failures: [404] },
  { operationId: 'actOnMilestone', method: 'post', path: '/api/v1/my/milestones/{id}/transitions', caller: 'person', params: id, body: milestoneActionSchema, success: { status: 200 }, failures: [400, 403, 404, 409] },
  { operationId: 'receiveStripeEvent', method: 'post', path: '/api/v1/webhooks/stripe', caller: 'signature', success: { status: 200 }, failures: [400] },
];

const errorSchema = z
  .object({
    error: z.string().describe('What went wrong, in the caller’s language (`?lang=`, else Accept-Language; English by default).'),
    code: z.string().describe('The problem’s code, for programs (`not_found`, `api_token_invalid`, `too_many_attempts` …).'),
    fields: z.record(z.array(z.string())).optional().describe('400: each invalid field with its problems, as sentences.'),
    parameter: z.string().optional().describe('400 on a query: the parameter at fault.'),
  })
  .openapi('Error');

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input: `fields` (body) or `parameter` (query) says which.',
  401: 'No session, or the token is unknown, revoked or expired.',
  403: 'Not this caller’s to do — or a read-only token on a write.',
  404: 'Nothing there, or nothing this caller may see.',
  409: 'Somebody acted first, or the thing is not in a state that allows this.',
  410: 'Gone.',
  429: 'Too many requests with this token: wait `Retry-After` seconds.',
  500: 'Unexpected error (logged).',
};

const SECURITY: Record<Caller, RouteConfig['security']> = {
  public: [],
  // Anonymous callers are served too: `{}` says no credential is needed.
  optional: [{}, { bearerToken: [] }, { session: [] }],
  person: [{ bearerToken: [] }, { session: [] }],
  signature: [],
};

const SUCCESS_TEXT = { 200: 'OK', 201: 'Created' };

/** The operation's one-line summary in English (the page shows it in the reader's language). */
function summary(operationId: string): string {
  return translator('en')(`apiDocs.op.${operationId}` as MessageKey);
}

function successContent(op: ApiOperation): RouteConfig['responses'][string] {
  const json = { schema: op.success.content === 'object' ? z.object({}).passthrough() : z.object({ data: z.unknown() }).passthrough() };
  if (op.success.content === 'pdf') return { description: 'The contract as a PDF; its SHA-256 in `X-Content-SHA256`.', content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } };
  if (op.success.content === 'json-or-csv') {
    return { description: 'JSON `{ columns, data }`, or CSV with `?format=csv`.', content: { 'application/json': { schema: z.object({ columns: z.array(z.unknown()), data: z.array(z.unknown()) }) }, 'text/csv': { schema: { type: 'string' } } } };
  }
  return { description: SUCCESS_TEXT[op.success.status], content: { 'application/json': json } };
}

function route(op: ApiOperation & { params?: z.AnyZodObject }): RouteConfig {
  const failures: number[] = [...op.failures];
  // A request with a token is authenticated wherever it goes (app/web/api.server.ts); health answers monitors as it is.
  if (op.caller !== 'signature' && op.operationId !== 'getHealth') failures.push(401, 429);
  failures.push(500);
  const responses: RouteConfig['responses'] = { [op.success.status]: successContent(op) };
  for (const status of [...new Set(failures)].sort()) {
    responses[status] = {
      description: STATUS_TEXT[status]!,
      content: { 'application/json': { schema: errorSchema } },
      ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds until the token’s window ends.', schema: { type: 'integer' } } } } : {}),
    };
  }
  return {
    method: op.method,
    path: op.path,
    operationId: op.operationId,
    summary: summary(op.operationId),
    tags: [op.path.startsWith('/api/v1/my/') ? 'my' : op.caller === 'signature' ? 'webhooks' : 'market'],
    security: SECURITY[op.caller],
    request: {
      ...(op.params ? { params: op.params } : {}),
      ...(op.query ? { query: op.query } : {}),
      ...(op.caller === 'signature' ? { headers: z.object({ 'stripe-signature': z.string() }) } : {}),
      ...(op.body ? { body: { required: true, content: { 'application/json': { schema: op.body } } } } : {}),
    },
    responses,
  };
}

let cached: ReturnType<OpenApiGeneratorV31['generateDocument']> | null = null;

/** The document for a server at `serverUrl`; generated once, the schemas being fixed at build time. */
export function openApiDocument(serverUrl: string) {
  if (!cached) {
    const registry = new OpenAPIRegistry();
    registry.register('Error', errorSchema);
    registry.registerComponent('securitySchemes', 'bearerToken', {
      type: 'http',
      scheme: 'bearer',
      description: 'A personal API token made on /account (`otx_…`). A `read` token may only GET.',
    });
    registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'opentex_session', description: 'The browser’s session, for scripts on the site itself.' });
    for (const op of API_OPERATIONS) registry.registerPath(route(op));
    cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: '3.1.0',
      info: {
        title: 'OpenTEX API',
        version: '1',
        description: 'The technology exchange’s read-and-write JSON API. Errors are `{ error, code, fields? }`; send `Accept-Language: vi` for Vietnamese sentences.',
      },
      tags: [
        { name: 'market', description: 'The public market: listings, search, matches, statistics.' },
        { name: 'my', description: 'The caller’s own listings, deals, contracts and milestones.' },
        { name: 'webhooks', description: 'Events from payment providers.' },
      ],
    });
  }
  return { ...cached, servers: [{ url: serverUrl }] };
}

type JsonSchema = { type?: string | string[]; enum?: unknown[]; items?: JsonSchema; oneOf?: JsonSchema[]; properties?: Record<string, JsonSchema>; required?: string[]; $ref?: string };

export interface ReferenceField {
  name: string;
  where: 'path' | 'query' | 'header' | 'body';
  type: string;
  required: boolean;
}

export interface ReferenceOperation {
  operationId: string;
  method: string;
  path: string;
  caller: Caller;
  fields: ReferenceField[];
  /** For a body that is one of several shapes (a transition by `name`): each shape's fields. */
  variants: { name: string; fields: ReferenceField[] }[];
  statuses: string[];
}

/** A schema's type as a reader wants it, in no one language: `string`, `integer | null`, `offer | demand`, `string[]`. */
function typeText(schema: JsonSchema | undefined): string {
  if (!schema) return 'any';
  if (schema.enum) return schema.enum.length > 8 ? `${schema.enum.slice(0, 8).join(' | ')} | …` : schema.enum.join(' | ');
  if (schema.items) {
    const item = typeText(schema.items);
    return item.includes(' ') ? `(${item})[]` : `${item}[]`;
  }
  if (schema.oneOf) return schema.oneOf.map(typeText).join(' | ');
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
}

function bodyFields(schema: JsonSchema): ReferenceField[] {
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, where: 'body' as const, type: typeText(s), required: schema.required?.includes(name) ?? false }));
}

/** The operations as the documentation page lists them, read from the generated document. */
export function apiReference(serverUrl: string): ReferenceOperation[] {
  const doc = openApiDocument(serverUrl) as unknown as { paths: Record<string, Record<string, any>> };
  return API_OPERATIONS.map((op) => {
    const spec = doc.paths[op.path]![op.method]!;
    const params = ((spec.parameters ?? []) as { name: string; in: ReferenceField['where']; required?: boolean; schema?: JsonSchema }[]).map((p) => ({
      name: p.name,
      where: p.in,
      type: typeText(p.schema),
      required: p.required ?? false,
    }));
    const body = spec.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
    const variants = (body?.oneOf ?? []).map((shape) => ({ name: typeText(shape.properties?.name), fields: bodyFields(shape) }));
    return {
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      caller: op.caller,
      fields: [...params, ...(body && !body.oneOf ? bodyFields(body) : [])],
      variants,
      statuses: Object.keys(spec.responses ?? {}),
    };
  });
}
