import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { MAX_IMPORT_FILE_BYTES } from '../domain/bulk-import.js';
import { importingOrganisations, stageImportAsCurator } from '../services/bulk-import.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, inputProps } from '../ui/field.js';
import { ImportUpload } from '../ui/import-upload.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { formAction } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';
import { readPageUpload } from '../web/upload.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('import.curatorTitle') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => ({ organisations: await importingOrganisations(ctx, actor) }));
}

/** A curator's import for the organisation chosen: checked and kept for the preview. */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const upload = await readPageUpload(request, { maxFileBytes: MAX_IMPORT_FILE_BYTES, field: 'file', intent: 'upload' });
  if ('failure' in upload) return data(upload.failure, { status: 400 });
  const organisationId = typeof upload.values.organisationId === 'string' ? upload.values.organisationId : '';
  return formAction(upload.values, async () => redirect(`/imports/${(await stageImportAsCurator(ctx, actor, organisationId, upload.files.file ?? null)).id}`));
}

export default function CuratorImport() {
  const t = useT();
  const { organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result.fieldErrors : {};
  return (
    <section className="narrow">
      <p><Link to="/curator">← {t('curator.queue')}</Link></p>
      <h1>{t('import.curatorTitle')}</h1>
      <ImportUpload errors={errors}>
        <Field name="organisationId" label={t('import.organisation')} errors={errors.organisationId}>
          <select required {...inputProps('organisationId', errors.organisationId)}>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
          </select>
        </Field>
      </ImportUpload>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
