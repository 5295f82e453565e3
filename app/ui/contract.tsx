import { Form, Link } from '@remix-run/react';
import type { ContractText as Text } from '../domain/contract-text.js';
import type { ContractView, MilestoneCard } from '../domain/contract-view.js';
import { formatVnd } from '../domain/money.js';
import type { FieldProblems } from '../domain/problem.js';
import type { MessageKey } from '../i18n/index.js';
import { Field, inputProps, kept } from './field.js';
import { useT } from './use-t.js';

type Values = Record<string, string | string[]> | undefined;

/** Click-through and digital signature: both sign the version whose hash the page shows. */
export function SignForms({ contract, errorsOf, values, sent }: { contract: ContractView; errorsOf: (intent: string) => FieldProblems; values: Values; sent: string | null }) {
  const t = useT();
  if (!contract.transitions.includes('sign') && !contract.transitions.includes('countersign')) return null;
  const click = errorsOf('sign');
  const digital = errorsOf('sign_digital');
  return (
    <>
      <Form method="post" className="stack narrow">
        <h3>{t('contract.sign.title')}</h3>
        <p className="hint">{t('contract.sign.hint')}</p>
        <input type="hidden" name="version" value={contract.version} />
        <input type="hidden" name="contentSha256" value={contract.contentSha256} />
        <Field name="typedName" label={t('contract.sign.typedName')} errors={click.typedName}>
          <input {...inputProps('typedName', click.typedName)} required maxLength={200} autoComplete="name" defaultValue={sent === 'sign' ? kept(values, 'typedName') : ''} />
        </Field>
        <p className="actions">
          <button type="submit" name="intent" value="sign">
            {t('contract.sign.button')}
          </button>
        </p>
      </Form>
      <Form method="post" encType="multipart/form-data" className="stack narrow">
        <h3>{t('contract.digital.title')}</h3>
        <p className="hint">{t('contract.digital.hint')}</p>
        <input type="hidden" name="version" value={contract.version} />
        <input type="hidden" name="contentSha256" value={contract.contentSha256} />
        <Field name="signedFile" label={t('contract.digital.file')} errors={digital.file}>
          <input {...inputProps('signedFile', digital.file)} name="file" type="file" accept=".pdf,application/pdf" required />
        </Field>
        <Field name="digitalName" label={t('contract.sign.typedName')} errors={digital.typedName}>
          <input {...inputProps('digitalName', digital.typedName)} name="typedName" required maxLength={200} defaultValue={sent === 'sign_digital' ? kept(values, 'typedName') : ''} />
        </Field>
        <p className="actions">
          <button type="submit" name="intent" value="sign_digital" className="secondary">
            {t('contract.digital.button')}
          </button>
        </p>
      </Form>
    </>
  );
}

/** A signer completes or corrects its organisation's details: a new version, signatures void. */
export function ContractDetailsForm({ contract, errors, values }: { contract: ContractView; errors: FieldProblems; values: Values }) {
  const t = useT();
  const own = contract.ownDetails!;
  const v = (name: 'address' | 'legalRepresentative' | 'representativeTitle' | 'ipNumber') => (values ? kept(values, name) : (own[name] ?? ''));
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t('contract.details.title')}</h2>
      <p className="hint">{t('contract.details.hint')}</p>
      <Form method="post" className="stack narrow">
        <input type="hidden" name="version" value={contract.version} />
        <Field name="address" label={t('contract.details.address')} errors={errors.address}>
          <input {...inputProps('address', errors.address)} required maxLength={300} defaultValue={v('address')} />
        </Field>
        <Field name="legalRepresentative" label={t('contract.details.legalRepresentative')} errors={errors.legalRepresentative}>
          <input {...inputProps('legalRepresentative', errors.legalRepresentative)} required maxLength={120} defaultValue={v('legalRepresentative')} />
        </Field>
        <Field name="representativeTitle" label={t('contract.details.representativeTitle')} errors={errors.representativeTitle}>
          <input {...inputProps('representativeTitle', errors.representativeTitle)} required maxLength={120} defaultValue={v('representativeTitle')} />
        </Field>
        {contract.party === 'seller' ? (
          <>
            <Field name="ipNumber" label={t('contract.details.ipNumber')} errors={errors.ipNumber}>
              <input {...inputProps('ipNumber', errors.ipNumber)} maxLength={60} defaultValue={v('ipNumber')} />
            </Field>
            <fieldset>
              <legend>{t('contract.details.stateFunded')}</legend>
              <p className="hint">{t('contract.details.stateFundedHint')}</p>
              {(['no', 'yes'] as const).map((choice) => (
                <label key={choice} className="choice">
                  <input type="radio" name="stateFunded" value={choice} defaultChecked={(values ? kept(values, 'stateFunded') === 'yes' : own.stateFunded === true) === (choice === 'yes')} />{' '}
                  {t(`contract.details.stateFunded.${choice}`)}
                </label>
              ))}
            </fieldset>
          </>
        ) : null}
        <p className="actions">
          <button type="submit" name="intent" value="revise" className="secondary">
            {t('contract.details.save')}
          </button>
        </p>
      </Form>
    </section>
  );
}

export function ContractMilestones({ milestones }: { milestones: MilestoneCard[] }) {
  const t = useT();
  if (milestones.length === 0) return null;
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t('contract.milestones')}</h2>
      <ol className="milestones">
        {milestones.map((m) => (
          <li key={m.id}>
            <Link to={`/milestones/${m.id}`}>{t('milestone.title', { number: m.number })}</Link>: {formatVnd(m.amount)} · {m.deliverable} ·{' '}
            <span className={`status stage-${m.stage}`}>{t(`milestone.stage.${m.stage}` as MessageKey)}</span>
            {m.overdue ? <strong className="status overdue"> {t('milestone.overdue')}</strong> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The contract's text, Vietnamese and English side by side; the Vietnamese prevails. */
export function ContractText({ text }: { text: Text }) {
  const t = useT();
  return (
    <details className="contract-text">
      <summary>{t('contract.readText')}</summary>
      {text.articles.map((a) => (
        <section key={a.key}>
          <h3 lang="vi">{a.heading.vi}</h3>
          <p lang="en" className="hint">
            {a.heading.en}
          </p>
          {a.paragraphs.map((p, i) => (
            <div key={i}>
              <p lang="vi">{p.vi}</p>
              <p lang="en" className="hint">
                {p.en}
              </p>
            </div>
          ))}
        </section>
      ))}
    </details>
  );
}
