import type { LoaderFunctionArgs } from '@remix-run/node';
import { getListing } from '../services/listings.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => ({ data: await getListing(appContext(context), params.id ?? '') }));

export const action = methodNotAllowed;
