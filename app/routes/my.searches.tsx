import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { savedSearchInputSchema } from '../domain/saved-search-input.js';
import { requireActor } from '../auth/session.server.js';
import { formatDate } from '../i18n/index.js';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../services/saved-searches.server.js';
import { FormMessage } from '../ui/field.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('savedSearch.title') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const searches = await listSavedSearches(ctx, actor);
  return { searches: searches.map((s) => ({ ...s, created_at: s.created_at.toISOString() })) };
}

/** Saving comes from the search pages (app/ui/listing-browser.tsx), deleting from this page. */
const savedSearchForms = z.discriminatedUnion('intent', [
  savedSearchInputSchema.extend({ intent: z.literal('save') }),
  z.object({ intent: z.literal('delete'), id: z.string() }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return schemaAction(savedSearchForms, await readForm(request), async (form) => {
    if (form.intent === 'delete') await deleteSavedSearch(ctx, actor, form.id);
    else await saveSearch(ctx, actor, form);
    return { ok: true as const, done: form.intent };
  });
}

export default function SavedSearches() {
  const t = useT();
  const lang = useLang();
  const { searches } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t('savedSearch.title')}</h1>
      <p className="lead">{t('savedSearch.lead')}</p>
      {result && !result.ok ? <FormMessage message={result.message ?? Object.values(result.fieldErrors).flat()[0]} /> : null}
      {result?.ok ? <p className="notice" role="status">{result.done === 'delete' ? t('savedSearch.deleted') : t('savedSearch.saved')}</p> : null}
      {searches.length === 0 ? <p>{t('savedSearch.none')}</p> : null}
      <ul className="saved-searches">
        {searches.map((s) => (
          <li key={s.id}>
            <Link to={`/search?${s.query}`}>{s.name}</Link> <span className="hint">{formatDate(s.created_at, lang)}</span>
            <Form method="post" className="inline">
              <input type="hidden" name="id" value={s.id} />
              <button type="submit" name="intent" value="delete" className="secondary">{t('savedSearch.delete')}</button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
