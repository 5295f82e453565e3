import type { LoaderFunctionArgs } from '@remix-run/node';
import { getActor } from '../auth/session.server.js';
import { translator } from '../i18n/index.js';
import { getLanguage } from '../i18n/language.server.js';
import { NotFoundError } from '../services/errors.js';
import { verificationDocument } from '../services/verification.server.js';
import { appContext } from '../web/context.server.js';

/** An organisation's registration document, for its admins and curators; always a download, never rendered in our origin. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  try {
    const file = await verificationDocument(ctx, await getActor(ctx, request), params.id ?? '');
    return new Response(new Uint8Array(file.data), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'Cache-Control': 'private, no-store',
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
