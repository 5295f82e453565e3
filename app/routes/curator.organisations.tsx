import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { z } from 'zod';
import { verificationSchema } from '../domain/account-input.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { provinceName } from '../domain/provinces.js';
import { formatDate } from '../i18n/index.js';
import { listOrganisationsForCuration, verifyOrganisation } from '../services/curation.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { GroupErrors } from '../ui/field.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('curator.organisations') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => ({ organisations: await listOrganisationsForCuration(ctx, actor) }));
}

/** One form per organisation not yet verified. */
const verificationForm = verificationSchema.extend({ organisationId: z.string() });

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return schemaAction(verificationForm, await readForm(request), async (form) => {
    await verifyOrganisation(ctx, actor, form.organisationId, form);
    return { ok: true as const };
  });
}

export default function CuratorOrganisations() {
  const t = useT();
  const lang = useLang();
  const { organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failedFor = result && !result.ok ? result.values.organisationId : null;
  return (
    <section>
      <h1>{t('curator.organisations')}</h1>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('auth.organisationName')}</th>
            <th scope="col">{t('org.type')}</th>
            <th scope="col">{t('auth.taxCode')}</th>
            <th scope="col">{t('curator.evidence')}</th>
            <th scope="col">{t('filters.province')}</th>
            <th scope="col">{t('listing.verified')}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id}>
              <td><Link to={`/organisations/${o.slug}`}>{o.name}</Link></td>
              <td>{t(`org.type.${o.type}`)}</td>
              <td>{o.tax_code}</td>
              <td>
                {o.legal_representative || o.registration_document ? (
                  <dl className="evidence">
                    <dt>{t('signUp.legalRepresentative')}</dt>
                    <dd>{o.legal_representative ?? '—'}</dd>
                    <dt>{t('signUp.registrationDocument')}</dt>
                    <dd>{o.registration_document ?? '—'}</dd>
                  </dl>
                ) : (
                  t('curator.noEvidence')
                )}
              </td>
              <td>{provinceName(o.province_code, lang)}</td>
              <td>
                {o.verified_at ? (
                  formatDate(o.verified_at, lang)
                ) : (
                  <Form method="post">
                    <input type="hidden" name="organisationId" value={o.id} />
                    <label>
                      <input type="checkbox" name="evidenceChecked" value="yes" {...fieldAttrs(verificationSchema, 'evidenceChecked')} /> {t('curator.evidenceChecked')}
                    </label>
                    {failedFor === o.id ? <GroupErrors errors={result && !result.ok ? result.fieldErrors.evidenceChecked : undefined} /> : null}
                    <button type="submit">{t('curator.verify')}</button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
