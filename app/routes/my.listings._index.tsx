import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { formatDate, type MessageKey } from '../i18n/index.js';
import { mayImportForOwn } from '../services/bulk-import.server.js';
import { listOwnListings } from '../services/my-listings.server.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('my.title') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return { listings: await listOwnListings(ctx, actor), mayImport: mayImportForOwn(actor) };
}

export default function MyListings() {
  const t = useT();
  const lang = useLang();
  const { listings, mayImport } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t('my.title')}</h1>
      <p className="actions">
        <Link className="button" to="/my/listings/new?kind=offer">{t('my.newOffer')}</Link>
        <Link className="button" to="/my/listings/new?kind=demand">{t('my.newDemand')}</Link>
        {mayImport ? <Link to="/my/listings/import">{t('import.link')}</Link> : null}
      </p>
      {listings.length === 0 ? <p>{t('my.none')}</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('listingForm.title')}</th>
            <th scope="col">{t('filters.kind')}</th>
            <th scope="col">{t('my.status')}</th>
            <th scope="col">{t('my.updated')}</th>
            <th scope="col">{t('my.expires')}</th>
          </tr>
        </thead>
        <tbody>
          {listings.map((l) => (
            <tr key={l.id}>
              <td><Link to={`/my/listings/${l.id}`}>{l.title}</Link></td>
              <td>{t(`kind.${l.kind}`)}</td>
              <td><span className={`status status-${l.status}`}>{t(`status.${l.status}` as MessageKey)}</span></td>
              <td>{formatDate(l.updated_at, lang)}</td>
              <td>{l.expires_at ? formatDate(l.expires_at, lang) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
