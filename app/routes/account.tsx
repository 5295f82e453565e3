import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { destroySession, requireActor } from '../auth/session.server.js';
import { formatDate } from '../i18n/index.js';
import { activeSessions, signOutEverywhere } from '../services/accounts.server.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('account.title') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const sessions = await activeSessions(ctx, actor);
  return {
    name: actor.name,
    email: actor.email,
    sessions: sessions.map((s) => ({ createdAt: s.created_at.toISOString(), userAgent: s.user_agent })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  await signOutEverywhere(ctx, actor);
  return redirect('/login', { headers: { 'Set-Cookie': await destroySession(request) } });
}

export default function Account() {
  const t = useT();
  const lang = useLang();
  const { name, email, sessions } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t('account.title')}</h1>
      <p>{name} — {email}</p>
      <h2>{t('account.sessions')}</h2>
      <ul>
        {sessions.map((s) => (
          <li key={s.createdAt}>{formatDate(s.createdAt, lang)} — {s.userAgent ?? '?'}</li>
        ))}
      </ul>
      <Form method="post">
        <button type="submit">{t('account.signOutEverywhere')}</button>
      </Form>
    </section>
  );
}
