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
