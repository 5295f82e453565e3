// Reading published listings out of PostgreSQL as public cards and details.
import type { Database } from '../../db/connection.js';
import { publicListingRows, type PublicListingRow } from '../../db/public-listings.js';
import type { ListingCard, ListingDetail } from '../domain/listing.js';

/** Published listings with their organisation, as the public may see them. */
export const publishedListings = publicListingRows;

type CardRow = PublicListingRow;

export function rowToCard(row: CardRow): ListingCard {
  const hidden = row.anonymous;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    sectors: row.sectors as ListingCard['sectors'],
    trl: row.trl,
    ipStatus: row.ip_status as ListingCard['ipStatus'],
    transferModes: row.transfer_modes as ListingCard['transferModes'],
    priceMin: row.price_min,
    priceMax: row.price_max,
    priceNegotiable: row.price_negotiable,
    province: row.province_code,
    language: row.language,
    owner: {
      id: hidden ? null : row.organisation_id,
      slug: hidden ? null : row.organisation_slug,
      name: hidden ? null : row.organisation_name,
      type: row.organisation_type,
      verified: row.organisation_verified_at !== null,
    },
    publishedAt: row.published_at?.toISOString() ?? null,
    confirmedActiveAt: row.confirmed_active_at?.toISOString() ?? null,
  };
}

export async function findPublishedListing(db: Database, id: string): Promise<ListingDetail | null> {
  const row = await publishedListings(db)
    .select('l.confidential_details')
    .where('l.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...rowToCard(row),
    description: row.description,
    innovation: row.innovation,
    keywords: row.keywords,
    expiresAt: row.expires_at?.toISOString() ?? null,
    hasConfidentialDetails: Boolean(row.confidential_details),
  };
}
