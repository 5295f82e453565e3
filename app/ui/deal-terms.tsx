import { Form } from '@remix-run/react';
import { DISPUTE_RESOLUTIONS, termSheetFields, type TermSheet } from '../domain/deal-terms.js';
import { MILESTONE_ROWS, milestoneField } from '../domain/deal-form.js';
import type { DealView, TermSheetView } from '../domain/deal-view.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { formatVnd } from '../domain/money.js';
import type { FieldProblems } from '../domain/problem.js';
import { TRANSFER_MODES } from '../domain/taxonomy.js';
import { formatCount, formatDate, type MessageKey } from '../i18n/index.js';
import { Field, GroupErrors, inputProps, kept } from './field.js';
import { useLang, useT } from './use-t.js';

/** Every version of the terms, newest first, each with what changed; the latest one may be accepted. */
export function TermSheetList({ sheets, dealVersion, mayAccept, agreed }: { sheets: TermSheetView[]; dealVersion: number; mayAccept: boolean; agreed: DealView['agreedTerms'] }) {
  const t = useT();
  const lang = useLang();
  if (sheets.length === 0) return <p>{t('deal.terms.none')}</p>;
  return (
    <ol className="term-sheets" reversed>
      {sheets.map((s) => (
        <li key={s.version} className={s.latest ? 'latest' : 'superseded'} id={`terms-v${s.version}`}>
          <h3>
            {t('deal.terms.version', { version: s.version })}{' '}
            <span className="badge">{agreed?.version === s.version ? t('deal.terms.agreed') : s.expired ? t('deal.terms.expired') : s.latest ? t('deal.terms.latest') : t('deal.terms.superseded')}</span>
          </h3>
          {agreed?.version === s.version ? (
            <p className="notice">
              {t('deal.terms.frozen')} <span className="hash">SHA-256: <code>{agreed.sha256}</code></span>
            </p>
          ) : null}
          <p className="listing-meta">
            {t('deal.terms.by', { party: t(`deal.side.${s.proposedBy}` as MessageKey), date: formatDate(s.createdAt, lang) })} · {t('deal.terms.validUntil', { date: formatDate(s.validUntil, lang) })}
          </p>
          {s.changed ? (
            <p className="changes">{s.changed.length ? t('deal.terms.changed', { fields: s.changed.map((k) => t(`deal.terms.${k}` as MessageKey)).join(', ') }) : t('deal.terms.unchanged')}</p>
          ) : null}
          <Terms terms={s.terms} changed={s.changed ?? []} />
          {s.latest && mayAccept && !s.expired ? (
            <Form method="post">
              <input type="hidden" name="version" value={dealVersion} />
              <input type="hidden" name="termsVersion" value={s.version} />
              <button type="submit" name="intent" value="accept_terms">{t('deal.terms.accept', { version: s.version })}</button>
            </Form>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Terms({ terms, changed }: { terms: TermSheet; changed: (keyof TermSheet)[] }) {
  const t = useT();
  const mark = (k: keyof TermSheet) => (changed.includes(k) ? 'changed' : undefined);
  const row = (k: keyof TermSheet, value: React.ReactNode) => (
    <>
      <dt className={mark(k)}>{t(`deal.terms.${k}` as MessageKey)}</dt>
      <dd className={mark(k)}>{value}</dd>
    </>
  );
  return (
    <dl className="facts terms">
      {row('subject', <span className="pre">{terms.subject}</span>)}
      {row('transferMode', t(`mode.${terms.transferMode}`))}
      {row('exclusive', terms.exclusive ? t('common.yes') : t('common.no'))}
      {row('territory', terms.territory)}
      {row('fieldOfUse', terms.fieldOfUse)}
      {row('durationMonths', t('deal.terms.months', { count: terms.durationMonths }))}
      {row('price', formatVnd(terms.price))}
      {row(
        'milestones',
        <ol>
          {terms.milestones.map((m, i) => (
            <li key={i}>{formatVnd(m.amount)} — {m.condition} — {m.deliverable}</li>
          ))}
        </ol>,
      )}
      {terms.warranty ? row('warranty', <span className="pre">{terms.warranty}</span>) : null}
      {row('governingLaw', t(`deal.terms.governingLaw.${terms.governingLaw}` as MessageKey))}
      {row('disputeResolution', t(`deal.dispute.${terms.disputeResolution}` as MessageKey))}
    </dl>
  );
}

/** The form's strings for a counter-proposal: the latest terms, amounts written the Vietnamese way. */
function valuesOf(terms: TermSheet | null): Record<string, string> {
  if (!terms) return { validDays: '14', disputeResolution: 'negotiation' };
  const out: Record<string, string> = {
    subject: terms.subject,
    transferMode: terms.transferMode,
    exclusive: terms.exclusive ? 'on' : '',
    territory: terms.territory,
    fieldOfUse: terms.fieldOfUse,
    durationMonths: String(terms.durationMonths),
    price: formatCount(terms.price),
    warranty: terms.warranty,
    disputeResolution: terms.disputeResolution,
    validDays: String(terms.validDays),
  };
  terms.milestones.slice(0, MILESTONE_ROWS).forEach((m, i) => {
    out[milestoneField(i, 'amount')] = formatCount(m.amount);
    out[milestoneField(i, 'condition')] = m.condition;
    out[milestoneField(i, 'deliverable')] = m.deliverable;
  });
  return out;
}

interface TermSheetFormProps {
  dealVersion: number;
  latest: TermSheet | null;
  /** What was typed in a refused proposal, to type over rather than again. */
  kept?: Record<string, string | string[]>;
  errors: FieldProblems;
}

/** A proposal or a counter-proposal: starts from the latest terms, so a counter changes only what it must. */
export function TermSheetForm({ dealVersion, latest, kept: typed, errors }: TermSheetFormProps) {
  const t = useT();
  const values = typed ?? valuesOf(latest);
  const v = (name: string) => kept(values, name);
  const attrs = (name: string) => fieldAttrs(termSheetFields, name);
  return (
    <Form method="post" className="stack term-sheet-form">
      <h3>{latest ? t('deal.terms.counterTitle') : t('deal.terms.proposeTitle')}</h3>
      <p className="hint">{t('deal.terms.proposeHint')}</p>
      <input type="hidden" name="version" value={dealVersion} />
      <Field name="subject" label={t('deal.terms.subject')} errors={errors.subject}>
        <textarea {...inputProps('subject', errors.subject)} {...attrs('subject')} rows={3} defaultValue={v('subject')} />
      </Field>
      <Field name="transferMode" label={t('deal.terms.transferMode')} errors={errors.transferMode}>
        <select {...inputProps('transferMode', errors.transferMode)} {...attrs('transferMode')} defaultValue={v('transferMode')}>
          <option value="">—</option>
          {TRANSFER_MODES.map((m) => (
            <option key={m} value={m}>{t(`mode.${m}`)}</option>
          ))}
        </select>
      </Field>
      <div className="form-field checkbox">
        <label>
          <input type="checkbox" name="exclusive" defaultChecked={v('exclusive') === 'on'} /> {t('deal.terms.exclusive')}
        </label>
        <GroupErrors errors={errors.exclusive} />
      </div>
      <Field name="territory" label={t('deal.terms.territory')} errors={errors.territory}>
        <input {...inputProps('territory', errors.territory)} {...attrs('territory')} defaultValue={v('territory')} />
      </Field>
      <Field name="fieldOfUse" label={t('deal.terms.fieldOfUse')} errors={errors.fieldOfUse}>
        <input {...inputProps('fieldOfUse', errors.fieldOfUse)} {...attrs('fieldOfUse')} defaultValue={v('fieldOfUse')} />
      </Field>
      <Field name="durationMonths" label={t('deal.terms.durationMonths')} errors={errors.durationMonths}>
        <input {...inputProps('durationMonths', errors.durationMonths)} {...attrs('durationMonths')} type="number" defaultValue={v('durationMonths')} />
      </Field>
      <Field name="price" label={t('deal.terms.price')} errors={errors.price} hint={t('deal.interest.priceHint')}>
        <input {...inputProps('price', errors.price, true)} required inputMode="numeric" defaultValue={v('price')} />
      </Field>
      <fieldset className={errors.milestones ? 'has-error' : undefined}>
        <legend>{t('deal.terms.milestones')}</legend>
        <GroupErrors errors={errors.milestones} />
        {Array.from({ length: MILESTONE_ROWS }, (_, row) => (
          <div key={row} className="milestone-row">
            <p className="milestone-label">{t('deal.terms.milestoneRow', { n: row + 1 })}</p>
            <label>
              {t('deal.terms.milestoneAmount')}
              <input name={milestoneField(row, 'amount')} inputMode="numeric" defaultValue={v(milestoneField(row, 'amount'))} />
            </label>
            <label>
              {t('deal.terms.milestoneCondition')}
              <input name={milestoneField(row, 'condition')} maxLength={300} defaultValue={v(milestoneField(row, 'condition'))} />
            </label>
            <label>
              {t('deal.terms.milestoneDeliverable')}
              <input name={milestoneField(row, 'deliverable')} maxLength={300} defaultValue={v(milestoneField(row, 'deliverable'))} />
            </label>
          </div>
        ))}
      </fieldset>
      <Field name="warranty" label={t('deal.terms.warranty')} errors={errors.warranty}>
        <textarea {...inputProps('warranty', errors.warranty)} {...attrs('warranty')} rows={2} defaultValue={v('warranty')} />
      </Field>
      <p>
        {t('deal.terms.governingLaw')}: {t('deal.terms.governingLaw.vietnam')}
      </p>
      <Field name="disputeResolution" label={t('deal.terms.disputeResolution')} errors={errors.disputeResolution}>
        <select {...inputProps('disputeResolution', errors.disputeResolution)} {...attrs('disputeResolution')} defaultValue={v('disputeResolution')}>
          {DISPUTE_RESOLUTIONS.map((d) => (
            <option key={d} value={d}>{t(`deal.dispute.${d}` as MessageKey)}</option>
          ))}
        </select>
      </Field>
      <Field name="validDays" label={t('deal.terms.validDays')} errors={errors.validDays}>
        <input {...inputProps('validDays', errors.validDays)} {...attrs('validDays')} type="number" defaultValue={v('validDays')} />
      </Field>
      <p className="actions">
        <button type="submit" name="intent" value="propose_terms">{t('deal.terms.submit')}</button>
      </p>
    </Form>
  );
}
