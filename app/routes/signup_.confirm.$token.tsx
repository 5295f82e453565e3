// The link of a sign-up email: a page with one button, so that a mail scanner fetching the link
// confirms nothing; pressing it creates the account and the organisation and signs in.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { commitSession } from '../auth/session.server.js';
import { confirmSignUp, findSignUp } from '../services/accounts.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { FormMessage } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { formAction, readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('signUp.confirmTitle') }));

// The link's token never leaves in a Referer to another site; `same-origin`, not `no-referrer`,
// because under `no-referrer` a browser sends `Origin: null` with the page's own form, and the
// cross-site guard then refuses the confirmation (found by tests/e2e/sign-up.test.ts).
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'same-origin' });

export async function loader({ params, context }: LoaderFunctionArgs) {
  return asPage(() => findSignUp(appContext(context), params.token ?? ''));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  return formAction(values, async () => {
    const { token } = await confirmSignUp(appContext(context), params.token ?? '', { userAgent: request.headers.get('user-agent') });
    return redirect('/my/listings', { headers: { 'Set-Cookie': await commitSession(request, token) } });
  });
}

export default function ConfirmSignUp() {
  const t = useT();
  const signUp = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t('signUp.confirmTitle')}</h1>
      <p className="lead">{t('signUp.confirmLead', { email: signUp.email, organisation: signUp.organisationName })}</p>
      <Form method="post" className="stack">
        <FormMessage message={result?.message} />
        <button type="submit">{t('signUp.confirm')}</button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
