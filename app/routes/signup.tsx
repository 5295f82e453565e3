import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { getActor } from '../auth/session.server.js';
import { signUpSchema } from '../domain/account-input.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { PROVINCES } from '../domain/provinces.js';
import { signUp } from '../services/accounts.server.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('auth.signUp') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getActor(appContext(context), request)) throw redirect('/my/listings');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  return schemaAction(signUpSchema, await readForm(request), async (input) => {
    await signUp(appContext(context), input, { ip: context.clientIp });
    return { ok: true as const };
  });
}

const attrs = (name: string) => fieldAttrs(signUpSchema, name);

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
            <input {...inputProps('name', errors.name)} {...attrs('name')} autoComplete="name" defaultValue={kept(v, 'name')} />
          </Field>
          <Field name="email" label={t('auth.email')} errors={errors.email}>
            <input {...inputProps('email', errors.email)} {...attrs('email')} type="email" autoComplete="email" defaultValue={kept(v, 'email')} />
          </Field>
          <Field name="password" label={t('auth.password')} errors={errors.password} hint={t('auth.passwordHint')}>
            <input {...inputProps('password', errors.password, true)} {...attrs('password')} type="password" autoComplete="new-password" />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('auth.organisation')}</legend>
          <Field name="organisationName" label={t('auth.organisationName')} errors={errors.organisationName}>
            <input {...inputProps('organisationName', errors.organisationName)} {...attrs('organisationName')} defaultValue={kept(v, 'organisationName')} />
          </Field>
          <Field name="organisationType" label={t('org.type')} errors={errors.organisationType}>
            <select {...inputProps('organisationType', errors.organisationType)} defaultValue={kept(v, 'organisationType')} {...attrs('organisationType')}>
              <option value="">—</option>
              {(['enterprise', 'university', 'institute'] as const).map((type) => (
                <option key={type} value={type}>{t(`org.type.${type}`)}</option>
              ))}
            </select>
          </Field>
          <Field name="taxCode" label={t('auth.taxCode')} errors={errors.taxCode} hint={t('auth.taxCodeHint')}>
            <input {...inputProps('taxCode', errors.taxCode, true)} {...attrs('taxCode')} inputMode="numeric" defaultValue={kept(v, 'taxCode')} />
          </Field>
          <Field name="province" label={t('filters.province')} errors={errors.province}>
            <select {...inputProps('province', errors.province)} defaultValue={kept(v, 'province')} {...attrs('province')}>
              <option value="">—</option>
              {PROVINCES.map((p) => (
                <option key={p.code} value={p.code}>{p[lang]}</option>
              ))}
            </select>
          </Field>
          <Field name="website" label={t('org.website')} errors={errors.website}>
            <input {...inputProps('website', errors.website)} {...attrs('website')} type="url" placeholder="https://" defaultValue={kept(v, 'website')} />
          </Field>
          <Field name="description" label={t('auth.organisationDescription')} errors={errors.description}>
            <textarea {...inputProps('description', errors.description)} {...attrs('description')} rows={3} defaultValue={kept(v, 'description')} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('signUp.evidence')}</legend>
          <p className="hint">{t('signUp.evidenceLead')}</p>
          <Field name="legalRepresentative" label={t('signUp.legalRepresentative')} errors={errors.legalRepresentative}>
            <input {...inputProps('legalRepresentative', errors.legalRepresentative)} {...attrs('legalRepresentative')} defaultValue={kept(v, 'legalRepresentative')} />
          </Field>
          <Field name="registrationDocument" label={t('signUp.registrationDocument')} errors={errors.registrationDocument} hint={t('signUp.registrationDocumentHint')}>
            <input {...inputProps('registrationDocument', errors.registrationDocument, true)} {...attrs('registrationDocument')} defaultValue={kept(v, 'registrationDocument')} />
          </Field>
        </fieldset>
        <button type="submit">{t('auth.createAccount')}</button>
      </Form>
      <p>{t('auth.haveAccount')} <Link to="/login">{t('auth.signIn')}</Link></p>
    </section>
  );
}
