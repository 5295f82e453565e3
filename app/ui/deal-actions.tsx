import { Form } from '@remix-run/react';
import { REASON_MAX } from '../domain/deal-process.js';
import { DECLINE_REASONS } from '../domain/deal-terms.js';
import type { DealView } from '../domain/deal-view.js';
import type { FieldProblems, Problem } from '../domain/problem.js';
import type { MessageKey } from '../i18n/index.js';
import { GroupErrors, kept } from './field.js';
import { useT } from './use-t.js';

type Values = Record<string, string | string[]> | undefined;

/**
 * A reason typed in one of the page's forms. The forms share the field name `reason`, so the id
 * carries the form's intent: two labels on one page must not point at one id.
 */
function ReasonField({ form, label, errors, required, value }: { form: string; label: string; errors?: Problem[]; required: boolean; value: string }) {
  const id = `${form}-reason`;
  return (
    <div className={`form-field${errors?.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name="reason" rows={3} maxLength={REASON_MAX} required={required} aria-invalid={errors?.length ? true : undefined} defaultValue={value} />
      <GroupErrors errors={errors} />
    </div>
  );
}

/** The owner's answer to an inquiry: accept, or decline with a coded reason and a message. */
/** A curator's introduction: each side consents (the second consent opens the deal) or declines. */
export function DealConsent({ deal }: { deal: Pick<DealView, 'transitions' | 'version'> }) {
  const t = useT();
  const offered = (name: string) => deal.transitions.includes(name as DealView['transitions'][number]);
  return (
    <section aria-labelledby="consent-heading" className="decision">
      <h2 id="consent-heading">{t('deal.consentTitle')}</h2>
      <p className="hint">{t('deal.consentHint')}</p>
      <Form method="post" className="actions">
        <input type="hidden" name="version" value={deal.version} />
        {offered('consent') || offered('open_introduction') ? <button type="submit" name="intent" value="consent">{t('deal.action.consent')}</button> : null}{' '}
        {offered('decline_introduction') ? <button type="submit" name="intent" value="decline_introduction" className="danger">{t('deal.action.decline_introduction')}</button> : null}
      </Form>
    </section>
  );
}

export function DealAnswer({ deal, errors, values }: { deal: Pick<DealView, 'transitions' | 'version'>; errors: FieldProblems; values: Values }) {
  const t = useT();
  return (
    <section aria-labelledby="answer-heading" className="decision">
      <h2 id="answer-heading">{t('deal.answerTitle')}</h2>
      {deal.transitions.includes('accept') ? (
        <Form method="post">
          <input type="hidden" name="version" value={deal.version} />
          <button type="submit" name="intent" value="accept">{t('deal.action.accept')}</button>
        </Form>
      ) : null}
      {deal.transitions.includes('decline') ? (
        <Form method="post" className="stack">
          <input type="hidden" name="version" value={deal.version} />
          <div className={`form-field${errors.declineReason?.length ? ' has-error' : ''}`}>
            <label htmlFor="decline-code">{t('deal.declineReason')}</label>
            <select id="decline-code" name="declineReason" required defaultValue={kept(values, 'declineReason')}>
              <option value="">{t('deal.chooseReason')}</option>
              {DECLINE_REASONS.map((r) => (
                <option key={r} value={r}>{t(`deal.declineReason.${r}` as MessageKey)}</option>
              ))}
            </select>
            <GroupErrors errors={errors.declineReason} />
          </div>
          <ReasonField form="decline" label={t('deal.declineMessage')} errors={errors.reason} required={false} value={kept(values, 'reason')} />
          <p className="actions">
            <button type="submit" name="intent" value="decline" className="danger">{t('deal.action.decline')}</button>
          </p>
        </Form>
      ) : null}
    </section>
  );
}

/** Withdrawing (either side), terminating or marking resolved (a curator), with the reason the sides read. */
export function DealEnd({ deal, errorsOf, values, sent }: { deal: Pick<DealView, 'transitions' | 'version'>; errorsOf: (intent: string) => FieldProblems; values: Values; sent: string | null }) {
  const t = useT();
  const ends = (['withdraw', 'terminate', 'resolve'] as const).filter((n) => deal.transitions.includes(n));
  return (
    <section aria-labelledby="end-heading" className="decision">
      <h2 id="end-heading">{t('deal.endTitle')}</h2>
      {ends.map((name) => (
        <Form method="post" className="stack" key={name}>
          <input type="hidden" name="version" value={deal.version} />
          <ReasonField form={name} label={t('deal.reason')} errors={errorsOf(name).reason} required={name !== 'resolve'} value={sent === name ? kept(values, 'reason') : ''} />
          <p className="actions">
            <button type="submit" name="intent" value={name} className="danger">{t(`deal.action.${name}` as MessageKey)}</button>
          </p>
        </Form>
      ))}
    </section>
  );
}
