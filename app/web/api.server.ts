// The JSON API's error contract: 400/404 with `{ "error": "…" }` and nothing else escaping.
import { ListingQueryError } from '../domain/listing-query.js';
import { cleanTextDeep } from '../domain/text.js';
import { BodyTooLargeError, MAX_BODY_BYTES, readBodyBytes } from './body.server.js';
import { AuthenticationError, ConflictError, InvalidInputError, NotFoundError, PermissionError, RateLimitError } from '../services/errors.js';

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export async function apiResponse(run: () => Promise<unknown>): Promise<Response> {
  try {
    const body = await run();
    return body instanceof Response ? body : Response.json(body);
  } catch (error) {
    if (error instanceof ListingQueryError) return jsonError(400, error.message, { parameter: error.parameter });
    if (error instanceof NotFoundError) return jsonError(404, `No ${error.entity} with id "${error.id}"`);
    if (error instanceof InvalidInputError) return jsonError(400, 'Invalid input', { fields: error.fieldErrors });
    if (error instanceof AuthenticationError) return jsonError(401, 'Sign in first: this endpoint needs a session');
    if (error instanceof PermissionError) return jsonError(403, error.message);
    if (error instanceof ConflictError) return jsonError(409, error.message);
    if (error instanceof RateLimitError) return jsonError(429, error.message);
    if (error instanceof BodyTooLargeError) return bodyTooLarge();
    console.error(error);
    return jsonError(500, 'Internal error: the problem has been logged');
  }
}

export const methodNotAllowed = () => jsonError(405, 'Method not allowed');

export const BODY_TOO_LARGE_MESSAGE = `The request body is too large: ${MAX_BODY_BYTES / 1024 / 1024} MB at most`;

function bodyTooLarge(): Response {
  return Response.json({ error: BODY_TOO_LARGE_MESSAGE }, { status: 413, headers: { 'Cache-Control': 'no-store', Connection: 'close' } });
}

/**
 * A JSON request body (at most 1 MB, else 413) with control characters removed from its
 * strings, or a 400 that says why it could not be read.
 */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) throw new InvalidInputError({ body: ['send JSON with Content-Type: application/json'] });
  const bytes = await readBodyBytes(request, MAX_BODY_BYTES);
  try {
    return cleanTextDeep(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    throw new InvalidInputError({ body: ['the body is not valid JSON'] });
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
