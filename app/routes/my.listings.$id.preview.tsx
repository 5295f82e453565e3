import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import type { MessageKey } from '../i18n/index.js';
import { previewOwnListing } from '../services/my-listings.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { ListingPublicView } from '../ui/listing-public.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { renderMarkdown } from '../web/markdown.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => ({ title: `${t('preview.notice')}: ${data?.listing.title ?? ''}` }));

/** The owner's listing, in any state, as the public page will show it. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => {
    const { listing, status } = await previewOwnListing(ctx, actor, params.id ?? '');
    return { listing, status, descriptionHtml: renderMarkdown(listing.description) };
  });
}

export default function ListingPreview() {
  const t = useT();
  const { listing, status, descriptionHtml } = useLoaderData<typeof loader>();
  return (
    <ListingPublicView
      listing={listing}
      descriptionHtml={descriptionHtml}
      meta={
        <>
          <p className="listing-meta">
            <Link to={`/my/listings/${listing.id}`}>← {t('preview.back')}</Link>
            <span className={`status status-${status}`}>{t(`status.${status}` as MessageKey)}</span>
          </p>
          {status === 'published' ? null : (
            <section className="notice preview-notice" role="note" aria-labelledby="preview-notice">
              <h2 id="preview-notice">{t('preview.notice')}</h2>
              <p>{t('preview.explain')}</p>
            </section>
          )}
        </>
      }
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
