// The listing editor's round trip: form values in, the service called, the form refilled on error.
import { data, redirect } from '@remix-run/node';
import { listingFromForm } from '../domain/listing-form.js';
import type { FieldProblems, Problem } from '../domain/problem.js';
import { formAction, readForm, type FormValues } from './forms.server.js';
import { renderMarkdown } from './markdown.server.js';

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

export type ListingFormResult =
  | { ok: false; fieldErrors: FieldProblems; message: Problem | null; values: FormValues; previewHtml?: string | null }
  | { ok: true; preview: true; previewHtml: string; values: FormValues };

/** Preview, or save through `save` and go to `to(id)`; failures refill the form. */
export async function listingFormAction(request: Request, save: (input: ReturnType<typeof listingFromForm>, version: number | null) => Promise<string>) {
  const values = await readForm(request);
  if (values.intent === 'preview') {
    return data<ListingFormResult>({ ok: true, preview: true, previewHtml: renderMarkdown(str(values.description)), values });
  }
  const version = str(values.version) ? Number(str(values.version)) : null;
  return formAction(values, async () => redirect(await save(listingFromForm(values), version)));
}
