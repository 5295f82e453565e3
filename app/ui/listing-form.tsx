import type { FieldProblems, Problem } from '../domain/problem.js';
import { Form } from '@remix-run/react';
import { useState } from 'react';
import { PROVINCES } from '../domain/provinces.js';
import { IP_STATUSES, LISTING_LANGUAGES, SECTORS, TRANSFER_MODES, type ListingKind } from '../domain/taxonomy.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { listingFieldsSchema } from '../domain/listing-input.js';
import { formatVnd } from '../domain/money.js';
import { parseVndAmount } from '../domain/listing-form.js';
import type { MessageKey } from '../i18n/index.js';
import { Field, FormMessage, GroupErrors, inputProps } from './field.js';
import { useLang, useT } from './use-t.js';

export interface ListingFormValues {
  kind: ListingKind;
  title: string;
  summary: string;
  description: string;
  innovation: string;
  sectors: string[];
  keywords: string;
  trl: string;
  ipStatus: string;
  transferModes: string[];
  priceMin: string;
  priceMax: string;
  priceNegotiable: boolean;
  province: string;
  language: string;
  anonymous: boolean;
  confidentialDetails: string;
}

interface Props {
  values: ListingFormValues;
  errors: FieldProblems;
  message: Problem | null;
  previewHtml: string | null;
  version?: number;
  submitLabel: string;
  /** A second button that saves and sends for review, where the owner may submit. */
  submitForReviewLabel?: string;
  /** The new-listing form's idempotency key (one per form shown). */
  draftKey?: string;
}

