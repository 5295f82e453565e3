import type { LoaderFunctionArgs } from '@remix-run/node';
import { getActor } from '../auth/session.server.js';
import { getAttachment } from '../services/attachments.server.js';
import { translator } from '../i18n/index.js';
import { getLanguage } from '../i18n/language.server.js';
import { NotFoundError } from '../services/errors.js';
import { appContext } from '../web/context.server.js';

/** A listing's file, always as a download (never rendered in our origin). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  try {
    const file = await getAttachment(ctx, params.id ?? '', await getActor(ctx, request));
    return new Response(new Uint8Array(file.data), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'Cache-Control': 'private, max-age=300',
      },
    });
  } catch (error) {
    // A download link, not a page: the answer is a line of text in the reader's language.
    if (error instanceof NotFoundError) {
      const text = translator(await getLanguage(request))('problem.not_found');
      return new Response(text, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
}
