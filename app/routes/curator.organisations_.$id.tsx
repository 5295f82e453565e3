import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { provinceName } from '../domain/provinces.js';
import { VERIFICATION_CHECKS, verificationDecisionSchema } from '../domain/verification.js';
import { formatDateTime } from '../i18n/index.js';
import { decideVerification, organisationForVerification } from '../services/verification.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, GroupErrors, inputProps } from '../ui/field.js';
import { VerifiedBadge } from '../ui/owner.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: data ? `${t('verification.title')}: ${data.organisation.name}` : t('curator.organisations') }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => ({ organisation: await organisationForVerification(ctx, actor, params.id ?? '') }));
}

/** One form, two buttons: verify with the checks recorded, or refuse with a reason. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return schemaAction(verificationDecisionSchema, await readForm(request), async (form) => {
    const { state } = await decideVerification(ctx, actor, params.id ?? '', form);
    return { ok: true as const, state };
  });
}

export default function VerifyOrganisation() {
  const t = useT();
  const lang = useLang();
  const { organisation: o } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const p = o.pending;
  return (
    <article>
      <p><Link to="/curator/organisations">← {t('curator.organisations')}</Link></p>
      <h1>{o.name} {o.verifiedAt ? <VerifiedBadge /> : null}</h1>
      {result && !result.ok ? <FormMessage message={result.message} /> : null}
      {result?.ok ? <p className="notice" role="status">{t(`verification.done.${result.state}`)}</p> : null}
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t('verification.claims')}</h2>
        <dl className="facts">
          <dt>{t('org.type')}</dt>
          <dd>{t(`org.type.${o.type}`)}</dd>
          <dt>{t('auth.taxCode')}</dt>
          <dd><code className="tax-code">{o.taxCode}</code></dd>
          <dt>{t('filters.province')}</dt>
          <dd>{provinceName(o.province, lang)}</dd>
          {o.legalRepresentative ? (
            <>
              <dt>{t('signUp.legalRepresentative')}</dt>
              <dd>{o.legalRepresentative}</dd>
            </>
          ) : null}
          {o.registrationDocument ? (
            <>
              <dt>{t('signUp.registrationDocument')}</dt>
              <dd>{o.registrationDocument}</dd>
            </>
          ) : null}
          <dt>{t('verification.status')}</dt>
          <dd>
            {o.verifiedAt
              ? `${t('verification.status.verified')} — ${o.verifiedBy ? t('verification.decidedBy', { name: o.verifiedBy, at: formatDateTime(o.verifiedAt, lang) }) : formatDateTime(o.verifiedAt, lang)}`
              : p
                ? t('verification.status.pending')
                : t('verification.status.unverified')}
          </dd>
        </dl>
        {o.verifiedAt && o.requests.every((r) => r.state !== 'verified') ? <p>{t('verification.seeded')}</p> : null}
        <p>{t('verification.registries', { taxCode: o.taxCode })}</p>
        <ul>
          {o.registries.map((r) => (
            <li key={r.key}>
              <a href={r.url} target="_blank" rel="noopener noreferrer">{t(`verification.registry.${r.key}`)}</a> ({r.url})
            </li>
          ))}
        </ul>
        <p className="hint">{t('verification.copyHint')}</p>
      </section>
      {p ? (
        <section aria-labelledby="evidence-heading" className="decision">
          <h2 id="evidence-heading">{t('verification.evidence')}</h2>
          <dl className="facts">
            <dt>{t('verification.requested')}</dt>
            <dd>{formatDateTime(p.submittedAt, lang)}</dd>
            <dt>{t('verification.submittedBy')}</dt>
            <dd>{p.submittedBy}</dd>
            <dt>{t('verification.document')}</dt>
            <dd><a href={`/verification-requests/${p.id}/document`}>{t('verification.documentLink', { name: p.documentName })}</a></dd>
            <dt>{t('verification.contact')}</dt>
            <dd>
              {p.contactName}, {p.contactRole}
              {p.contactPhone ? <> · <a href={`tel:${p.contactPhone.replace(/[^+0-9]/g, '')}`}>{p.contactPhone}</a></> : null}
              {p.contactEmail ? <> · <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a></> : null}
            </dd>
          </dl>
          <Form method="post" className="stack">
            <fieldset>
              <legend>{t('verification.checked')}</legend>
              {VERIFICATION_CHECKS.map((c) => (
                <label key={c} className="check">
                  <input type="checkbox" name="checks" value={c} /> {t(`verification.check.${c}`)}
                </label>
              ))}
              <GroupErrors errors={errors.checks} />
            </fieldset>
            <Field name="note" label={t('verification.note')} errors={errors.note}>
              <textarea {...inputProps('note', errors.note)} rows={2} maxLength={2000} />
            </Field>
            <Field name="reason" label={t('verification.refuseReason')} errors={errors.reason}>
              <textarea {...inputProps('reason', errors.reason)} rows={3} maxLength={2000} />
            </Field>
            <p className="actions">
              <button type="submit" name="decision" value="verify">{t('verification.verify')}</button>
              <button type="submit" name="decision" value="refuse" className="danger">{t('verification.refuse')}</button>
            </p>
          </Form>
        </section>
      ) : !o.verifiedAt ? (
        <p className="notice">{t('verification.none')}</p>
      ) : null}
      {o.requests.some((r) => r.state !== 'pending') ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t('verification.history')}</h2>
          <ul>
            {o.requests
              .filter((r) => r.state !== 'pending')
              .map((r) => (
                <li key={r.id}>
                  {t(`verification.status.${r.state}`)} — {r.decidedBy && r.decidedAt ? t('verification.decidedBy', { name: r.decidedBy, at: formatDateTime(r.decidedAt, lang) }) : null}
                  {r.checks.length ? <> · {t('verification.checked')}: {r.checks.map((c) => t(`verification.check.${c}`)).join('; ')}</> : null}
                  {r.reason ? <> · {t('verification.reason')}: {r.reason}</> : null}
                  {r.note ? <> · {r.note}</> : null}
                  {' · '}<a href={`/verification-requests/${r.id}/document`}>{r.documentName}</a>
                  {' · '}{r.contactName}, {r.contactRole}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
