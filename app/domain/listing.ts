import type { Region } from './anonymity.js';
import type { IpStatus, ListingKind, ListingLanguage, OrganisationType, Sector, TransferMode } from './taxonomy.js';

/**
 * What the public may see of an organisation behind a listing: `null` name when anonymous, and
 * `null` type when even the type would single an anonymous owner out.
 */
export interface PublicOwner {
  id: string | null;
  slug: string | null;
  name: string | null;
  type: OrganisationType | null;
  verified: boolean;
}

/** A listing as it appears in a result list: public fields only. */
export interface ListingCard {
  id: string;
  kind: ListingKind;
  title: string;
  summary: string;
  sectors: Sector[];
  trl: number;
  ipStatus: IpStatus | null;
  transferModes: TransferMode[];
  priceMin: number | null;
  priceMax: number | null;
  priceNegotiable: boolean;
  /** Null when an anonymous owner's province would single it out; the region may still show. */
  province: string | null;
  region: Region | null;
  language: ListingLanguage;
  owner: PublicOwner;
  publishedAt: string | null;
  confirmedActiveAt: string | null;
  /** Title and summary with search terms marked by HIGHLIGHT_START / HIGHLIGHT_END. */
  highlight?: { title: string; summary: string };
}

/** A published listing's page: every public field. Confidential details are never here. */
export interface ListingDetail extends ListingCard {
  description: string;
  innovation: string;
  keywords: string[];
  expiresAt: string | null;
  hasConfidentialDetails: boolean;
}

/** The curator's latest request or refusal that still stands, shown to the owner where they act. */
export interface CuratorRequest {
  action: 'request_changes' | 'reject' | 'decline_revision';
  reason: string | null;
  by: string | null;
  at: string;
}

/** What the preview and the public page show: a draft's TRL may not be chosen yet. */
export type ListingView = Omit<ListingDetail, 'trl'> & { trl: number | null };

// Private-use characters: they cannot occur in listings' text, so marking terms with them
// keeps user text as text (no HTML from the search engine reaches the page).
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

export interface HighlightPart {
  text: string;
  marked: boolean;
}

export function splitHighlight(value: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let rest = value;
  while (rest.length > 0) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start === -1) {
      parts.push({ text: rest, marked: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), marked: false });
    const end = rest.indexOf(HIGHLIGHT_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), marked: true });
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  return parts.filter((p) => p.text.length > 0);
}

/** A word of a listing's text, as matching counts words: letters and digits, nothing between. */
export const WORD = /[\p{L}\p{N}]+/gu;

/** Folds Vietnamese diacritics the way the search engines do, for comparisons in pure code. */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
