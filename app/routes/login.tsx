import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { commitSession, getActor } from '../auth/session.server.js';
import { signInSchema } from '../domain/account-input.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { signIn } from '../services/accounts.server.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { landingFor } from '../web/landing.js';
import { safeRedirect } from '../web/safe-redirect.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('auth.signIn') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(appContext(context), request);
  if (actor) throw redirect(landingFor(actor));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  return schemaAction(signInSchema, values, async (input) => {
    const { token, actor } = await signIn(appContext(context), input, { ip: context.clientIp, userAgent: request.headers.get('user-agent') });
    const to = safeRedirect(values.redirectTo as string, landingFor(actor));
    return redirect(to, { headers: { 'Set-Cookie': await commitSession(request, token) } });
  });
}

export default function Login() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="narrow">
      <h1>{t('auth.signIn')}</h1>
      <Form method="post" className="stack">
        <FormMessage message={result?.message} />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <Field name="email" label={t('auth.email')} errors={errors.email}>
          <input {...inputProps('email', errors.email)} {...fieldAttrs(signInSchema, 'email')} type="email" autoComplete="email" defaultValue={kept(result?.values, 'email')} />
        </Field>
        <Field name="password" label={t('auth.password')} errors={errors.password}>
          <input {...inputProps('password', errors.password)} {...fieldAttrs(signInSchema, 'password')} type="password" autoComplete="current-password" />
        </Field>
        <button type="submit">{t('auth.signIn')}</button>
      </Form>
      <p><Link to="/forgot-password">{t('auth.forgot')}</Link></p>
      <p>{t('auth.noAccount')} <Link to="/signup">{t('auth.signUp')}</Link></p>
    </section>
  );
}
