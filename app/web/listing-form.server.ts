// The listing editor's round trip: form values in, the service called, the form refilled on error.
import { data, redirect } from '@remix-run/node';
import type { ListingInput } from '../domain/listing-input.js';
import { listingFromForm } from '../domain/listing-form.js';
import type { ListingKind } from '../domain/taxonomy.js';
import type { ListingFormValues } from '../ui/listing-form.js';
import { formAction, readForm, type FormValues } from './forms.server.js';
import { renderMarkdown } from './markdown.server.js';

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
const arr = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

export function emptyListingForm(kind: ListingKind): ListingFormValues {
  return {
    kind, title: '', summary: '', description: '', innovation: '', sectors: [], keywords: '', trl: '', ipStatus: '',
    transferModes: [], priceMin: '', priceMax: '', priceNegotiable: false, province: '', language: 'vi', anonymous: false,
    confidentialDetails: '',
  };
}

export function listingFormFromInput(input: ListingInput): ListingFormValues {
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    description: input.description,
    innovation: input.innovation,
    sectors: input.sectors,
    keywords: input.keywords.join(', '),
    trl: String(input.trl),
    ipStatus: input.ipStatus ?? '',
    transferModes: input.transferModes,
    priceMin: input.priceMin === null ? '' : new Intl.NumberFormat('vi-VN').format(input.priceMin),
    priceMax: input.priceMax === null ? '' : new Intl.NumberFormat('vi-VN').format(input.priceMax),
    priceNegotiable: input.priceNegotiable,
    province: input.province,
    language: input.language,
    anonymous: input.anonymous,
    confidentialDetails: input.confidentialDetails ?? '',
  };
}

/** What the user typed, exactly, so a failed save loses nothing. */
export function listingFormFromValues(values: Record<string, unknown>, kind: ListingKind): ListingFormValues {
  return {
    kind,
    title: str(values.title),
    summary: str(values.summary),
    description: str(values.description),
    innovation: str(values.innovation),
    sectors: arr(values.sectors),
    keywords: str(values.keywords),
    trl: str(values.trl),
    ipStatus: str(values.ipStatus),
    transferModes: arr(values.transferModes),
    priceMin: str(values.priceMin),
    priceMax: str(values.priceMax),
    priceNegotiable: str(values.priceNegotiable) === 'on',
    province: str(values.province),
    language: str(values.language) || 'vi',
    anonymous: str(values.anonymous) === 'on',
    confidentialDetails: str(values.confidentialDetails),
  };
}

export type ListingFormResult =
  | { ok: false; fieldErrors: Record<string, string[]>; message: string | null; values: FormValues; previewHtml?: string | null }
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
