// A listing's language when its owner did not say: detected from its text (franc, trigram
// profiles of ISO 639-3 languages), among the market's listing languages only.
import { franc } from 'franc-min';
import { ISO_639_3, LISTING_LANGUAGES, type ListingLanguage } from '../domain/taxonomy.js';

const BY_CODE = new Map(LISTING_LANGUAGES.map((l) => [ISO_639_3[l], l]));
const ONLY = [...BY_CODE.keys()];
/** Letters only Vietnamese writes (not â, ê, ô, à, é…, which French, Spanish and others share). */
const VIETNAMESE_LETTERS = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const LETTERS = /\p{L}/gu;

export function detectListingLanguage(listing: { title: string; summary: string; description: string }): ListingLanguage {
  const text = `${listing.title}. ${listing.summary}. ${listing.description}`.slice(0, 3000).normalize('NFC');
  // Vietnamese says so by its letters, however short the text (trigrams need a sentence or two);
  // a Vietnamese place name in a French text is not enough.
  const vietnamese = text.match(VIETNAMESE_LETTERS)?.length ?? 0;
  if (vietnamese > 0 && vietnamese / Math.max(1, text.match(LETTERS)?.length ?? 0) >= 0.02) return 'vi';
  return BY_CODE.get(franc(text, { only: ONLY, minLength: 12 })) ?? 'en';
}
