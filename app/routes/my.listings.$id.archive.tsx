import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireActor } from '../auth/session.server.js';
import { applyListingTransition } from '../services/listing-lifecycle.server.js';
import { getOwnListing } from '../services/my-listings.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { FormMessage } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('archive.title') }));

/** Archiving takes a listing off the market: a page of its own asks first (no JavaScript needed). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => {
    const listing = await getOwnListing(ctx, actor, params.id ?? '');
    // Not archivable now (archived already, under review): the page says so, and a refused
    // confirmation (another tab moved the listing on) still shows its message.
    return { id: listing.id, title: listing.input.title, language: listing.input.language, version: listing.version, mayArchive: listing.transitions.includes('archive') };
  });
}

const confirmSchema = z.object({ version: z.coerce.number().int().optional() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const id = params.id ?? '';
  return schemaAction(confirmSchema, await readForm(request), async ({ version }) => {
    await applyListingTransition(ctx, actor, id, 'archive', { expectedVersion: version ?? null });
    return redirect(`/my/listings/${id}?done=archive`);
  });
}

export default function ArchiveListing() {
  const t = useT();
  const { id, title, language, version, mayArchive } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t('archive.title')}</h1>
      <p lang={language ?? undefined}><strong>{title}</strong></p>
      {result && !result.ok ? <FormMessage message={result.message} /> : null}
      {mayArchive ? (
        <>
          <p>{t('archive.explain')}</p>
          <Form method="post" className="actions">
            <input type="hidden" name="version" value={version} />
            <button type="submit" className="danger">{t('archive.confirm')}</button>
            <Link className="button secondary" to={`/my/listings/${id}`}>{t('archive.cancel')}</Link>
          </Form>
        </>
      ) : (
        <>
          {result ? null : <p className="notice">{t('archive.unavailable')}</p>}
          <p><Link to={`/my/listings/${id}`}>← {t('preview.back')}</Link></p>
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
