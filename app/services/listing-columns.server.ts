import type { Selectable } from 'kysely';
import type { ListingTable } from '../../db/schema.js';
import type { ListingDraft } from '../domain/listing-input.js';
import { detectListingLanguage } from './listing-language.server.js';

/** A listing's fields as its owner wrote them, in the database's words; a language not given is detected. */
export function listingColumns(l: ListingDraft) {
  return {
    kind: l.kind,
    title: l.title,
    summary: l.summary,
    description: l.description,
    innovation: l.innovation,
    sectors: l.sectors,
    keywords: l.keywords,
    trl: l.trl,
    ip_status: l.kind === 'offer' ? l.ipStatus : null,
    transfer_modes: l.transferModes,
    price_min: l.priceMin,
    price_max: l.priceMax,
    price_negotiable: l.priceNegotiable,
    province_code: l.province,
    language: l.language ?? detectListingLanguage(l),
    anonymous: l.anonymous,
    confidential_details: l.confidentialDetails,
  };
}

type FieldColumns = Pick<Selectable<ListingTable>, keyof ReturnType<typeof listingColumns>>;

/** The columns `listingColumns` writes, to read them back (`listingDraftOf`). */
export const LISTING_TEXT_COLUMNS = ['kind', 'title', 'summary', 'description', 'innovation', 'sectors', 'keywords', 'trl', 'ip_status', 'transfer_modes', 'price_min', 'price_max', 'price_negotiable', 'province_code', 'language', 'anonymous', 'confidential_details'] as const;

/** The row's fields back as the owner's text (complete or not). */
export function listingDraftOf(row: FieldColumns): ListingDraft {
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    description: row.description,
    innovation: row.innovation,
    sectors: row.sectors as ListingDraft['sectors'],
    keywords: row.keywords,
    trl: row.trl,
    ipStatus: row.ip_status as ListingDraft['ipStatus'],
    transferModes: row.transfer_modes as ListingDraft['transferModes'],
    priceMin: row.price_min,
    priceMax: row.price_max,
    priceNegotiable: row.price_negotiable,
    province: row.province_code as ListingDraft['province'],
    language: row.language,
    anonymous: row.anonymous,
    confidentialDetails: row.confidential_details,
  };
}
