import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { KindBrowsePage } from '../ui/listing-browser.js';
import { loadBrowse } from '../web/browse.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, (t) => ({ title: t('browse.demands.title'), description: t('browse.demands.lead') }));

export const loader = ({ request, context }: LoaderFunctionArgs) => loadBrowse(request, context, 'demand');

export default function Demands() {
  return <KindBrowsePage data={useLoaderData<typeof loader>()} kind="demand" />;
}
