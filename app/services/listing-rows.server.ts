// Reading published listings out of PostgreSQL as public cards and details.
import type { Database } from '../../db/connection.js';
import type { ListingCard, ListingDetail } from '../domain/listing.js';

export function publishedListings(db: Database) {
  return db
    .selectFrom('listings as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .where('l.status', '=', 'published')
    .select([
      'l.id', 'l.kind', 'l.title', 'l.summary', 'l.sectors', 'l.trl', 'l.ip_status', 'l.transfer_modes',
      'l.price_min', 'l.price_max', 'l.price_negotiable', 'l.province_code', 'l.language', 'l.anonymous',
      'l.published_at', 'l.confirmed_active_at',
      'o.id as organisation_id', 'o.slug as organisation_slug', 'o.name as organisation_name',
      'o.type as organisation_type', 'o.verified_at as organisation_verified_at',
    ]);
}

type CardRow = Awaited<ReturnType<ReturnType<typeof publishedListings>['execute']>>[number];

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
    .select(['l.description', 'l.innovation', 'l.keywords', 'l.expires_at', 'l.confidential_details'])
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
