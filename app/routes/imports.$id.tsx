import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireActor } from '../auth/session.server.js';
import { IMPORT_COLUMNS } from '../domain/bulk-import-columns.js';
import { IMPORT_MODES } from '../domain/bulk-import.js';
import type { MessageKey } from '../i18n/index.js';
import { problemsText } from '../i18n/problems.js';
import { confirmImport, getImport } from '../services/bulk-import.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { FormMessage, GroupErrors } from '../ui/field.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  ...pageMeta(matches, (t) => ({ title: t('import.previewTitle', { file: data?.fileName ?? '' }) })),
  // Without JavaScript the page reloads itself while the import runs, showing "n of m".
  ...(data?.status === 'running' ? [{ httpEquiv: 'refresh', content: '2' }] : []),
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(() => getImport(ctx, actor, params.id ?? ''));
}

const confirmForm = z.object({ intent: z.literal('confirm'), mode: z.enum(IMPORT_MODES, { message: 'choose_one' }) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const id = params.id ?? '';
  return schemaAction(confirmForm, await readForm(request), async (form) => {
    await confirmImport(ctx, actor, id, form.mode);
    return redirect(`/imports/${id}`);
  });
}

const HEADER = new Map(IMPORT_COLUMNS.map((c) => [c.field as string, c]));

export default function ImportPreview() {
  const t = useT();
  const lang = useLang();
  const v = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && 'ok' in result && !result.ok ? result : null;
  const label = (field: string) => HEADER.get(field)?.[lang] ?? field;
  return (
    <section>
      <h1>{t('import.previewTitle', { file: v.fileName })}</h1>
      <p>{t('import.summary', { valid: v.validCount, total: v.rowCount, organisation: v.organisation.name })}</p>
      <FormMessage message={failure?.message} />
      {v.status === 'running' ? (
        <p role="status" aria-live="polite">
          <progress max={v.validCount} value={v.doneCount} /> {t('import.running', { done: v.doneCount, total: v.validCount })}
        </p>
      ) : null}
      {v.status === 'done' ? (
        <>
          <p className="notice" role="status">{t('import.done', { created: v.createdCount, updated: v.updatedCount })}</p>
          {v.skipped.length ? (
            <>
              <h2>{t('import.skippedTitle')}</h2>
              <ul>
                {v.skipped.map((s) => (
                  <li key={s.row}>{t('import.skipped', { row: s.row, reference: s.reference, status: t(`status.${s.status}` as MessageKey) })}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="actions">
            {v.own ? (
              <>
                <Link className="button" to="/my/listings">{t('import.seeListings')}</Link> <Link to="/my/listings/import">{t('import.again')}</Link>
              </>
            ) : (
              <Link to="/curator/import">{t('import.again')}</Link>
            )}
          </p>
        </>
      ) : null}
      {v.status === 'staged' && v.modes.length ? (
        v.validCount === 0 ? (
          <p className="notice notice-error">{t('import.noValid')}</p>
        ) : (
          <Form method="post" reloadDocument>
            <input type="hidden" name="intent" value="confirm" />
            <fieldset>
              <legend>{t('import.mode')}</legend>
              {v.modes.map((m, i) => (
                <label key={m} className="choice">
                  <input type="radio" name="mode" value={m} defaultChecked={i === 0} /> {t(`import.mode.${m}` as MessageKey)}
                </label>
              ))}
              <GroupErrors errors={failure?.fieldErrors.mode} />
            </fieldset>
            <p className="hint">{t('import.confirmHint')}</p>
            <button type="submit" className="button">{t('import.confirm')}</button>
          </Form>
        )
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{label('reference')}</th>
            <th scope="col">{label('title')}</th>
            <th scope="col">{t('import.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {v.rows.map((r) => (
            <tr key={r.row} className={r.valid ? undefined : 'has-error'}>
              <td>{r.row}</td>
              <td>{r.reference}</td>
              <td>{r.title}</td>
              <td>
                {r.valid ? (
                  t('import.ready')
                ) : (
                  <ul className="row-errors">
                    {Object.entries(r.errors).map(([field, problems]) => (
                      <li key={field}>
                        {t('import.row')} {r.row}, {label(field)}: {problemsText(t, lang, problems)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
