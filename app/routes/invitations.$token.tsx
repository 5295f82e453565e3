import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { commitSession } from '../auth/session.server.js';
import { invitedSignUpSchema } from '../domain/account-input.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { acceptInvitation, findInvitation } from '../services/members.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('invitation.title') }));

export async function loader({ params, context }: LoaderFunctionArgs) {
  return asPage(async () => {
    const invitation = await findInvitation(appContext(context), params.token ?? '');
    return { email: invitation.email, organisation: invitation.organisation_name, role: invitation.role, hasAccount: invitation.email_has_account };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return schemaAction(invitedSignUpSchema, await readForm(request), async (input) => {
    const { token } = await acceptInvitation(appContext(context), params.token ?? '', input, { userAgent: request.headers.get('user-agent') });
    return redirect('/my/listings', { headers: { 'Set-Cookie': await commitSession(request, token) } });
  });
}

export default function Invitation() {
  const t = useT();
  const invitation = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors ?? {};
  if (invitation.hasAccount) {
    return (
      <section className="narrow">
        <h1>{t('invitation.title')}</h1>
        <p className="notice" role="status">{t('invitation.hasAccount', { organisation: invitation.organisation, email: invitation.email })}</p>
        <p><Link to="/login">{t('auth.signIn')}</Link></p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('invitation.title')}</h1>
      <p className="lead">{t('invitation.lead', { organisation: invitation.organisation, email: invitation.email })}</p>
      <Form method="post" className="stack">
        <FormMessage message={result?.message} />
        <Field name="name" label={t('auth.name')} errors={errors.name}>
          <input {...inputProps('name', errors.name)} {...fieldAttrs(invitedSignUpSchema, 'name')} autoComplete="name" defaultValue={kept(result?.values, 'name')} />
        </Field>
        <Field name="password" label={t('auth.password')} errors={errors.password} hint={t('auth.passwordHint')}>
          <input {...inputProps('password', errors.password, true)} {...fieldAttrs(invitedSignUpSchema, 'password')} type="password" autoComplete="new-password" />
        </Field>
        <button type="submit">{t('invitation.accept')}</button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
