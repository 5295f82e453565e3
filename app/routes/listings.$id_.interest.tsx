import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { interestSchema } from '../domain/deal-terms.js';
import { interestFormSchema } from '../domain/deal-form.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { TRANSFER_MODES } from '../domain/taxonomy.js';
import { requireActor } from '../auth/session.server.js';
import { expressInterest } from '../services/deals.server.js';
import { openDealOn } from '../services/deal-interest.server.js';
import { getListing } from '../services/listings.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { readForm } from '../web/forms.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, (t) => ({ title: t('deal.interest.title') }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => {
    const listing = await getListing(ctx, params.id ?? '');
    // One open deal per organisation and listing: the form would only lead back to it.
    const open = await openDealOn(ctx, actor, listing.id);
    if (open) throw redirect(`/deals/${open}`);
    return { listing: { id: listing.id, title: listing.title, kind: listing.kind, language: listing.language, transferModes: listing.transferModes } };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return schemaAction(interestFormSchema, await readForm(request), async (input) => {
    // A second attempt returns the open deal: either way the person lands on it.
    const { id } = await expressInterest(ctx, actor, params.id ?? '', input);
    return redirect(`/deals/${id}`);
  });
}

export default function ExpressInterest() {
  const t = useT();
  const { listing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'ok' in result && !result.ok ? result : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values;
  return (
    <article className="deal-interest">
      <p className="listing-meta">
        <Link to={`/listings/${listing.id}`}>← {t('deal.interest.about')}: <span lang={listing.language}>{listing.title}</span></Link>
      </p>
      <h1>{t('deal.interest.title')}</h1>
      <p className="lead">{t('deal.interest.lead')}</p>
      <FormMessage message={failed?.message} />
      <Form method="post" className="stack">
        <Field name="cooperation" label={t('deal.interest.cooperation')} errors={errors.cooperation} hint={t('deal.interest.cooperationHint')}>
          <textarea {...inputProps('cooperation', errors.cooperation, true)} {...fieldAttrs(interestSchema, 'cooperation')} rows={5} defaultValue={kept(values, 'cooperation')} />
        </Field>
        <Field name="unclear" label={t('deal.interest.unclear')} errors={errors.unclear}>
          <textarea {...inputProps('unclear', errors.unclear)} {...fieldAttrs(interestSchema, 'unclear')} rows={4} defaultValue={kept(values, 'unclear')} />
        </Field>
        <Field name="aboutUs" label={t('deal.interest.aboutUs')} errors={errors.aboutUs}>
          <textarea {...inputProps('aboutUs', errors.aboutUs)} {...fieldAttrs(interestSchema, 'aboutUs')} rows={5} defaultValue={kept(values, 'aboutUs')} />
        </Field>
        <Field name="transferMode" label={t('deal.interest.transferMode')} errors={errors.transferMode}>
          <select {...inputProps('transferMode', errors.transferMode)} {...fieldAttrs(interestSchema, 'transferMode')} defaultValue={kept(values, 'transferMode', listing.transferModes[0] ?? '')}>
            <option value="">—</option>
            {TRANSFER_MODES.map((m) => (
              <option key={m} value={m}>{t(`mode.${m}`)}</option>
            ))}
          </select>
        </Field>
        <Field name="priceIndication" label={t('deal.interest.priceIndication')} errors={errors.priceIndication} hint={t('deal.interest.priceHint')}>
          <input {...inputProps('priceIndication', errors.priceIndication, true)} inputMode="numeric" defaultValue={kept(values, 'priceIndication')} />
        </Field>
        <p className="actions">
          <button type="submit">{t('deal.interest.submit')}</button>
        </p>
      </Form>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
