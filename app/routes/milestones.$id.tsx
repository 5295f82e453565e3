import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { milestoneFormSchema } from '../domain/contract-form.js';
import { formatVnd } from '../domain/money.js';
import { formatDate, formatDateTime, type MessageKey } from '../i18n/index.js';
import { problemText } from '../i18n/problems.js';
import { isProblemCode } from '../domain/problem.js';
import { getLanguage } from '../i18n/language.server.js';
import { getMilestone } from '../services/contract-views.server.js';
import { takeMilestoneTransition } from '../services/milestones.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps } from '../ui/field.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => ({ title: data ? `${t('milestone.title', { number: data.milestone.number })} · ${data.milestone.contractNumber}` : t('contract.title') }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const lang = await getLanguage(request);
  const url = new URL(request.url);
  // Back from the card route (`?card=<problem>`) or from Stripe Checkout (`?checkout=success|cancelled`).
  const card = url.searchParams.get('card');
  const checkout = url.searchParams.get('checkout');
  return asPage(async () => ({
    milestone: await getMilestone(ctx, actor, params.id ?? '', lang),
    cardProblem: card && isProblemCode(card) ? { code: card } : null,
    checkout: checkout === 'success' || checkout === 'cancelled' ? checkout : null,
  }));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return schemaAction(milestoneFormSchema, await readForm(request), async (form) => {
    await takeMilestoneTransition(ctx, actor, params.id ?? '', form.intent, { version: form.version, note: form.note });
    return { ok: true as const };
  });
}

const NEEDS_NOTE = ['deliver', 'request_changes'];

export default function MilestonePage() {
  const t = useT();
  const lang = useLang();
  const { milestone: m, cardProblem, checkout } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const errors = failed?.fieldErrors ?? {};
  return (
    <article className="milestone">
      <p className="listing-meta">
        <Link to={`/contracts/${m.contractId}`}>← {t('milestone.backToContract', { number: m.contractNumber })}</Link>{' '}
        <span className={`status stage-${m.stage}`}>{t(`milestone.stage.${m.stage}` as MessageKey)}</span>
        {m.overdue ? <strong className="status overdue"> {t('milestone.overdue')}</strong> : null}
      </p>
      <h1>
        {t('milestone.title', { number: m.number })} · {m.contractNumber}
      </h1>
      <FormMessage message={failed ? (failed.message ?? failed.fieldErrors.version?.[0]) : null} />
      {result?.ok ? <p className="notice" role="status">{t('milestone.done')}</p> : null}
      <FormMessage message={cardProblem} />
      {checkout ? <p className="notice" role="status">{t(`milestone.card.${checkout}` as MessageKey)}</p> : null}
      <dl className="facts">
        <dt>{t('milestone.amount')}</dt>
        <dd>{formatVnd(m.amount)}</dd>
        <dt>{t('milestone.condition')}</dt>
        <dd>{m.condition}</dd>
        <dt>{t('milestone.deliverable')}</dt>
        <dd>{m.deliverable}</dd>
        {m.payBy ? (
          <>
            <dt>{t('milestone.payBy')}</dt>
            <dd>
              <time dateTime={m.payBy}>{formatDate(m.payBy, lang)}</time>
            </dd>
          </>
        ) : null}
        <dt>{t('milestone.reference')}</dt>
        <dd>
          <code>{m.transferReference}</code>
        </dd>
      </dl>
      {m.party === 'buyer' && m.stage === 'due' ? (
        <section aria-labelledby="bank-heading">
          <h2 id="bank-heading">{t('milestone.bank.title')}</h2>
          {m.bankTransfer ? (
            <div className="vietqr">
              <div className="qr" dangerouslySetInnerHTML={{ __html: m.bankTransfer.qrSvg }} />
              <p className="hint">{t('milestone.bank.hint')}</p>
              <dl className="facts">
                <dt>{t('milestone.bank.bank')}</dt>
                <dd>{m.bankTransfer.bankName}</dd>
                <dt>{t('milestone.bank.account')}</dt>
                <dd>{m.bankTransfer.accountNumber}</dd>
                <dt>{t('milestone.bank.holder')}</dt>
                <dd>{m.bankTransfer.holderName}</dd>
                <dt>{t('milestone.amount')}</dt>
                <dd>{formatVnd(m.amount)}</dd>
                <dt>{t('milestone.reference')}</dt>
                <dd>{m.transferReference}</dd>
              </dl>
            </div>
          ) : (
            <p>{t('milestone.bank.none')}</p>
          )}
          {m.card ? (
            <div className="card-payment">
              <h3>{t('milestone.card.title')}</h3>
              {m.card.available ? (
                <Form method="post" action={`/milestones/${m.id}/card`} reloadDocument>
                  <button type="submit" className="secondary">{t('milestone.card.pay', { amount: formatVnd(m.amount) })}</button>
                </Form>
              ) : (
                <p className="hint">{problemText(t, lang, m.card.problem)}</p>
              )}
            </div>
          ) : null}
        </section>
      ) : null}
      {m.transitions.length ? (
        <Form method="post" className="stack narrow">
          <input type="hidden" name="version" value={m.version} />
          {m.transitions.some((name) => NEEDS_NOTE.includes(name)) || m.transitions.includes('report_transfer') ? (
            <Field name="note" label={t('milestone.note')} errors={errors.note} hint={t('milestone.noteHint')}>
              <textarea {...inputProps('note', errors.note, true)} rows={3} maxLength={2000} />
            </Field>
          ) : null}
          <p className="actions">
            {m.transitions.map((name) => (
              <button key={name} type="submit" name="intent" value={name} className={name === 'report_not_received' || name === 'request_changes' ? 'secondary' : undefined}>
                {t(`milestone.action.${name}` as MessageKey)}
              </button>
            ))}
          </p>
        </Form>
      ) : null}
      {m.payments.length ? (
        <section aria-labelledby="payments-heading">
          <h2 id="payments-heading">{t('milestone.payments')}</h2>
          <ul>
            {m.payments.map((p, i) => (
              <li key={i}>
                {t(`milestone.payment.${p.provider}` as MessageKey)} · {formatVnd(p.amount)} · {t(`milestone.payment.status.${p.status}` as MessageKey)} · <time dateTime={p.at}>{formatDateTime(p.at, lang)}</time>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('milestone.history')}</h2>
        <ol className="history">
          {m.history.map((h, i) => (
            <li key={i}>
              <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time> <strong>{t(`milestone.history.${h.action}` as MessageKey)}</strong>
              {h.note ? <blockquote>{h.note}</blockquote> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
