import type { ListingCard } from '../domain/listing.js';
import type { OrganisationType } from '../domain/taxonomy.js';
import type { AppContext } from '../context.server.js';
import { NotFoundError } from './errors.js';
import { publishedListings, rowToCard } from './listing-rows.server.js';

export interface OrganisationProfile {
  id: string;
  slug: string;
  name: string;
  type: OrganisationType;
  province: string;
  website: string | null;
  description: string;
  verified: boolean;
  /** Its published listings, except those it chose to publish anonymously. */
  listings: ListingCard[];
}

export async function getOrganisationProfile(ctx: AppContext, slug: string): Promise<OrganisationProfile> {
  const org = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'type', 'province_code', 'website', 'description', 'verified_at'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!org) throw new NotFoundError('organisation', slug);
  const rows = await publishedListings(ctx.db)
    .where('l.organisation_id', '=', org.id)
    .where('l.anonymous', '=', false)
    .orderBy('l.published_at', 'desc')
    .execute();
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    type: org.type,
    province: org.province_code,
    website: org.website,
    description: org.description,
    verified: org.verified_at !== null,
    listings: rows.map(rowToCard),
  };
}
