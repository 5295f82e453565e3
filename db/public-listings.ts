import type { NotNull } from 'kysely';
import type { Database } from './connection.js';
import type { Organisation } from './schema.js';

type OrganisationType = Organisation['type'];

/**
 * Listings in any state with their organisation: every field the public would see (and
 * `anonymous`, so callers can hide the owner). Only the owner's preview reads it unfiltered.
 */
export function listingRowsWithOrganisation(db: Database) {
  return db
    .selectFrom('listings as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select([
      'l.id', 'l.kind', 'l.title', 'l.summary', 'l.description', 'l.innovation', 'l.keywords',
      'l.sectors', 'l.trl', 'l.ip_status', 'l.transfer_modes', 'l.price_min', 'l.price_max',
      'l.price_negotiable', 'l.province_code', 'l.language', 'l.anonymous', 'l.featured',
      'l.published_at', 'l.confirmed_active_at', 'l.expires_at', 'l.version',
      'o.id as organisation_id', 'o.slug as organisation_slug', 'o.name as organisation_name',
      'o.type as organisation_type', 'o.verified_at as organisation_verified_at',
    ]);
}

/**
 * Published listings with their organisation, as the public may see them. The search documents
 * and the pages both start here.
 */
export function publicListingRows(db: Database) {
  return (
    listingRowsWithOrganisation(db)
      .where('l.status', '=', 'published')
      // A published listing is complete (the listings_complete_when_submitted check); drafts may not be.
      .$narrowType<{ trl: NotNull; province_code: NotNull }>()
  );
}

export type PublicListingRow = Awaited<ReturnType<ReturnType<typeof publicListingRows>['execute']>>[number];

/**
 * Organisations the public sees, by type and place: each (organisation, type, province) of a
 * named, published listing. An anonymous owner's description is coarsened against these.
 */
export async function publicCrowd(db: Database, types: readonly OrganisationType[]) {
  if (types.length === 0) return [];
  return db
    .selectFrom('listings as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .where('l.status', '=', 'published')
    .where('l.anonymous', '=', false)
    .where('o.type', 'in', [...new Set(types)])
    .select(['o.id as organisation_id', 'o.type', 'l.province_code'])
    .$narrowType<{ province_code: NotNull }>()
    .distinct()
    .execute();
}

/** Published anonymous listings whose owners are of these types (their descriptions depend on that crowd). */
export async function anonymousListingIdsOfTypes(db: Database, types: readonly OrganisationType[]): Promise<string[]> {
  if (types.length === 0) return [];
  const rows = await db
    .selectFrom('listings as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .where('l.status', '=', 'published')
    .where('l.anonymous', '=', true)
    .where('o.type', 'in', [...new Set(types)])
    .select('l.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The organisation types behind these listings, whatever their state. */
export async function organisationTypesOf(db: Database, listingIds: readonly string[]): Promise<OrganisationType[]> {
  if (listingIds.length === 0) return [];
  const rows = await db
    .selectFrom('listings as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .where('l.id', 'in', [...listingIds])
    .select('o.type')
    .distinct()
    .execute();
  return rows.map((r) => r.type);
}
