import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '../auth/session.server.js';
import { translator } from '../i18n/index.js';
import { getLanguage } from '../i18n/language.server.js';
import { paperScan } from '../services/contract-files.server.js';
import { NotFoundError } from '../services/errors.js';
import { appContext } from '../web/context.server.js';

/** The uploaded scan of the signed paper contract, for the two parties and curators; always a download. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  try {
    const scan = await paperScan(ctx, actor, params.id ?? '');
    return new Response(new Uint8Array(scan.bytes), {
      headers: { 'Content-Type': scan.contentType, 'Content-Disposition': `attachment; filename="${scan.filename}"`, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' },
    });
  } catch (error) {
    if (error instanceof NotFoundError) {
      const text = translator(await getLanguage(request))('problem.not_found');
      return new Response(text, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
}
