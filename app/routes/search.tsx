import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ListingBrowser } from '../ui/listing-browser.js';
import { useT } from '../ui/use-t.js';
import { loadBrowse } from '../web/browse.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => ({ title: data?.query.q ? t('search.titleFor', { q: data.query.q }) : t('search.title') }));

export const loader = ({ request, context }: LoaderFunctionArgs) => loadBrowse(request, context);

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{data.query.q ? t('search.titleFor', { q: data.query.q }) : t('search.title')}</h1>
      <ListingBrowser data={data} action="/search" fixedKind={null} />
    </>
  );
}
