import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { formatDate, type MessageKey } from '../i18n/index.js';
import type { DealCard } from '../domain/deal-view.js';
import { listMyDeals } from '../services/deal-inbox.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { DaysLeft } from '../ui/deal-facts.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('deal.inbox.title') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return { inbox: await listMyDeals(ctx, actor) };
}

const GROUPS = ['awaitingYou', 'awaitingThem', 'agreed', 'closed'] as const;

export default function MyDeals() {
  const t = useT();
  const { inbox } = useLoaderData<typeof loader>();
  const total = GROUPS.reduce((n, g) => n + inbox[g].length, 0);
  return (
    <section className="deal-inbox">
      <h1>{t('deal.inbox.title')}</h1>
      {total === 0 ? <p>{t('deal.inbox.none')}</p> : null}
      {total > 0
        ? GROUPS.map((group) => (
            <section key={group} aria-labelledby={`group-${group}`} id={group}>
              <h2 id={`group-${group}`}>
                {t(`deal.inbox.${group}` as MessageKey)} ({inbox[group].length})
              </h2>
              {inbox[group].length === 0 ? <p className="hint">{t('deal.inbox.empty')}</p> : <DealList deals={inbox[group]} />}
            </section>
          ))
        : null}
    </section>
  );
}

function DealList({ deals }: { deals: DealCard[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <ul className="deal-list">
      {deals.map((d) => (
        <li key={d.id}>
          <Link to={`/deals/${d.id}`}>{d.listingTitle}</Link>{' '}
          <span className={`status stage-${d.stage}`}>{t(`deal.stage.${d.stage}` as MessageKey)}</span>
          <p className="listing-meta">
            {t(`deal.party.${d.party}` as MessageKey)} · {t('deal.inbox.with', { name: d.counterpartName ?? t('deal.anonymousOwner') })} · {t('deal.inbox.updated', { date: formatDate(d.updatedAt, lang) })}
            {d.daysLeft !== null ? <> · <DaysLeft days={d.daysLeft} /></> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
