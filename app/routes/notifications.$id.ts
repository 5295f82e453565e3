// A notification opened from the list: marked read, then on to what it is about. A plain link,
// so that it works before JavaScript loads; marking read twice changes nothing.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { requireActor } from '../auth/session.server.js';
import { openNotification } from '../services/notifications.server.js';
import { appContext } from '../web/context.server.js';
import { asPage } from '../web/page-errors.server.js';
import { safeRedirect } from '../web/safe-redirect.js';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const link = await asPage(() => openNotification(ctx, actor, params.id ?? ''));
  return redirect(safeRedirect(link, '/notifications'), { headers: { 'Cache-Control': 'no-store' } });
}
