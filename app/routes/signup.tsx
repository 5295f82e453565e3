import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { getActor } from '../auth/session.server.js';
import { PROVINCES } from '../domain/provinces.js';
import { signUp } from '../services/accounts.server.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { formAction, readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('auth.signUp') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getActor(appContext(context), request)) throw redirect('/my/listings');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  return formAction(values, async () => {
    await signUp(appContext(context), values, { ip: context.clientIp });
    return { ok: true as const };
  });
}

export default function SignUp() {
  const t = useT();
  const lang = useLang();
  const result = useActionData<typeof action>();
  if (result?.ok) {
    return (
      <section className="narrow">
        <h1>{t('auth.signUp')}</h1>
        <p className="notice" role="status">{t('signUp.sent')}</p>
      </section>
    );
  }
  const errors = result?.fieldErrors ?? {};
  const v = result?.values;
  return (
    <section className="narrow">
      <h1>{t('auth.signUp')}</h1>
      <p className="lead">{t('auth.signUpLead')}</p>
      <Form method="post" className="stack">
        <FormMessage message={result?.message} />
        <fieldset>
          <legend>{t('auth.you')}</legend>
          <Field name="name" label={t('auth.name')} errors={errors.name}>
            <input {...inputProps('name', errors.name)} autoComplete="name" required maxLength={120} defaultValue={kept(v, 'name')} />
          </Field>
          <Field name="email" label={t('auth.email')} errors={errors.email}>
            <input {...inputProps('email', errors.email)} type="email" autoComplete="email" required defaultValue={kept(v, 'email')} />
          </Field>
          <Field name="password" label={t('auth.password')} errors={errors.password} hint={t('auth.passwordHint')}>
            <input {...inputProps('password', errors.password, true)} type="password" autoComplete="new-password" required minLength={10} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('auth.organisation')}</legend>
          <Field name="organisationName" label={t('auth.organisationName')} errors={errors.organisationName}>
            <input {...inputProps('organisationName', errors.organisationName)} required maxLength={200} defaultValue={kept(v, 'organisationName')} />
          </Field>
          <Field name="organisationType" label={t('org.type')} errors={errors.organisationType}>
            <select {...inputProps('organisationType', errors.organisationType)} defaultValue={kept(v, 'organisationType')} required>
              <option value="">—</option>
              {(['enterprise', 'university', 'institute'] as const).map((type) => (
                <option key={type} value={type}>{t(`org.type.${type}`)}</option>
              ))}
            </select>
          </Field>
          <Field name="taxCode" label={t('auth.taxCode')} errors={errors.taxCode} hint={t('auth.taxCodeHint')}>
            <input {...inputProps('taxCode', errors.taxCode, true)} inputMode="numeric" required maxLength={14} defaultValue={kept(v, 'taxCode')} />
          </Field>
          <Field name="province" label={t('filters.province')} errors={errors.province}>
            <select {...inputProps('province', errors.province)} defaultValue={kept(v, 'province')} required>
              <option value="">—</option>
              {PROVINCES.map((p) => (
                <option key={p.code} value={p.code}>{p[lang]}</option>
              ))}
            </select>
          </Field>
          <Field name="website" label={t('org.website')} errors={errors.website}>
            <input {...inputProps('website', errors.website)} type="url" placeholder="https://" defaultValue={kept(v, 'website')} />
          </Field>
          <Field name="description" label={t('auth.organisationDescription')} errors={errors.description}>
            <textarea {...inputProps('description', errors.description)} rows={3} maxLength={2000} defaultValue={kept(v, 'description')} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('signUp.evidence')}</legend>
          <p className="hint">{t('signUp.evidenceLead')}</p>
          <Field name="legalRepresentative" label={t('signUp.legalRepresentative')} errors={errors.legalRepresentative}>
            <input {...inputProps('legalRepresentative', errors.legalRepresentative)} required maxLength={120} defaultValue={kept(v, 'legalRepresentative')} />
          </Field>
          <Field name="registrationDocument" label={t('signUp.registrationDocument')} errors={errors.registrationDocument} hint={t('signUp.registrationDocumentHint')}>
            <input {...inputProps('registrationDocument', errors.registrationDocument, true)} required maxLength={100} defaultValue={kept(v, 'registrationDocument')} />
          </Field>
        </fieldset>
        <button type="submit">{t('auth.createAccount')}</button>
      </Form>
      <p>{t('auth.haveAccount')} <Link to="/login">{t('auth.signIn')}</Link></p>
    </section>
  );
}
