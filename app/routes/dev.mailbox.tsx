import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { developmentMailbox } from '../services/mail.server.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('mailbox.title') }));

// Only without SMTP: then no email leaves the machine, and this page is how a developer reads
// them (the password reset works end to end on a fresh machine). With SMTP it does not exist.
export async function loader({ context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  if (ctx.smtpConfigured) throw data({ error: 'Not found' }, { status: 404 });
  const emails = await developmentMailbox(ctx);
  return { emails: emails.map((e) => ({ id: e.id, to: e.to, subject: e.subject, text: e.text, at: e.created_at.toISOString() })) };
}

export default function DevMailbox() {
  const t = useT();
  const { emails } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t('mailbox.title')}</h1>
      <p className="notice">{t('mailbox.lead')}</p>
      {emails.length === 0 ? <p>{t('mailbox.empty')}</p> : null}
      {emails.map((e) => (
        <article key={e.id} className="email">
          <h2>{e.subject}</h2>
          <p className="hint">{t('mailbox.to')} {e.to} · {e.at}</p>
          <pre className="pre">{linkify(e.text)}</pre>
        </article>
      ))}
    </section>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) => (/^https?:\/\//.test(part) ? <a key={i} href={part}>{part}</a> : part));
}
