import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { MAX_EVIDENCE_BYTES, verificationRequestSchema } from '../domain/verification.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { ownVerification, requestVerification } from '../services/verification.server.js';
import { PermissionError } from '../services/errors.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { formAction } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';
import { readPageUpload } from '../web/upload.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('verification.title') }));

/** The admin's request form; an organisation already verified, or with a request waiting, goes back to its page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => {
    const own = await ownVerification(ctx, actor);
    if (!own.mayRequest && !own.latest) throw new PermissionError('forbidden_org_admin');
    if (!own.mayRequest) throw redirect('/my/organisation');
    return { refusedBefore: own.latest?.state === 'refused' ? own.latest.reason : null };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const upload = await readPageUpload(request, { maxFileBytes: MAX_EVIDENCE_BYTES, field: 'document', intent: 'request' });
  if ('failure' in upload) return data(upload.failure, { status: 400 });
  return formAction(upload.values, async () => {
    await requestVerification(ctx, actor, upload.values, upload.files.document ?? null);
    return redirect('/my/organisation?verification=sent');
  });
}

export default function RequestVerification() {
  const t = useT();
  const { refusedBefore } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'ok' in result && !result.ok ? result : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values;
  return (
    <section className="narrow">
      <p><Link to="/my/organisation">← {t('nav.organisation')}</Link></p>
      <h1>{t('verification.title')}</h1>
      <p>{t('verification.lead')}</p>
      {refusedBefore ? (
        <p className="notice">{t('verification.reason')}: {refusedBefore}</p>
      ) : null}
      {failed ? <FormMessage message={failed.message} /> : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="request" />
        <Field name="document" label={t('verification.document')} errors={errors.document}>
          <input {...inputProps('document', errors.document)} type="file" required accept="application/pdf,image/png,image/jpeg" />
        </Field>
        <Field name="contactName" label={t('verification.contactName')} errors={errors.contactName}>
          <input {...inputProps('contactName', errors.contactName)} {...fieldAttrs(verificationRequestSchema, 'contactName')} autoComplete="name" defaultValue={kept(values, 'contactName')} />
        </Field>
        <Field name="contactRole" label={t('verification.contactRole')} errors={errors.contactRole}>
          <input {...inputProps('contactRole', errors.contactRole)} {...fieldAttrs(verificationRequestSchema, 'contactRole')} autoComplete="organization-title" defaultValue={kept(values, 'contactRole')} />
        </Field>
        <p id="contact-hint">{t('verification.contactHint')}</p>
        <Field name="contactPhone" label={t('verification.contactPhone')} errors={errors.contactPhone}>
          <input {...inputProps('contactPhone', errors.contactPhone)} type="tel" autoComplete="tel" maxLength={30} defaultValue={kept(values, 'contactPhone')} />
        </Field>
        <Field name="contactEmail" label={t('verification.contactEmail')} errors={errors.contactEmail}>
          <input {...inputProps('contactEmail', errors.contactEmail)} type="email" autoComplete="email" maxLength={254} defaultValue={kept(values, 'contactEmail')} />
        </Field>
        <button type="submit">{t('verification.request')}</button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
