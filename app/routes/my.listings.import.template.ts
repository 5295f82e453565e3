import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '../auth/session.server.js';
import { getLanguage } from '../i18n/language.server.js';
import { templateFor } from '../services/bulk-import.server.js';
import { appContext } from '../web/context.server.js';
import { asPage } from '../web/page-errors.server.js';

/** The import template (`?format=xlsx` or `csv`) with headers in the reader's language. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(appContext(context), request);
  const format = new URL(request.url).searchParams.get('format') ?? 'xlsx';
  const file = await asPage(async () => templateFor(actor, format, await getLanguage(request)));
  return new Response(file.body, { headers: { 'Content-Type': file.type, 'Content-Disposition': `attachment; filename="${file.name}"`, 'Cache-Control': 'private, no-store' } });
}
