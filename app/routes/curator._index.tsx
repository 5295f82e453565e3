import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { formatDate } from '../i18n/index.js';
import { attachmentsAwaitingReview } from '../services/attachments.server.js';
import { reviewQueue } from '../services/curation.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { asPage } from '../web/page-errors.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('curator.queue') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => ({ queue: await reviewQueue(ctx, actor), files: await attachmentsAwaitingReview(ctx, actor) }));
}

export default function CuratorQueue() {
  const t = useT();
  const lang = useLang();
  const { queue, files } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t('curator.queue')}</h1>
      <p><Link to="/curator/organisations">{t('curator.organisations')}</Link> · <Link to="/curator/deals">{t('curatorDeals.title')}</Link> · <Link to="/curator/import">{t('import.curatorTitle')}</Link></p>
      {queue.length === 0 ? <p>{t('curator.empty')}</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('listingForm.title')}</th>
            <th scope="col">{t('listing.owner')}</th>
            <th scope="col">{t('curator.submitted')}</th>
            <th scope="col">{t('curator.waiting')}</th>
          </tr>
        </thead>
        <tbody>
          {queue.map((q) => (
            <tr key={q.id}>
              <td>
                <span className={`kind kind-${q.kind}`}>{t(`kind.${q.kind}`)}</span> <Link to={`/curator/listings/${q.id}`}>{q.title}</Link>
                {q.revision ? <> <span className="badge">{t('revision.badge')}</span></> : null}
              </td>
              <td>{q.organisationName}{q.organisationVerified ? ' ✓' : ''}</td>
              <td>{formatDate(q.submittedAt, lang)}</td>
              <td>{t('curator.hours', { count: q.waitingHours })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {files.length ? (
        <section aria-labelledby="files-waiting-heading">
          <h2 id="files-waiting-heading">{t('curator.filesWaiting')}</h2>
          <ul>
            {files.map((f) => (
              <li key={f.id}>
                <Link to={`/curator/listings/${f.listingId}`}>{f.listingTitle}</Link> · {f.organisationName} · {f.filename} · {formatDate(f.addedAt, lang)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
