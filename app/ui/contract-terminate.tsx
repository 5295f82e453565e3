import { Form } from '@remix-run/react';
import type { FieldProblems } from '../domain/problem.js';
import { Field, inputProps } from './field.js';
import { useT } from './use-t.js';

/** The curator's end of a contract, with the reason both sides will read. */
export function TerminateForm({ version, errors }: { version: number; errors: FieldProblems }) {
  const t = useT();
  return (
    <section aria-labelledby="terminate-heading">
      <h2 id="terminate-heading">{t('contract.terminate.title')}</h2>
      <Form method="post" className="stack narrow">
        <input type="hidden" name="version" value={version} />
        <Field name="reason" label={t('contract.terminate.reason')} errors={errors.reason}>
          <textarea {...inputProps('reason', errors.reason)} required maxLength={2000} rows={3} />
        </Field>
        <p className="actions">
          <button type="submit" name="intent" value="terminate" className="danger">
            {t('contract.terminate.button')}
          </button>
        </p>
      </Form>
    </section>
  );
}
