import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatVnd } from '../domain/money.js';
import { formatCount } from '../i18n/index.js';
import { publicMarket } from '../services/market-figures.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Downloads, FunnelFigure, SupplyDemandTable } from '../ui/stats/agency-figures.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('market.title'), description: t('market.intro') }));

export async function loader({ context }: LoaderFunctionArgs) {
  return { market: await publicMarket(appContext(context)) };
}

/** The market in figures, for the public: aggregates only, and any figure under 3 hidden. */
export default function MarketPage() {
  const t = useT();
  const { market } = useLoaderData<typeof loader>();
  const h = market.headlines;
  const n = (v: number | null) => (v === null ? t('stats.hidden') : formatCount(v));
  return (
    <section className="stats">
      <h1>{t('market.title')}</h1>
      <p>{t('market.intro')}</p>
      <ul className="headline-figures">
        <li><strong>{n(h.offers)}</strong> {t('market.offers')}</li>
        <li><strong>{n(h.demands)}</strong> {t('market.demands')}</li>
        <li><strong>{n(h.organisations)}</strong> {t('market.organisations')}</li>
        <li><strong>{n(h.completed)}</strong> {t('market.completed')}</li>
        <li><strong>{h.valueSigned === null ? t('stats.hidden') : formatVnd(h.valueSigned)}</strong> {t('market.valueSigned')}</li>
      </ul>
      <section aria-labelledby="funnel-heading">
        <h2 id="funnel-heading">{t('stats.funnel')}</h2>
        <FunnelFigure row={market.funnel} hidden />
        <Downloads base="/api/v1/stats" table="funnel" query="" />
      </section>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{t('stats.supplyDemand')}</h2>
        <SupplyDemandTable rows={market.supplyDemand} />
        <Downloads base="/api/v1/stats" table="supply-demand" query="" />
      </section>
      <p className="hint">{t('market.openData')}</p>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
