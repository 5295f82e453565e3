// What of a listing goes into the public search index. Only public fields: confidential
// details never leave PostgreSQL, and an anonymous listing carries no organisation name or id.
import type { Database } from '../db/connection.js';
import { publicListingRows, type PublicListingRow } from '../db/public-listings.js';

export interface ListingDocument {
  id: string;
  kind: 'offer' | 'demand';
  title: string;
  summary: string;
  description: string;
  innovation: string;
  keywords: string[];
  sectors: string[];
  trl: number;
  ip_status: string | null;
  transfer_modes: string[];
  price_min: number | null;
  price_max: number | null;
  price_negotiable: boolean;
  province: string;
  language: 'vi' | 'en';
  organisation_id: string | null;
  organisation_slug: string | null;
  organisation_name: string | null;
  organisation_type: string;
  organisation_verified: boolean;
  featured: boolean;
  published_at: number;
  confirmed_active_at: number | null;
  /** The listing's version when this document was built: the index check compares it. */
  version: number;
}

/** Listings by id, as documents; ids of listings that are not public come back in `remove`. */
export async function loadListingDocuments(
  db: Database,
  ids: string[],
): Promise<{ upsert: ListingDocument[]; remove: string[] }> {
  if (ids.length === 0) return { upsert: [], remove: [] };
  const rows = await publicListingRows(db).where('l.id', 'in', ids).execute();
  const upsert = rows.map(toListingDocument);
  const found = new Set(upsert.map((d) => d.id));
  return { upsert, remove: ids.filter((id) => !found.has(id)) };
}

export function toListingDocument(row: PublicListingRow): ListingDocument {
  const hidden = row.anonymous;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    description: markdownToText(row.description).slice(0, 4000),
    innovation: row.innovation,
    keywords: row.keywords,
    sectors: row.sectors,
    trl: row.trl,
    ip_status: row.ip_status,
    transfer_modes: row.transfer_modes,
    price_min: row.price_min,
    price_max: row.price_max,
    price_negotiable: row.price_negotiable,
    province: row.province_code,
    language: row.language,
    organisation_id: hidden ? null : row.organisation_id,
    organisation_slug: hidden ? null : row.organisation_slug,
    organisation_name: hidden ? null : row.organisation_name,
    organisation_type: row.organisation_type,
    organisation_verified: row.organisation_verified_at !== null,
    featured: row.featured,
    published_at: toSeconds(row.published_at) ?? 0,
    confirmed_active_at: toSeconds(row.confirmed_active_at),
    version: row.version,
  };
}

function toSeconds(d: Date | null): number | null {
  return d ? Math.floor(d.getTime() / 1000) : null;
}

/** Markdown to the words a reader sees; search needs the words, not the markup. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^[ \t]*(#{1,6}|[-*+]|\d+\.|>)[ \t]+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
