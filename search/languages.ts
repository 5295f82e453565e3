// Each listing's text is indexed with its own language's locale. Meilisearch assigns locales by
// attribute name, not by document (`localizedAttributes`), so the market's two languages keep the
// plain fields (Vietnamese and English tell themselves apart by their letters), and every other
// listing language writes its text in fields of its own: `title_fr`, `summary_fr`…
// (docs/decisions/028-matching-real-listings.md).
import type { Locale, LocalizedAttributes } from 'meilisearch';
import { ISO_639_3, LISTING_LANGUAGES, type ListingLanguage } from '../app/domain/taxonomy.js';

/** The searchable text of a listing, most telling first (the `attribute` ranking rule). */
export const TEXT_FIELDS = ['title', 'keywords', 'summary', 'innovation', 'description'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export interface ListingText {
  title: string;
  keywords: string[];
  summary: string;
  innovation: string;
  description: string;
}

/** Languages with text fields of their own. */
export const OWN_FIELD_LANGUAGES = LISTING_LANGUAGES.filter((l) => l !== 'vi' && l !== 'en');

/** The index field holding one text field of a listing in `language`. */
export function textFieldOf(field: TextField, language: ListingLanguage): string {
  return language === 'vi' || language === 'en' ? field : `${field}_${language}`;
}

/** A listing's text under its language's field names. */
export function localizedText(text: ListingText, language: ListingLanguage): Record<string, string | string[]> {
  return Object.fromEntries(TEXT_FIELDS.map((f) => [textFieldOf(f, language), text[f]]));
}

/** Every field that may hold `field`, in any language. */
export function allFieldsOf(field: TextField): string[] {
  return [field, ...OWN_FIELD_LANGUAGES.map((l) => textFieldOf(field, l))];
}

export const localeOf = (language: ListingLanguage): Locale => ISO_639_3[language] as Locale;

/** The index's searchable attributes: each field in every language, then the owner's name. */
export const SEARCHABLE_ATTRIBUTES = [...TEXT_FIELDS.flatMap(allFieldsOf), 'organisation_name'];

export const LOCALIZED_ATTRIBUTES: LocalizedAttributes = [
  { attributePatterns: [...TEXT_FIELDS], locales: ['vie', 'eng'] },
  // Exact names, not `*_id`: a pattern would catch `organisation_id` too.
  ...OWN_FIELD_LANGUAGES.map((l) => ({ attributePatterns: TEXT_FIELDS.map((f) => textFieldOf(f, l)), locales: [localeOf(l)] })),
];
