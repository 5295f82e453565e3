import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { provinceName } from '../domain/provinces.js';
import { getOrganisationProfile } from '../services/organisations.server.js';
import { reviewsOfOrganisation } from '../services/reviews.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { ListingCard } from '../ui/listing-card.js';
import { OrganisationReviews } from '../ui/organisation-reviews.js';
import { VerifiedBadge } from '../ui/owner.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => (data ? { title: data.organisation.name, description: data.organisation.description } : { title: t('error.notFound.title') }));

export async function loader({ params, context }: LoaderFunctionArgs) {
  return asPage(async () => {
    const ctx = appContext(context);
    const organisation = await getOrganisationProfile(ctx, params.slug ?? '');
    return { organisation, reviews: await reviewsOfOrganisation(ctx, organisation.id) };
  });
}

export default function OrganisationPage() {
  const { organisation: org, reviews } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <article className="organisation">
      <h1>
        {org.name} {org.verified ? <VerifiedBadge /> : null}
      </h1>
      <dl className="facts">
        <dt>{t('org.type')}</dt>
        <dd>{t(`org.type.${org.type}`)}</dd>
        <dt>{t('org.province')}</dt>
        <dd>{provinceName(org.province, lang)}</dd>
        {org.website ? (
          <>
            <dt>{t('org.website')}</dt>
            <dd><a href={org.website} rel="nofollow noopener">{org.website}</a></dd>
          </>
        ) : null}
      </dl>
      {org.description ? <p className="lead">{org.description}</p> : null}
      <section aria-labelledby="org-listings-heading">
        <h2 id="org-listings-heading">{t('org.listings')}</h2>
        {org.listings.length === 0 ? <p>{t('org.noListings')}</p> : null}
        <ul className="listing-grid">
          {org.listings.map((card) => (
            <li key={card.id}><ListingCard card={card} /></li>
          ))}
        </ul>
      </section>
      <OrganisationReviews reviews={reviews} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
