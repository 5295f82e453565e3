import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { SECTORS } from '../domain/taxonomy.js';
import { formatCount } from '../i18n/index.js';
import { featuredListings, newestListings } from '../services/listings.server.js';
import { marketHeadlines } from '../services/market-stats.server.js';
import { ListingCard } from '../ui/listing-card.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, (t) => ({ title: t('app.tagline'), description: t('home.lead') }));

export async function loader({ context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const [headlines, featured, newest] = await Promise.all([marketHeadlines(ctx), featuredListings(ctx, 6), newestListings(ctx, 6)]);
  return { headlines, featured, newest };
}

export default function Home() {
  const { headlines, featured, newest } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <Form method="get" action="/search" className="hero-search" role="search">
          <label htmlFor="home-q">{t('home.searchLabel')}</label>
          <input id="home-q" type="search" name="q" placeholder={t('home.searchPlaceholder')} maxLength={200} />
          <button type="submit">{t('search.submit')}</button>
        </Form>
      </section>
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('home.figures')}</h2>
        <ul className="figures">
          <li><Link to="/offers"><strong>{formatCount(headlines.offers)}</strong> {t('home.offers')}</Link></li>
          <li><Link to="/demands"><strong>{formatCount(headlines.demands)}</strong> {t('home.demands')}</Link></li>
          <li>
            <strong>{formatCount(headlines.organisations)}</strong> {t('home.organisations')}
            <small>{t('home.verified', { count: headlines.verifiedOrganisations })}</small>
          </li>
        </ul>
      </section>
      <section aria-labelledby="sectors-heading">
        <h2 id="sectors-heading">{t('home.bySector')}</h2>
        <ul className="sector-grid">
          {SECTORS.map((s) => {
            const c = headlines.bySector[s] ?? { offers: 0, demands: 0 };
            return (
              <li key={s}>
                <Link to={`/search?sector=${s}`}>{t(`sector.${s}`)}</Link>
                <small>{t('home.sectorCounts', { offers: c.offers, demands: c.demands })}</small>
              </li>
            );
          })}
        </ul>
      </section>
      {featured.length ? (
        <section aria-labelledby="featured-heading">
          <h2 id="featured-heading">{t('home.featured')}</h2>
          <ul className="listing-grid">
            {featured.map((card) => (
              <li key={card.id}><ListingCard card={card} /></li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="newest-heading">
        <h2 id="newest-heading">{t('home.newest')}</h2>
        <ul className="listing-grid">
          {newest.map((card) => (
            <li key={card.id}><ListingCard card={card} /></li>
          ))}
        </ul>
      </section>
    </>
  );
}
