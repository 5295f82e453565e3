import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
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
import { ListingFacts, ListingText } from '../ui/listing-facts.js';
import { useT } from '../ui/use-t.js';
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
  const isOffer = listing.kind === 'offer';
  return (
    <article className="listing-detail">
      <p className="listing-meta">
        <Link to={isOffer ? '/offers' : '/demands'}>← {t('listing.backToList')}</Link>
        <span className={`kind kind-${listing.kind}`}>{t(`kind.${listing.kind}`)}</span>
      </p>
      <h1 lang={listing.language}>{listing.title}</h1>
      <p className="lead" lang={listing.language}>{listing.summary}</p>
      <ListingFacts listing={listing} />
      <InterestLink listingId={listing.id} option={interest} />
      <ListingText listing={listing} descriptionHtml={descriptionHtml} />
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
