import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { contractPdf } from '../services/contract-files.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';
import { contractPdfResponse } from '../web/contract-pdf.server.js';

/** GET: the current version as a PDF (`application/pdf`), its content hash in `X-Content-SHA256`. */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const ctx = appContext(context);
    return contractPdfResponse(await contractPdf(ctx, await requireApiActor(ctx, request), params.id ?? ''));
  });

export const action = methodNotAllowed;
