// The JSON API's error contract: 400/404 with `{ "error": "…" }` and nothing else escaping. The
// sentence is in the caller's language; `code` (and `problems`, `parameter`) are for programs.
import '../i18n/catalogues.js';
import type { AppLoadContext } from '@remix-run/node';
import { getApiActor, isApiPath } from '../auth/session.server.js';
import { ListingQueryError } from '../domain/listing-query.js';
import { cleanTextDeep } from '../domain/text.js';
import { BodyTooLargeError, MAX_BODY_BYTES, readBodyBytes } from './body.server.js';
import { translator, type Lang, type MessageKey } from '../i18n/index.js';
import { apiLanguage } from '../i18n/language.server.js';
import { problemText } from '../i18n/problems.js';
import { NotFoundError, RateLimitError, invalidField, type ExpectedFailure } from '../services/errors.js';
import { problem } from '../domain/problem.js';
import { appContext } from './context.server.js';
import { isExpectedFailure, statusOf } from './failure.server.js';

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Runs an API endpoint and answers JSON, every expected failure in the API's error shape. A
 * request that carries a token is authenticated first, on public endpoints too, so a revoked or
 * unknown token is a 401 (and every use is counted against the token's limit) wherever it goes.
 */
export async function apiResponse({ request, context }: { request: Request; context: AppLoadContext }, run: () => Promise<unknown>): Promise<Response> {
  try {
    if (request.headers.has('Authorization') && isApiPath(request)) await getApiActor(appContext(context), request);
    const body = await run();
    return body instanceof Response ? body : Response.json(body);
  } catch (error) {
    const lang = await apiLanguage(request);
    const t = translator(lang);
    if (error instanceof ListingQueryError) {
      const query = problem('query_parameter', { parameter: error.parameter });
      return jsonError(400, problemText(t, lang, query), { code: query.code, parameter: error.parameter });
    }
    if (error instanceof BodyTooLargeError) return bodyTooLarge(t('error.413.text'));
    if (isExpectedFailure(error)) return failureResponse(error, lang);
    console.error(error);
    return jsonError(500, t('api.internal'), { code: 'internal' });
  }
}

/**
 * An expected failure as the API answers it: the status from the one mapper, the sentence in the
 * caller's language, and the codes for programs (`code`, and `problems` field by field).
 */
export function failureResponse(error: ExpectedFailure, lang: Lang): Response {
  const t = translator(lang);
  const fields = Object.fromEntries(Object.entries(error.fieldErrors).map(([f, ps]) => [f, ps.map((p) => problemText(t, lang, p))]));
  const sentence =
    error instanceof NotFoundError
      ? t('api.notFound', { entity: t(`entity.${error.entity}` as MessageKey), id: error.id })
      : error.kind === 'invalid'
        ? // A problem of the whole request (a contract with blanks …) is the sentence itself; field problems are listed in `fields`.
          (error.fieldErrors.form?.[0] ? problemText(t, lang, error.fieldErrors.form[0]) : t('api.invalid'))
        : problemText(t, lang, error.problem);
  const extra = error.kind === 'invalid' ? { fields, problems: error.fieldErrors } : {};
  const headers =
    error instanceof RateLimitError
      ? { 'Retry-After': String(Math.ceil(error.retryAfterSeconds)) }
      : // RFC 6750: a 401 names the scheme, and says when the token itself was refused.
        error.kind === 'unauthenticated'
        ? { 'WWW-Authenticate': error.problem.code === 'api_token_invalid' ? 'Bearer realm="opentex", error="invalid_token"' : 'Bearer realm="opentex"' }
        : undefined;
  const response = jsonError(statusOf(error), sentence, { code: error.problem.code, ...extra });
  if (headers) for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export async function methodNotAllowed({ request }: { request: Request }): Promise<Response> {
  return jsonError(405, translator(await apiLanguage(request))('api.methodNotAllowed'), { code: 'method_not_allowed' });
}

export async function noSuchEndpoint({ request }: { request: Request }): Promise<Response> {
  return jsonError(404, translator(await apiLanguage(request))('api.noEndpoint'), { code: 'no_endpoint' });
}

export const BODY_TOO_LARGE_MESSAGE = `The request body is too large: ${MAX_BODY_BYTES / 1024 / 1024} MB at most`;

function bodyTooLarge(sentence: string): Response {
  return Response.json({ error: sentence, code: 'body_too_large' }, { status: 413, headers: { 'Cache-Control': 'no-store', Connection: 'close' } });
}

/**
 * A JSON request body (at most 1 MB, else 413) with control characters removed from its
 * strings, or a 400 that says why it could not be read.
 */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) throw invalidField('body', 'json_content_type');
  const bytes = await readBodyBytes(request, MAX_BODY_BYTES);
  try {
    return cleanTextDeep(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    throw invalidField('body', 'json_body');
  }
}

/** The envelope of a page of listings, shared by GET listings and GET search. */
export function listingPage(
  query: { page: number; perPage: number },
  result: { cards: unknown[]; total: number; facets: unknown; engine: string; processingTimeMs: number },
) {
  return {
    data: result.cards,
    meta: {
      total: result.total,
      page: query.page,
      perPage: query.perPage,
      totalPages: Math.max(1, Math.ceil(result.total / query.perPage)),
      engine: result.engine,
      processingTimeMs: result.processingTimeMs,
    },
    facets: result.facets,
  };
}
