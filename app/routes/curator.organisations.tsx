import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { provinceName } from '../domain/provinces.js';
import { formatDate } from '../i18n/index.js';
import { listOrganisationsForCuration } from '../services/verification.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('curator.organisations') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => ({ organisations: await listOrganisationsForCuration(ctx, actor) }));
}

/** Requests waiting first; each organisation's evidence and the decision are on its own page. */
export default function CuratorOrganisations() {
  const t = useT();
  const lang = useLang();
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t('curator.organisations')}</h1>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('auth.organisationName')}</th>
              <th scope="col">{t('org.type')}</th>
              <th scope="col">{t('auth.taxCode')}</th>
              <th scope="col">{t('filters.province')}</th>
              <th scope="col">{t('verification.status')}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <td><Link to={`/curator/organisations/${o.id}`}>{o.name}</Link></td>
                <td>{t(`org.type.${o.type}`)}</td>
                <td>{o.taxCode}</td>
                <td>{provinceName(o.province, lang)}</td>
                <td>
                  {o.requestedAt ? (
                    <Link to={`/curator/organisations/${o.id}`}>
                      {t('verification.status.pending')} ({formatDate(o.requestedAt, lang)}) — {t('verification.open')}
                    </Link>
                  ) : o.verifiedAt ? (
                    `${t('verification.status.verified')} (${formatDate(o.verifiedAt, lang)})`
                  ) : (
                    t('verification.status.unverified')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
