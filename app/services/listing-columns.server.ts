import type { Selectable } from 'kysely';
import type { ListingTable } from '../../db/schema.js';
import type { ListingInput } from '../domain/listing-input.js';

/** A listing's fields as its owner wrote them, in the database's words. */
export function listingColumns(l: ListingInput) {
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
    language: l.language,
    anonymous: l.anonymous,
    confidential_details: l.confidentialDetails,
  };
}

type ListingTextRow = Pick<Selectable<ListingTable>, 'kind' | 'title' | 'summary' | 'description' | 'innovation' | 'sectors' | 'keywords' | 'trl' | 'ip_status' | 'transfer_modes' | 'price_min' | 'price_max' | 'price_negotiable' | 'province_code' | 'language' | 'anonymous' | 'confidential_details'>;

/** The columns `listingColumns` writes, read back as the owner's fields. */
export const LISTING_TEXT_COLUMNS = ['kind', 'title', 'summary', 'description', 'innovation', 'sectors', 'keywords', 'trl', 'ip_status', 'transfer_modes', 'price_min', 'price_max', 'price_negotiable', 'province_code', 'language', 'anonymous', 'confidential_details'] as const;

export function listingInputOf(row: ListingTextRow): ListingInput {
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    description: row.description,
    innovation: row.innovation,
    sectors: row.sectors as ListingInput['sectors'],
    keywords: row.keywords,
    trl: row.trl,
    ipStatus: row.ip_status as ListingInput['ipStatus'],
    transferModes: row.transfer_modes as ListingInput['transferModes'],
    priceMin: row.price_min,
    priceMax: row.price_max,
    priceNegotiable: row.price_negotiable,
    province: row.province_code as ListingInput['province'],
    language: row.language,
    anonymous: row.anonymous,
    confidentialDetails: row.confidential_details,
  };
}
