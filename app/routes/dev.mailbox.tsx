import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { developmentMailbox } from '../services/mail.server.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { isLocalRequest } from '../web/local-request.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => [...pageMeta(matches, (t) => ({ title: t('mailbox.title') })), { name: 'robots', content: 'noindex' }];

// Live reset and invitation links: never cached, never sent on as a Referer.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });

// Off unless DEV_MAILBOX=true, and then only for requests from this machine with the key from
// the server's log (404 otherwise).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  return asPage(async () => {
    const emails = await developmentMailbox(ctx, {
      fromThisMachine: isLocalRequest(context.clientIp, request.headers),
      key: new URL(request.url).searchParams.get('key'),
    });
    return { emails: emails.map((e) => ({ id: e.id, to: e.to, subject: e.subject, text: e.text, at: e.created_at.toISOString() })) };
  });
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
  return text.split(/(https?:\/\/\S+)/g).map((part, i) => (/^https?:\/\//.test(part) ? <a key={i} href={part} rel="noreferrer">{part}</a> : part));
}
