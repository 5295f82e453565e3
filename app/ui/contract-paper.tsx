import { Form } from '@remix-run/react';
import type { ContractView } from '../domain/contract-view.js';
import type { FieldProblems } from '../domain/problem.js';
import type { MessageKey } from '../i18n/index.js';
import { Field, inputProps } from './field.js';
import { useT } from './use-t.js';

/** The third way: a scan of the paper contract both signed and sealed, uploaded by one side and confirmed by the other. */
export function PaperForms({ contract, errorsOf }: { contract: ContractView; errorsOf: (intent: string) => FieldProblems }) {
  const t = useT();
  const upload = contract.transitions.includes('upload_paper');
  const confirm = contract.transitions.includes('confirm_paper');
  const up = errorsOf('upload_paper');
  const co = errorsOf('confirm_paper');
  return (
    <>
      {contract.paperUploadedBy ? (
        <p>
          {t('contract.paper.waiting', { side: t(`deal.side.${contract.paperUploadedBy}` as MessageKey) })}{' '}
          <a href={`/contracts/${contract.id}/scan`} download>
            {t('contract.paper.download')}
          </a>
        </p>
      ) : null}
      {upload && !contract.paperUploadedBy ? (
        <Form method="post" encType="multipart/form-data" className="stack narrow">
          <h3>{t('contract.paper.title')}</h3>
          <p className="hint">{t('contract.paper.hint')}</p>
          <input type="hidden" name="version" value={contract.version} />
          <input type="hidden" name="contentSha256" value={contract.contentSha256} />
          <Field name="scanFile" label={t('contract.paper.file')} errors={up.file}>
            <input {...inputProps('scanFile', up.file)} name="file" type="file" accept=".pdf,.png,.jpg,.jpeg" required />
          </Field>
          <Field name="scanName" label={t('contract.sign.typedName')} errors={up.typedName}>
            <input {...inputProps('scanName', up.typedName)} name="typedName" required maxLength={200} />
          </Field>
          <p className="actions">
            <button type="submit" name="intent" value="upload_paper" className="secondary">
              {t('contract.paper.upload')}
            </button>
          </p>
        </Form>
      ) : null}
      {confirm ? (
        <Form method="post" className="stack narrow">
          <h3>{t('contract.paper.confirmTitle')}</h3>
          <input type="hidden" name="version" value={contract.version} />
          <input type="hidden" name="contentSha256" value={contract.contentSha256} />
          <Field name="confirmName" label={t('contract.sign.typedName')} errors={co.typedName}>
            <input {...inputProps('confirmName', co.typedName)} name="typedName" required maxLength={200} />
          </Field>
          <p className="actions">
            <button type="submit" name="intent" value="confirm_paper">
              {t('contract.paper.confirm')}
            </button>
          </p>
        </Form>
      ) : null}
    </>
  );
}
