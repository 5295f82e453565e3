import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { formatDate, type MessageKey } from '../i18n/index.js';
import { getListing, relatedListings } from '../services/listings.server.js';
import { listingMatches, setMatchState } from '../services/matching.server.js';
import { getActor, requireActor } from '../auth/session.server.js';
import { ListingMatches } from '../ui/listing-matches.js';
import { Attachments } from '../ui/attachments.js';
import { listAttachments } from '../services/attachments.server.js';
import { interestOption } from '../services/deal-interest.server.js';
import { InterestLink } from '../ui/interest-link.js';
import { readForm } from '../web/forms.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { ListingCard } from '../ui/listing-card.js';
import { Owner, usePlaceName } from '../ui/owner.js';
import { Price } from '../ui/price.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { renderMarkdown } from '../web/markdown.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => (data ? { title: data.listing.title, description: data.listing.summary } : { title: t('error.notFound.title') }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await getActor(ctx, request);
  return asPage(async () => {
    const listing = await getListing(ctx, params.id ?? '');
    const [related, matches, files, interest] = await Promise.all([
      relatedListings(ctx, listing),
      listingMatches(ctx, listing.id, actor, 5),
      listAttachments(ctx, listing.id, actor),
      interestOption(ctx, actor, listing.id),
    ]);
    return { listing, descriptionHtml: renderMarkdown(listing.description), related, matches, files, interest };
  });
}

const MATCH_STATES = { save: 'saved', unsave: null, dismiss: 'dismissed' } as const;

/** One form per match (app/ui/listing-matches.tsx), its buttons naming the intent. */
const matchForm = z.object({ intent: z.enum(['save', 'unsave', 'dismiss']), other: z.string() });

/** The owner saves or dismisses one of the listing's matches. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return schemaAction(matchForm, await readForm(request), async (form) => {
    await setMatchState(ctx, actor, params.id ?? '', form.other, MATCH_STATES[form.intent]);
    return { ok: true as const };
  });
}

export default function ListingPage() {
  const { listing, descriptionHtml, related, matches, files, interest } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const isOffer = listing.kind === 'offer';
  const placeName = usePlaceName();
  return (
    <article className="listing-detail">
      <p className="listing-meta">
        <Link to={isOffer ? '/offers' : '/demands'}>← {t('listing.backToList')}</Link>
        <span className={`kind kind-${listing.kind}`}>{t(`kind.${listing.kind}`)}</span>
      </p>
      <h1 lang={listing.language}>{listing.title}</h1>
      <p className="lead" lang={listing.language}>{listing.summary}</p>
      <section aria-labelledby="facts-heading" className="facts">
        <h2 id="facts-heading">{t('listing.facts')}</h2>
        <dl>
          <dt>{t('listing.owner')}</dt>
          <dd><Owner owner={listing.owner} province={listing.province} region={listing.region} /></dd>
          <dt>{isOffer ? t('listing.trlReached') : t('listing.trlWanted')}</dt>
          <dd>{t('listing.trl', { trl: listing.trl })} — {t(`trl.${listing.trl}` as MessageKey)}</dd>
          <dt>{isOffer ? t('listing.price') : t('listing.budget')}</dt>
          <dd><Price min={listing.priceMin} max={listing.priceMax} negotiable={listing.priceNegotiable} /></dd>
          <dt>{t('listing.sectors')}</dt>
          <dd>{listing.sectors.map((s) => t(`sector.${s}`)).join(', ')}</dd>
          <dt>{t('listing.modes')}</dt>
          <dd>{listing.transferModes.map((m) => t(`mode.${m}`)).join(', ')}</dd>
          {listing.ipStatus ? (
            <>
              <dt>{t('listing.ip')}</dt>
              <dd>{t(`ip.${listing.ipStatus}`)}</dd>
            </>
          ) : null}
          {placeName(listing) ? (
            <>
              <dt>{listing.province ? t('listing.province') : t('listing.region')}</dt>
              <dd>{placeName(listing)}</dd>
            </>
          ) : null}
          <dt>{t('listing.language')}</dt>
          <dd>{t(`lang.${listing.language}`)}</dd>
          {listing.keywords.length ? (
            <>
              <dt>{t('listing.keywords')}</dt>
              <dd lang={listing.language}>{listing.keywords.join(', ')}</dd>
            </>
          ) : null}
        </dl>
        <p className="freshness">
          {listing.publishedAt ? <span>{t('listing.publishedOn', { date: formatDate(listing.publishedAt, lang) })}</span> : null}
          {listing.confirmedActiveAt ? <span>{t('listing.confirmedActive', { date: formatDate(listing.confirmedActiveAt, lang) })}</span> : null}
          {listing.expiresAt ? <span>{t('listing.expiresOn', { date: formatDate(listing.expiresAt, lang) })}</span> : null}
        </p>
      </section>
      <InterestLink listingId={listing.id} option={interest} />
      {listing.innovation ? (
        <section aria-labelledby="innovation-heading">
          <h2 id="innovation-heading">{isOffer ? t('listing.innovation.offer') : t('listing.innovation.demand')}</h2>
          <p lang={listing.language}>{listing.innovation}</p>
        </section>
      ) : null}
      <section aria-labelledby="description-heading">
        <h2 id="description-heading">{t('listing.description')}</h2>
        <div className="markdown" lang={listing.language} dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      </section>
      {listing.hasConfidentialDetails ? <p className="notice">{t('listing.confidential')}</p> : null}
      <Attachments files={files} listingId={listing.id} />
      <ListingMatches matches={matches.matches} mayAct={matches.mayAct} kind={listing.kind} />
      {related.length ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">{t('listing.related')}</h2>
          <ul className="listing-grid">
            {related.map((card) => (
              <li key={card.id}><ListingCard card={card} /></li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
