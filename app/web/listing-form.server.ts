// The listing editor's round trip: form values in, the service called, the form refilled on error.
import { data, redirect } from '@remix-run/node';
import { listingFormSchema } from '../domain/listing-form.js';
import type { ListingDraft } from '../domain/listing-input.js';
import type { FieldProblems, Problem } from '../domain/problem.js';
import { schemaAction } from './form-schema.server.js';
import { readForm, type FormValues } from './forms.server.js';
import { renderMarkdown } from './markdown.server.js';

export type ListingFormResult =
  | { ok: false; fieldErrors: FieldProblems; message: Problem | null; values: FormValues; previewHtml?: string | null }
  | { ok: true; preview: true; previewHtml: string; values: FormValues };

export interface ListingFormSave {
  /** `submit`: save, then send for review (the whole profile is checked then). */
  intent: 'save' | 'submit';
  version: number | null;
  /** The new-listing form's idempotency key. */
  draftKey: string | null;
}

/** Preview, or save through `save` and go where it says; failures refill the form. */
export async function listingFormAction(request: Request, save: (input: ListingDraft, form: ListingFormSave) => Promise<string>) {
  const values = await readForm(request);
  return schemaAction(listingFormSchema, values, async (form) => {
    if (form.intent === 'preview') return data<ListingFormResult>({ ok: true, preview: true, previewHtml: renderMarkdown(form.description), values });
    const { intent, version, draftKey, ...input } = form;
    return redirect(await save(input, { intent, version, draftKey: draftKey ?? null }));
  });
}
