import type { LoaderFunctionArgs } from '@remix-run/node';
import { getActor } from '../auth/session.server.js';
import { getAttachment } from '../services/attachments.server.js';
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
    if (error instanceof NotFoundError) return new Response('Not found', { status: 404 });
    throw error;
  }
}
