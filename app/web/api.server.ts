// The JSON API's error contract: 400/404 with `{ "error": "…" }` and nothing else escaping.
import { ListingQueryError } from '../domain/listing-query.js';
import { InvalidInputError, NotFoundError } from '../services/errors.js';

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
    console.error(error);
    return jsonError(500, 'Internal error: the problem has been logged');
  }
}

export const methodNotAllowed = () => jsonError(405, 'Method not allowed');

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
