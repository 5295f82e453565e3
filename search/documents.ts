// What of a listing goes into the public search index. Only public fields: confidential
// details never leave PostgreSQL, and an anonymous listing carries no organisation name or id,
// and its type and place only as coarsely as its crowd requires (docs/decisions/013-anonymity.md).
// The same mapping makes the cards that pages read from PostgreSQL.
import { createHash } from 'node:crypto';
import type { Database } from '../db/connection.js';
import { anonymousListingIdsOfTypes, organisationTypesOf, publicCrowd, publicListingRows, type PublicListingRow } from '../db/public-listings.js';
import { ORGANISATION_TYPES, type ListingLanguage, type OrganisationType } from '../app/domain/taxonomy.js';
import { localizedText } from './languages.js';
import { WITHHELD, countCrowd, describeAnonymousOwner, regionOf, type AnonymousDescription, type CountedCrowd } from '../app/domain/anonymity.js';

/**
 * A listing in the index. Its text (title, keywords, summary, innovation, description) is under
 * its language's field names (search/languages.ts): `title` for Vietnamese and English,
 * `title_fr` for French…
 */
interface ListingDocumentFields {
  id: string;
  kind: 'offer' | 'demand';
  sectors: string[];
  trl: number;
  ip_status: string | null;
  transfer_modes: string[];
  price_min: number | null;
  price_max: number | null;
  price_negotiable: boolean;
  /** Null when an anonymous owner's province would single it out. */
  province: string | null;
  region: string | null;
  language: ListingLanguage;
  organisation_id: string | null;
  organisation_slug: string | null;
  organisation_name: string | null;
  organisation_type: string | null;
  organisation_verified: boolean;
  featured: boolean;
  published_at: number;
  confirmed_active_at: number | null;
  /** The listing's version when this document was built: the index check compares it. */
  version: number;
}

export type ListingDocument = ListingDocumentFields & {
  /**
   * A hash of everything above. Some changes alter a document without a new version (featuring,
   * the organisation's name or verification, an anonymous owner's crowd): the index check
   * compares this too (docs/decisions/011-search-relay-and-matching-after-outages.md).
   */
  fingerprint: string;
  /** The text, under its language's field names. */
  [textField: string]: unknown;
};

/** Listings by id, as documents; ids of listings that are not public come back in `remove`. */
export async function loadListingDocuments(
  db: Database,
  ids: string[],
): Promise<{ upsert: ListingDocument[]; remove: string[] }> {
  if (ids.length === 0) return { upsert: [], remove: [] };
  // A listing coming or going changes the crowd that anonymous owners of its type hide in:
  // their documents are rewritten in the same batch.
  const crowdChanged = await anonymousListingIdsOfTypes(db, await organisationTypesOf(db, ids));
  const rows = await publicListingRows(db).where('l.id', 'in', [...new Set([...ids, ...crowdChanged])]).execute();
  const upsert = await toListingDocuments(db, rows);
  const found = new Set(upsert.map((d) => d.id));
  return { upsert, remove: ids.filter((id) => !found.has(id)) };
}

/**
 * Rows as documents, each anonymous owner described against the public crowd of its type.
 * `crowd`: the crowd counted beforehand, for a caller that builds many batches (the reindex).
 */
export async function toListingDocuments(db: Database, rows: PublicListingRow[], crowd?: CountedCrowd): Promise<ListingDocument[]> {
  const descriptions = await describeAnonymousOwners(db, rows, crowd);
  return rows.map((row) => toListingDocument(row, descriptions.get(row.id)));
}

/** What the public may learn of each anonymous row's owner (docs/decisions/013-anonymity.md). */
export async function describeAnonymousOwners(db: Database, rows: readonly PublicListingRow[], crowd?: CountedCrowd): Promise<Map<string, AnonymousDescription>> {
  const hidden = rows.filter((r) => r.anonymous);
  const counted = crowd ?? (hidden.length ? await countedPublicCrowd(db, hidden.map((r) => r.organisation_type)) : countCrowd([]));
  return new Map(
    hidden.map((r) => [r.id, describeAnonymousOwner({ organisationId: r.organisation_id, type: r.organisation_type, province: r.province_code }, counted)]),
  );
}

/** The public crowd of these organisation types (all types when none are named), counted. */
export async function countedPublicCrowd(db: Database, types: readonly OrganisationType[] = ORGANISATION_TYPES): Promise<CountedCrowd> {
  const crowd = await publicCrowd(db, types);
  return countCrowd(crowd.map((c) => ({ organisationId: c.organisation_id, type: c.type, province: c.province_code })));
}

/** One row as a document; an anonymous row without its description shows no type or place. */
export function toListingDocument(row: PublicListingRow, description: AnonymousDescription = WITHHELD): ListingDocument {
  const hidden = row.anonymous;
  const place = hidden ? description : { type: row.organisation_type, province: row.province_code, region: regionOf(row.province_code) };
  const content: ListingDocumentFields & Record<string, unknown> = {
    id: row.id,
    kind: row.kind,
    ...localizedText({ title: row.title, summary: row.summary, description: markdownToText(row.description).slice(0, 4000), innovation: row.innovation, keywords: row.keywords }, row.language),
    sectors: row.sectors,
    trl: row.trl,
    ip_status: row.ip_status,
    transfer_modes: row.transfer_modes,
    price_min: row.price_min,
    price_max: row.price_max,
    price_negotiable: row.price_negotiable,
    province: place.province,
    region: place.region,
    language: row.language,
    organisation_id: hidden ? null : row.organisation_id,
    organisation_slug: hidden ? null : row.organisation_slug,
    organisation_name: hidden ? null : row.organisation_name,
    organisation_type: place.type,
    organisation_verified: hidden ? false : row.organisation_verified_at !== null,
    featured: row.featured,
    published_at: toSeconds(row.published_at) ?? 0,
    confirmed_active_at: toSeconds(row.confirmed_active_at),
    version: row.version,
  };
  return { ...content, fingerprint: createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22) };
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
