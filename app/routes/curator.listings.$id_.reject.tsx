import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireActor } from '../auth/session.server.js';
import { requireCurator } from '../services/curation.server.js';
import { ConflictError } from '../services/errors.js';
import { applyListingTransition } from '../services/listing-lifecycle.server.js';
import { getOwnListing } from '../services/my-listings.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { parsed } from '../web/form-schema.server.js';
import { formAction, readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: data ? t('reject.title', { title: data.title }) : t('curator.reject') }));

/**
 * Rejecting a listing cannot be undone, so it has its own page: what will happen, the reason, one
 * button. The review page's "Reject" opens it (a GET carrying the reason typed there), with or without JavaScript.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => {
    requireCurator(actor);
    const listing = await getOwnListing(ctx, actor, params.id ?? '');
    if (!listing.transitions.includes('reject')) throw new ConflictError('wrong_state', undefined, 'wrong_state');
    const query = new URL(request.url).searchParams;
    const version = Number(query.get('version'));
    return {
      id: listing.id,
      title: listing.input.title,
      organisationName: listing.organisationName,
      // The version the curator saw on the review page, so a change made meanwhile is noticed.
      version: Number.isInteger(version) && version > 0 ? version : listing.version,
      reason: (query.get('reason') ?? '').slice(0, 2000),
    };
  });
}

const rejectForm = z.object({ reason: z.string().optional(), version: z.coerce.number().int().optional() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const values = await readForm(request);
  const id = params.id ?? '';
  return formAction(values, async () => {
    requireCurator(actor);
    const form = parsed(rejectForm, values);
    await applyListingTransition(ctx, actor, id, 'reject', { reason: form.reason ?? '', expectedVersion: form.version ?? null });
    return redirect(`/curator/listings/${id}`);
  });
}

export default function ConfirmReject() {
  const t = useT();
  const { id, title, organisationName, version, reason } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="narrow">
      <p><Link to={`/curator/listings/${id}`}>← {t('reject.cancel')}</Link></p>
      <h1>{t('reject.title', { title })}</h1>
      <p>{organisationName}</p>
      <p className="notice">{t('reject.lead')}</p>
      {result ? <FormMessage message={result.message} /> : null}
      <Form method="post" className="stack">
        <input type="hidden" name="version" value={version} />
        <Field name="reason" label={t('curator.reason')} errors={errors.reason}>
          <textarea {...inputProps('reason', errors.reason)} rows={4} maxLength={2000} required defaultValue={kept(result?.values, 'reason', reason)} />
        </Field>
        <p className="actions">
          <button type="submit" className="danger">{t('reject.confirm')}</button>
          <Link to={`/curator/listings/${id}`}>{t('reject.cancel')}</Link>
        </p>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
