import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { NotFoundError } from '../services/errors.js';
import { getOwnListing, updateListing } from '../services/my-listings.server.js';
import { applyListingTransition } from '../services/listing-lifecycle.server.js';
import { CuratorRequestNotice } from '../ui/curator-request.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { ListingForm } from '../ui/listing-form.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { listingFormFromInput, listingFormFromValues } from '../ui/listing-form-values.js';
import { listingFormAction } from '../web/listing-form.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('my.edit') }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => {
    const listing = await getOwnListing(ctx, actor, params.id ?? '');
    if (!listing.editable) throw new NotFoundError('listing', listing.id);
    // A revision waiting for review is where the owner goes on from.
    // `?submit=incomplete`: the owner tried to submit from the listing's page; show what is missing.
    const showProblems = new URL(request.url).searchParams.get('submit') === 'incomplete' && listing.submissionProblems !== null;
    return {
      id: listing.id,
      version: listing.version,
      status: listing.status,
      values: listingFormFromInput(listing.pendingRevision?.input ?? listing.input),
      curatorRequest: listing.curatorRequest,
      maySubmit: listing.transitions.includes('submit'),
      problems: showProblems ? listing.submissionProblems : null,
    };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const id = params.id ?? '';
  return listingFormAction(request, async (input, form) => {
    const saved = await updateListing(ctx, actor, id, input, form.version);
    // Saved first: a submission refused for what is missing keeps the text, and shows the fields.
    if (form.intent === 'submit') await applyListingTransition(ctx, actor, id, 'submit', { expectedVersion: saved.version });
    return `/my/listings/${id}${form.intent === 'submit' ? '?done=submit' : ''}`;
  });
}

export default function EditListing() {
  const t = useT();
  const { values, version, status, curatorRequest, maySubmit, problems } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t('my.edit')}</h1>
      {curatorRequest ? <CuratorRequestNotice request={curatorRequest} /> : null}
      {status === 'published' ? <p className="notice">{t('my.editPublishedHint')}</p> : null}
      <ListingForm
        values={result ? listingFormFromValues(result.values, values.kind) : values}
        errors={result && !result.ok ? result.fieldErrors : (problems ?? {})}
        message={result && !result.ok ? result.message : problems ? { code: 'incomplete_for_review' } : null}
        submitForReviewLabel={maySubmit ? t('listingForm.saveAndSubmit') : undefined}
        previewHtml={result && 'previewHtml' in result ? (result.previewHtml ?? null) : null}
        version={version}
        submitLabel={t('listingForm.save')}
      />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
