import { randomUUID } from 'node:crypto';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { createListing } from '../services/my-listings.server.js';
import { ListingForm } from '../ui/listing-form.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { emptyListingForm, listingFormFromValues } from '../ui/listing-form-values.js';
import { listingFormAction } from '../web/listing-form.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('my.newListing') }));

const kindOf = (request: Request) => (new URL(request.url).searchParams.get('kind') === 'demand' ? 'demand' : 'offer');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActor(appContext(context), request);
  // One key per form shown: a second POST of the same form (a double click) finds the first draft.
  return { kind: kindOf(request) as 'offer' | 'demand', draftKey: randomUUID() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return listingFormAction(request, async (input, form) => `/my/listings/${(await createListing(ctx, actor, input, { idempotencyKey: form.draftKey })).id}`);
}

export default function NewListing() {
  const t = useT();
  const { kind, draftKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result ? listingFormFromValues(result.values, kind) : null;
  return (
    <section className="narrow">
      <h1>{kind === 'offer' ? t('my.newOffer') : t('my.newDemand')}</h1>
      <ListingForm
        values={values ?? emptyListingForm(kind)}
        errors={result && !result.ok ? result.fieldErrors : {}}
        message={result && !result.ok ? result.message : null}
        previewHtml={result && 'previewHtml' in result ? (result.previewHtml ?? null) : null}
        submitLabel={t('listingForm.saveDraft')}
        draftKey={result && typeof result.values.draftKey === 'string' ? result.values.draftKey : draftKey}
      />
    </section>
  );
}
