import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { passwordResetRequestSchema } from '../domain/account-input.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { requestPasswordReset } from '../services/accounts.server.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('auth.forgot') }));

export async function action({ request, context }: ActionFunctionArgs) {
  return schemaAction(passwordResetRequestSchema, await readForm(request), async (input) => {
    await requestPasswordReset(appContext(context), input, { ip: context.clientIp });
    return { ok: true as const };
  });
}

export default function ForgotPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  if (result?.ok) {
    return (
      <section className="narrow">
        <h1>{t('auth.forgot')}</h1>
        <p className="notice" role="status">{t('auth.resetSent')}</p>
      </section>
    );
  }
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <section className="narrow">
      <h1>{t('auth.forgot')}</h1>
      <p className="lead">{t('auth.forgotLead')}</p>
      <Form method="post" className="stack">
        <FormMessage message={result && !result.ok ? result.message : null} />
        <Field name="email" label={t('auth.email')} errors={errors.email}>
          <input {...inputProps('email', errors.email)} {...fieldAttrs(passwordResetRequestSchema, 'email')} type="email" autoComplete="email" defaultValue={kept(result && !result.ok ? result.values : undefined, 'email')} />
        </Field>
        <button type="submit">{t('auth.sendResetLink')}</button>
      </Form>
    </section>
  );
}
