import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { MAX_IMPORT_FILE_BYTES } from '../domain/bulk-import.js';
import { requireOwnImport, stageImport } from '../services/bulk-import.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { ImportUpload } from '../ui/import-upload.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { formAction } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';
import { readPageUpload } from '../web/upload.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('import.title') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(appContext(context), request);
  return asPage(async () => {
    requireOwnImport(actor);
    return null;
  });
}

/** Checks the file and keeps it for the preview; nothing is written yet. */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const upload = await readPageUpload(request, { maxFileBytes: MAX_IMPORT_FILE_BYTES, field: 'file', intent: 'upload' });
  if ('failure' in upload) return data(upload.failure, { status: 400 });
  return formAction(upload.values, async () => redirect(`/imports/${(await stageImport(ctx, actor, actor.organisationId, upload.files.file ?? null)).id}`));
}

export default function ImportOffers() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t('import.title')}</h1>
      <ImportUpload errors={result && 'fieldErrors' in result ? result.fieldErrors : {}} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
