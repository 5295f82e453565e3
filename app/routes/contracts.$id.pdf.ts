import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '../auth/session.server.js';
import { translator } from '../i18n/index.js';
import { getLanguage } from '../i18n/language.server.js';
import { contractPdf } from '../services/contract-files.server.js';
import { NotFoundError } from '../services/errors.js';
import { appContext } from '../web/context.server.js';
import { contractPdfResponse } from '../web/contract-pdf.server.js';

/** The contract's current version as a PDF, for the two parties and curators. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  try {
    return contractPdfResponse(await contractPdf(ctx, actor, params.id ?? ''));
  } catch (error) {
    if (error instanceof NotFoundError) {
      const text = translator(await getLanguage(request))('problem.not_found');
      return new Response(text, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
}
