import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { parseStatsQuery } from '../domain/stats-query.js';
import { requireCurator } from '../services/curation.server.js';
import { agencyStats } from '../services/market-figures.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { StatsFilters } from '../ui/stats/stats-filters.js';
import { AgencyFigures } from '../ui/stats/agency-figures.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('stats.title') }));

/** The agency's statistics for the query in the URL; a wrong parameter is shown beside its field (400). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const params = new URL(request.url).searchParams;
  const parsed = parseStatsQuery(params);
  if (!parsed.ok) {
    await asPage(async () => requireCurator(actor));
    return data({ stats: null, errors: parsed.errors, values: Object.fromEntries(params) }, { status: 400 });
  }
  return { stats: await asPage(() => agencyStats(ctx, actor, parsed.query)), errors: {}, values: Object.fromEntries(params) };
}

export default function AgencyStatistics() {
  const t = useT();
  const { stats, errors, values } = useLoaderData<typeof loader>();
  return (
    <section className="stats">
      <h1>{t('stats.title')}</h1>
      <p>
        <Link to="/curator">← {t('curator.queue')}</Link> · <Link to="/market">{t('market.title')}</Link>
      </p>
      <p className="hint">{t('stats.intro')}</p>
      <StatsFilters values={values} errors={errors} />
      {stats ? <AgencyFigures stats={stats} /> : <p role="alert">{t('stats.fixFilters')}</p>}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
