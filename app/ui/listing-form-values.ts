// Between a listing and its form: empty, from a saved listing, or exactly as the user typed it.
// Pure, so the page can use it in the browser too.
import type { ListingDraft } from '../domain/listing-input.js';
import type { ListingKind } from '../domain/taxonomy.js';
import type { ListingFormValues } from './listing-form.js';

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
const arr = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

export function emptyListingForm(kind: ListingKind): ListingFormValues {
  return {
    kind, title: '', summary: '', description: '', innovation: '', sectors: [], keywords: '', trl: '', ipStatus: '',
    transferModes: [], priceMin: '', priceMax: '', priceNegotiable: false, province: '', language: '', anonymous: false,
    confidentialDetails: '',
  };
}

export function listingFormFromInput(input: ListingDraft): ListingFormValues {
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    description: input.description,
    innovation: input.innovation,
    sectors: input.sectors,
    keywords: input.keywords.join(', '),
    trl: input.trl === null ? '' : String(input.trl),
    ipStatus: input.ipStatus ?? '',
    transferModes: input.transferModes,
    priceMin: input.priceMin === null ? '' : new Intl.NumberFormat('vi-VN').format(input.priceMin),
    priceMax: input.priceMax === null ? '' : new Intl.NumberFormat('vi-VN').format(input.priceMax),
    priceNegotiable: input.priceNegotiable,
    province: input.province ?? '',
    language: input.language ?? '',
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
    language: str(values.language),
    anonymous: str(values.anonymous) === 'on',
    confidentialDetails: str(values.confidentialDetails),
  };
}

