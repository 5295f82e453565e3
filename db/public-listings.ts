import type { Database } from './connection.js';

/**
 * Published listings with their organisation: every field the public may see (and `anonymous`,
 * so callers can hide the owner). The search documents and the pages both start here.
 */
export function publicListingRows(db: Database) {
  return db
    .selectFrom('listings as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .where('l.status', '=', 'published')
    .select([
      'l.id', 'l.kind', 'l.title', 'l.summary', 'l.description', 'l.innovation', 'l.keywords',
      'l.sectors', 'l.trl', 'l.ip_status', 'l.transfer_modes', 'l.price_min', 'l.price_max',
      'l.price_negotiable', 'l.province_code', 'l.language', 'l.anonymous', 'l.featured',
      'l.published_at', 'l.confirmed_active_at', 'l.expires_at', 'l.version',
      'o.id as organisation_id', 'o.slug as organisation_slug', 'o.name as organisation_name',
      'o.type as organisation_type', 'o.verified_at as organisation_verified_at',
    ]);
}

export type PublicListingRow = Awaited<ReturnType<ReturnType<typeof publicListingRows>['execute']>>[number];
