import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '../auth/session.server.js';
import { getDealFile } from '../services/deal-messages.server.js';
import { translator } from '../i18n/index.js';
import { getLanguage } from '../i18n/language.server.js';
import { NotFoundError } from '../services/errors.js';
import { appContext } from '../web/context.server.js';

/** A file of a deal's thread, for the two sides and curators; always a download, never rendered in our origin. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  try {
    const file = await getDealFile(ctx, actor, params.id ?? '', params.fileId ?? '');
    return new Response(new Uint8Array(file.data), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) {
      const text = translator(await getLanguage(request))('problem.not_found');
      return new Response(text, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
}