const TRLS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Every field of a listing's profile, with limits, counters and a Markdown preview. */
export function ListingForm({ values, errors, message, previewHtml, version, submitLabel, submitForReviewLabel, draftKey }: Props) {
  const t = useT();
  const lang = useLang();
  const isOffer = values.kind === 'offer';
  return (
    <Form method="post" className="stack listing-form" noValidate>
      {message ? <FormMessage message={message} /> : Object.keys(errors).length ? <p className="notice notice-error" role="alert">{t('form.fixErrors')}</p> : null}
      <input type="hidden" name="kind" value={values.kind} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {draftKey !== undefined ? <input type="hidden" name="draftKey" value={draftKey} /> : null}
      <p className="hint">{t('listingForm.draftHint')}</p>
      <CountedText name="title" label={t('listingForm.title')} value={values.title} errors={errors.title} />
      <CountedText name="summary" label={t('listingForm.summary')} value={values.summary} errors={errors.summary} rows={3} />
      <CountedText name="description" label={t('listingForm.description')} value={values.description} errors={errors.description} rows={10} hint={t('listingForm.markdownHint')} />
      <p>
        <button type="submit" name="intent" value="preview" className="secondary">{t('listingForm.preview')}</button>
      </p>
      {previewHtml !== null ? (
        <section className="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('listingForm.previewHeading')}</h2>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: previewHtml }} />
        </section>
      ) : null}
      <CountedText name="innovation" label={isOffer ? t('listing.innovation.offer') : t('listing.innovation.demand')} value={values.innovation} errors={errors.innovation} rows={3} />
      <fieldset className={errors.sectors ? 'has-error' : undefined} aria-describedby="sectors-hint">
        <legend>{t('listing.sectors')}</legend>
        <p className="hint" id="sectors-hint">{t('listingForm.sectorsHint')}</p>
        <ul className="checkboxes columns">
          {SECTORS.map((s) => (
            <li key={s}>
              <label>
                <input type="checkbox" name="sectors" value={s} defaultChecked={values.sectors.includes(s)} /> {t(`sector.${s}`)}
              </label>
            </li>
          ))}
        </ul>
        <GroupErrors errors={errors.sectors} />
      </fieldset>
      <Field name="keywords" label={t('listing.keywords')} errors={errors.keywords} hint={t('listingForm.keywordsHint')}>
        <input {...inputProps('keywords', errors.keywords, true)} defaultValue={values.keywords} />
      </Field>
      <Field name="trl" label={isOffer ? t('listing.trlReached') : t('listing.trlWanted')} errors={errors.trl} hint={t('listingForm.trlHint')}>
        <select {...withDescription(inputProps('trl', errors.trl, true), 'trl-levels')} defaultValue={values.trl}>
          <option value="">—</option>
          {TRLS.map((n) => (
            <option key={n} value={n}>TRL {n} — {t(`trl.${n}` as MessageKey)}</option>
          ))}
        </select>
      </Field>
      <details className="explained" id="trl-levels">
        <summary>{t('listingForm.trlExplained')}</summary>
        <dl>
          {TRLS.map((n) => (
            <div key={n}>
              <dt>TRL {n} — {t(`trl.${n}` as MessageKey)}</dt>
              <dd>{t(`trlHint.${n}` as MessageKey)}</dd>
            </div>
          ))}
        </dl>
      </details>
      {isOffer ? (
        <Field name="ipStatus" label={t('listing.ip')} errors={errors.ipStatus}>
          <select {...inputProps('ipStatus', errors.ipStatus)} defaultValue={values.ipStatus}>
            <option value="">—</option>
            {IP_STATUSES.map((ip) => (
              <option key={ip} value={ip}>{t(`ip.${ip}`)}</option>
            ))}
          </select>
        </Field>
      ) : null}
      <fieldset className={errors.transferModes ? 'has-error' : undefined} aria-describedby="modes-hint">
        <legend>{t('listing.modes')}</legend>
        <p className="hint" id="modes-hint">{t('listingForm.modesExplained')}</p>
        <ul className="checkboxes explained-options">
          {TRANSFER_MODES.map((m) => (
            <li key={m}>
              <label>
                <input type="checkbox" name="transferModes" value={m} defaultChecked={values.transferModes.includes(m)} aria-describedby={`mode-${m}-hint`} /> {t(`mode.${m}`)}
              </label>
              <small className="hint" id={`mode-${m}-hint`}>{t(`modeHint.${m}` as MessageKey)}</small>
            </li>
          ))}
        </ul>
        <GroupErrors errors={errors.transferModes} />
      </fieldset>
      <fieldset>
        <legend>{isOffer ? t('listing.price') : t('listing.budget')}</legend>
        <AmountField name="priceMin" label={t('listingForm.priceMin')} value={values.priceMin} errors={errors.priceMin} />
        <AmountField name="priceMax" label={t('listingForm.priceMax')} value={values.priceMax} errors={errors.priceMax} />
        <label>
          <input type="checkbox" name="priceNegotiable" defaultChecked={values.priceNegotiable} /> {t('listing.negotiable')}
        </label>
      </fieldset>
      <Field name="province" label={t('filters.province')} errors={errors.province}>
        <select {...inputProps('province', errors.province)} {...fieldAttrs(listingFieldsSchema, 'province')} defaultValue={values.province}>
          <option value="">—</option>
          {PROVINCES.map((p) => (
            <option key={p.code} value={p.code}>{p[lang]}</option>
          ))}
        </select>
      </Field>
      <Field name="language" label={t('listing.language')} errors={errors.language}>
        <select {...inputProps('language', errors.language)} {...fieldAttrs(listingFieldsSchema, 'language')} defaultValue={values.language}>
          <option value="">{t('listing.languageAuto')}</option>
          {LISTING_LANGUAGES.map((l) => (
            <option key={l} value={l}>{t(`lang.${l}`)}</option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend>{t('listingForm.disclosure')}</legend>
        <label>
          <input type="checkbox" name="anonymous" defaultChecked={values.anonymous} /> {t('listingForm.anonymous')}
        </label>
        <CountedText name="confidentialDetails" label={t('listingForm.confidential')} value={values.confidentialDetails} errors={errors.confidentialDetails} rows={4} hint={t('listingForm.confidentialHint')} />
      </fieldset>
      <p className="actions">
        <button type="submit" name="intent" value="save">{submitLabel}</button>
        {submitForReviewLabel ? <button type="submit" name="intent" value="submit" className="secondary">{submitForReviewLabel}</button> : null}
      </p>
    </Form>
  );
}

/** An input's description list, with one more element that explains it. */
function withDescription<P extends { 'aria-describedby'?: string }>(props: P, id: string): P {
  return { ...props, 'aria-describedby': [props['aria-describedby'], id].filter(Boolean).join(' ') };
}

/**
 * A text field with a live "n / max" counter (the count is right before JavaScript too), its
 * limits read from the listing schema. No `maxLength` on the input: the browser would cut a
 * pasted text silently, where the counter shows how much is over.
 */
function CountedText({ name, label, value, errors, rows, hint }: { name: keyof typeof listingFieldsSchema.shape; label: string; value: string; errors?: Problem[]; rows?: number; hint?: string }) {
  const { maxLength: max = Infinity, ...constraints } = fieldAttrs(listingFieldsSchema, name);
  const [length, setLength] = useState(value.length);
  const over = length > max;
  const counter = (
    <span className={`counter${over ? ' over' : ''}`} aria-live="polite">
      {length} / {max}
    </span>
  );
  return (
    <Field name={name} label={label} errors={errors} hint={<>{hint ? <>{hint} · </> : null}{counter}</>}>
      {rows ? (
        <textarea {...inputProps(name, errors, true)} {...constraints} rows={rows} defaultValue={value} onChange={(e) => setLength(e.currentTarget.value.length)} />
      ) : (
        <input {...inputProps(name, errors, true)} {...constraints} defaultValue={value} onChange={(e) => setLength(e.currentTarget.value.length)} />
      )}
    </Field>
  );
}

/** An amount in đồng, shown back the Vietnamese way as it is typed. */
function AmountField({ name, label, value, errors }: { name: string; label: string; value: string; errors?: Problem[] }) {
  const [text, setText] = useState(value);
  const amount = parseVndAmount(text);
  return (
    <Field name={name} label={label} errors={errors} hint={amount !== null && !Number.isNaN(amount) ? formatVnd(amount) : '₫'}>
      <input {...inputProps(name, errors, true)} inputMode="numeric" defaultValue={value} onChange={(e) => setText(e.currentTarget.value)} />
    </Field>
  );
}
