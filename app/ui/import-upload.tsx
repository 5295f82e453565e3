import type { ReactNode } from 'react';
import { Form } from '@remix-run/react';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from '../domain/bulk-import.js';
import type { Problem } from '../domain/problem.js';
import { formatCount } from '../i18n/index.js';
import { Field, inputProps } from './field.js';
import { useT } from './use-t.js';

/** The upload form of a bulk import, with the template's links; `children`: fields before the file (a curator's organisation). */
export function ImportUpload({ errors, children }: { errors: Record<string, Problem[]>; children?: ReactNode }) {
  const t = useT();
  return (
    <>
      <p>{t('import.lead', { max: formatCount(MAX_IMPORT_ROWS), mb: MAX_IMPORT_FILE_BYTES / 1024 / 1024 })}</p>
      <p className="actions">
        <a href="/my/listings/import/template?format=xlsx" download>{t('import.templateXlsx')}</a>
        {' · '}
        <a href="/my/listings/import/template?format=csv" download>{t('import.templateCsv')}</a>
      </p>
      <Form method="post" encType="multipart/form-data" reloadDocument>
        <input type="hidden" name="intent" value="upload" />
        {children}
        <Field name="file" label={t('import.file')} errors={errors.file}>
          <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required {...inputProps('file', errors.file)} />
        </Field>
        <button type="submit" className="button">{t('import.upload')}</button>
      </Form>
    </>
  );
}
