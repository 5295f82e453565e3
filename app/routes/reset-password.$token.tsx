import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { destroySession } from '../auth/session.server.js';
import { newPasswordSchema } from '../domain/account-input.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { findPasswordReset, resetPassword } from '../services/accounts.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('auth.newPassword') }));

// A link used or out of date, opened or submitted, is the 410 page (app/ui/error-boundary.tsx):
// it says the link has expired or was used, in the reader's language, and links to a new one.
// 410 rather than 200: the link existed and will never work again, and no cache or crawler should
// keep the page as if it did.
export async function loader({ params, context }: LoaderFunctionArgs) {
  return asPage(async () => {
    await findPasswordReset(appContext(context), params.token ?? '');
    return null;
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  return schemaAction(newPasswordSchema, values, async (input) => {
    await resetPassword(appContext(context), params.token ?? '', input);
    return redirect('/login?reset=1', { headers: { 'Set-Cookie': await destroySession(request) } });
  });
}

export default function ResetPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="narrow">
      <h1>{t('auth.newPassword')}</h1>
      <Form method="post" className="stack">
        <FormMessage message={result?.message} />
        <Field name="password" label={t('auth.newPassword')} errors={errors.password} hint={t('auth.passwordHint')}>
          <input {...inputProps('password', errors.password, true)} {...fieldAttrs(newPasswordSchema, 'password')} type="password" autoComplete="new-password" />
        </Field>
        <button type="submit">{t('auth.saveNewPassword')}</button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
