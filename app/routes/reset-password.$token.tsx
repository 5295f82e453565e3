import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { destroySession } from '../auth/session.server.js';
import { newPasswordSchema } from '../domain/account-input.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { passwordResetIsValid, resetPassword } from '../services/accounts.server.js';
import { NotFoundError } from '../services/errors.js';
import { Field, FormMessage, inputProps } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('auth.newPassword') }));

export async function loader({ params, context }: LoaderFunctionArgs) {
  return { valid: await passwordResetIsValid(appContext(context), params.token ?? '') };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  try {
    return await schemaAction(newPasswordSchema, values, async (input) => {
      await resetPassword(appContext(context), params.token ?? '', input);
      return redirect('/login?reset=1', { headers: { 'Set-Cookie': await destroySession(request) } });
    });
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false as const, expired: true, fieldErrors: {}, message: null, values: {} };
    throw error;
  }
}

export default function ResetPassword() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!valid || (result && 'expired' in result)) {
    return (
      <section className="narrow">
        <h1>{t('auth.newPassword')}</h1>
        <p className="notice notice-error" role="alert">{t('auth.resetExpired')}</p>
        <p><Link to="/forgot-password">{t('auth.sendResetLink')}</Link></p>
      </section>
    );
  }
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
