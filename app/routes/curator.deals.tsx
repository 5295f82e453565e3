import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { DEAL_STAGES } from '../domain/deal-process.js';
import { PROVINCES } from '../domain/provinces.js';
import { SECTORS } from '../domain/taxonomy.js';
import { formatDate, type MessageKey } from '../i18n/index.js';
import { curatorDeals } from '../services/curator-deals.server.js';
import { requireCurator } from '../services/curation.server.js';
import { introduce } from '../services/deal-introductions.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { formAction, readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('curatorDeals.title') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return asPage(() => curatorDeals(ctx, actor, query));
}

/** The introduction form: a demand to an offer, or to an organisation, with a note. */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const values = await readForm(request);
  return formAction(values, async () => {
    requireCurator(actor);
    const { id } = await introduce(ctx, actor, {
      demandId: values.demandId,
      note: values.note,
      ...(values.offerId ? { offerId: values.offerId } : {}),
      ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    });
    return redirect(`/deals/${id}`);
  });
}

export default function CuratorDeals() {
  const t = useT();
  const lang = useLang();
  const { deals, filter } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  // A link from a listing's matches fills the form: /curator/deals?demandId=…&offerId=…
  const [params] = useSearchParams();
  const values = result && !result.ok ? result.values : Object.fromEntries(params);
  return (
    <section>
      <h1>{t('curatorDeals.title')}</h1>
      <p><Link to="/curator">← {t('curator.queue')}</Link></p>
      <Form method="get" className="filters" aria-label={t('curatorDeals.filters')}>
        <label>
          {t('curatorDeals.stage')}{' '}
          <select name="stage" defaultValue={filter.stage ?? ''}>
            <option value="">{t('curatorDeals.any')}</option>
            {DEAL_STAGES.filter((s) => s !== 'opening').map((s) => <option key={s} value={s}>{t(`deal.stage.${s}` as MessageKey)}</option>)}
          </select>
        </label>{' '}
        <label>
          {t('curatorDeals.sector')}{' '}
          <select name="sector" defaultValue={filter.sector ?? ''}>
            <option value="">{t('curatorDeals.any')}</option>
            {SECTORS.map((s) => <option key={s} value={s}>{t(`sector.${s}` as MessageKey)}</option>)}
          </select>
        </label>{' '}
        <label>
          {t('curatorDeals.province')}{' '}
          <select name="province" defaultValue={filter.province ?? ''}>
            <option value="">{t('curatorDeals.any')}</option>
            {PROVINCES.map((p) => <option key={p.code} value={p.code}>{lang === 'vi' ? p.vi : p.en}</option>)}
          </select>
        </label>{' '}
        <label><input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue === '1'} /> {t('curatorDeals.overdue')}</label>{' '}
        <button type="submit">{t('curatorDeals.apply')}</button>
      </Form>
      {deals.length === 0 ? <p>{t('curatorDeals.none')}</p> : (
        <table className="table">
          <caption>{t('curatorDeals.count', { count: deals.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('curatorDeals.listing')}</th>
              <th scope="col">{t('curatorDeals.parties')}</th>
              <th scope="col">{t('curatorDeals.stage')}</th>
              <th scope="col">{t('curatorDeals.due')}</th>
            </tr>
          </thead>
          <tbody>
            {deals.map((d) => (
              <tr key={d.id} className={d.overdue ? 'overdue' : undefined}>
                <td><Link to={`/deals/${d.id}`}>{d.title}</Link></td>
                <td>{`${d.buyer} ↔ ${d.seller}`}</td>
                <td>{t(`deal.stage.${d.stage}` as MessageKey)}</td>
                <td>
                  {d.answerDueAt ? formatDate(d.answerDueAt, lang) : '—'}
                  {d.overdue ? <> · <strong>{t('curatorDeals.overdueMark')}</strong></> : d.workingDaysLeft !== null ? <> · {t('curatorDeals.daysLeft', { count: d.workingDaysLeft })}</> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="introduce-heading">
        <h2 id="introduce-heading">{t('curatorDeals.introduce')}</h2>
        <p className="hint">{t('curatorDeals.introduceHint')}</p>
        {result && !result.ok ? <FormMessage message={result.message} /> : null}
        <Form method="post" className="stack narrow">
          <Field name="demandId" label={t('curatorDeals.demandId')} errors={errors.demandId}>
            <input {...inputProps('demandId', errors.demandId)} required defaultValue={kept(values, 'demandId')} />
          </Field>
          <Field name="offerId" label={t('curatorDeals.offerId')} errors={errors.offerId}>
            <input {...inputProps('offerId', errors.offerId)} defaultValue={kept(values, 'offerId')} />
          </Field>
          <Field name="organisationId" label={t('curatorDeals.organisationId')} errors={errors.organisationId}>
            <input {...inputProps('organisationId', errors.organisationId)} defaultValue={kept(values, 'organisationId')} />
          </Field>
          <Field name="note" label={t('curatorDeals.note')} errors={errors.note}>
            <textarea {...inputProps('note', errors.note)} required minLength={10} maxLength={2000} rows={4} defaultValue={kept(values, 'note')} />
          </Field>
          <button type="submit">{t('curatorDeals.send')}</button>
        </Form>
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
