import type { LoaderFunctionArgs } from '@remix-run/node';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';
import { openApiDocument } from '../web/openapi.server.js';

/** GET: the API's OpenAPI 3.1 document, generated from the schemas the endpoints parse with. */
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () =>
    Response.json(openApiDocument(`${appContext(context).publicUrl.replace(/\/$/, '')}`), { headers: { 'Cache-Control': 'public, max-age=300' } }),
  );

export const action = methodNotAllowed;
