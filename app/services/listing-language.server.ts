// A listing's language when its owner did not say: detected from its text (franc, trigram
// profiles of ISO 639-3 languages), among the market's listing languages only.
import { franc } from 'franc-min';
import { ISO_639_3, LISTING_LANGUAGES, type ListingLanguage } from '../domain/taxonomy.js';

const BY_CODE = new Map(LISTING_LANGUAGES.map((l) => [ISO_639_3[l], l]));
const ONLY = [...BY_CODE.keys()];
/** Letters only Vietnamese writes: a short text with one of them is Vietnamese. */
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

export function detectListingLanguage(listing: { title: string; summary: string; description: string }): ListingLanguage {
  const text = `${listing.title}. ${listing.summary}. ${listing.description}`.slice(0, 3000);
  const found = BY_CODE.get(franc(text, { only: ONLY, minLength: 12 }));
  if (found) return found;
  // Too short to tell by trigrams: the market's two languages, told apart by their letters.
  return VIETNAMESE_LETTERS.test(text) ? 'vi' : 'en';
}
