// Reading published listings out of PostgreSQL as public cards and details.
import type { Database } from '../../db/connection.js';
import { listingRowsWithOrganisation, publicListingRows, type PublicListingRow } from '../../db/public-listings.js';
import { toListingDocument, toListingDocuments } from '../../search/documents.js';
import { documentToCard } from '../../search/queries.js';
import type { ListingCard, ListingDetail, ListingView } from '../domain/listing.js';

/** Published listings with their organisation, as the public may see them. */
export const publishedListings = publicListingRows;

/**
 * A public row as a card, through the very mapping the search index uses (one place hides
 * owners). Without its crowd an anonymous owner shows neither type nor place: prefer rowsToCards.
 */
export function rowToCard(row: PublicListingRow): ListingCard {
  return documentToCard(toListingDocument(row));
}

/** Public rows as cards, anonymous owners described as finely as their crowd allows. */
export async function rowsToCards(db: Database, rows: PublicListingRow[]): Promise<ListingCard[]> {
  return (await toListingDocuments(db, rows)).map((doc) => documentToCard(doc));
}

export async function findPublishedListing(db: Database, id: string): Promise<ListingDetail | null> {
  const row = await publishedListings(db)
    .select('l.confidential_details')
    .where('l.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...(await rowsToCards(db, [row]))[0]!,
    description: row.description,
    innovation: row.innovation,
    keywords: row.keywords,
    expiresAt: row.expires_at?.toISOString() ?? null,
    hasConfidentialDetails: Boolean(row.confidential_details),
  };
}

/**
 * Any listing as the public would see it once published, through the same mapping as the
 * public page (anonymity included): the owner's preview. Access is the caller's to check.
 */
export async function listingAsPublic(db: Database, id: string): Promise<ListingView | null> {
  const row = await listingRowsWithOrganisation(db).select('l.confidential_details').where('l.id', '=', id).executeTakeFirst();
  if (!row) return null;
  // An unfinished draft may lack a TRL or a province; the view shows a dash for them.
  const card = (await rowsToCards(db, [row as PublicListingRow]))[0]!;
  return {
    ...card,
    trl: row.trl,
    province: row.province_code === null ? null : card.province,
    description: row.description,
    innovation: row.innovation,
    keywords: row.keywords,
    expiresAt: row.expires_at?.toISOString() ?? null,
    hasConfidentialDetails: Boolean(row.confidential_details),
  };
}
