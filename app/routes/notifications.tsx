import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { formatDate } from '../i18n/index.js';
import { listNotifications, markAllRead, notificationText } from '../services/notifications.server.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';
import { getLanguage } from '../i18n/language.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('notifications.title') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const lang = await getLanguage(request);
  const rows = await listNotifications(ctx, actor);
  return {
    notifications: rows.map((n) => ({ id: n.id, text: notificationText(n.kind, n.params, lang), link: n.link, unread: n.read_at === null, at: n.created_at.toISOString() })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  await markAllRead(ctx, await requireActor(ctx, request));
  return { ok: true };
}

export default function Notifications() {
  const t = useT();
  const lang = useLang();
  const { notifications } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t('notifications.title')}</h1>
      {notifications.some((n) => n.unread) ? (
        <Form method="post">
          <button type="submit">{t('notifications.markRead')}</button>
        </Form>
      ) : null}
      {notifications.length === 0 ? <p>{t('notifications.none')}</p> : null}
      <ul className="notifications">
        {notifications.map((n) => (
          <li key={n.id} className={n.unread ? 'unread' : undefined}>
            {n.unread ? <span className="badge">{t('notifications.new')}</span> : null} {n.link || n.unread ? <Link to={`/notifications/${n.id}`}>{n.text}</Link> : n.text}{' '}
            <time dateTime={n.at}>{formatDate(n.at, lang)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
