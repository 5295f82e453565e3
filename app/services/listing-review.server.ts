// What a curator weighs before deciding on a listing: the listing as the public will see it once
// approved, its organisation's standing, what changed since the last review, and listings already
// on the market that look like the same thing (docs/decisions/025-who-is-who.md).
import { sql } from 'kysely';
import type { PublicListingRow } from '../../db/public-listings.js';
import type { Actor } from '../domain/actor.js';
import type { ListingView } from '../domain/listing.js';
import type { ListingDraft } from '../domain/listing-input.js';
import type { ListingKind, OrganisationType } from '../domain/taxonomy.js';
import type { AppContext } from '../context.server.js';
import { requireCurator } from './curation.server.js';
import { rowsToCards } from './listing-rows.server.js';
import { getOwnListing, type OwnListing } from './my-listings.server.js';

/** Trigram similarity (0–1) of folded titles or summaries from which a published listing is shown as a near-duplicate. */
export const NEAR_DUPLICATE_SIMILARITY = 0.4;
const NEAR_DUPLICATE_LIMIT = 5;

export interface NearDuplicate {
  id: string;
  kind: ListingKind;
  title: string;
  organisationName: string;
  /** The higher of the title's and the summary's similarity, in whole percent. */
  similarity: number;
}

export interface ListingReview {
  listing: OwnListing;
  /** The text the public will read once the curator approves (a waiting revision's, if any). */
  preview: ListingView;
  organisation: { id: string; name: string; type: OrganisationType; taxCode: string; verifiedAt: string | null };
  /** Sent again after a curator's decision (changes asked, rejected, or approved before it was archived). */
  resubmitted: { decision: string; at: string } | null;
  /** The text of the last decision, when it was kept: what a resubmission is compared with. */
  lastReviewed: { decision: string; at: string; input: ListingDraft } | null;
  nearDuplicates: NearDuplicate[];
}

export async function listingForReview(ctx: AppContext, actor: Actor, listingId: string): Promise<ListingReview> {
  requireCurator(actor);
  const listing = await getOwnListing(ctx, actor, listingId);
  const input = listing.pendingRevision?.input ?? listing.input;
  const org = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'type', 'tax_code', 'verified_at'])
    .where('id', '=', listing.organisationId)
    .executeTakeFirstOrThrow();
  const last = await ctx.db
    .selectFrom('listing_reviews')
    .select(['decision', 'content', 'reviewed_at'])
    .where('listing_id', '=', listing.id)
    .orderBy('reviewed_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  // The history covers listings reviewed before their text was kept: the flag shows, the diff cannot.
  const lastDecision = listing.history.find((h) => h.action === 'request_changes' || h.action === 'reject' || h.action === 'approve');
  const resubmitted = listing.status === 'pending_review' && lastDecision ? { decision: lastDecision.action, at: lastDecision.at } : null;
  return {
    listing,
    preview: await previewOf(ctx, listing, input, org),
    organisation: { id: org.id, name: org.name, type: org.type, taxCode: org.tax_code, verifiedAt: org.verified_at?.toISOString() ?? null },
    resubmitted,
    lastReviewed: last && resubmitted ? { decision: last.decision, at: last.reviewed_at.toISOString(), input: last.content as ListingDraft } : null,
    nearDuplicates: await nearDuplicates(ctx, listing.id, input),
  };
}

/**
 * The listing as its public page will show it: the same mapping as every published listing, so
 * an anonymous owner is described exactly as the public will see it.
 */
async function previewOf(
  ctx: AppContext,
  listing: OwnListing,
  input: ListingDraft,
  org: { id: string; slug: string; name: string; type: OrganisationType; verified_at: Date | null },
): Promise<ListingView> {
  // An unfinished text may lack a TRL or a province (drafts); the view shows a dash for them.
  const row = {
    id: listing.id,
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    description: input.description,
    innovation: input.innovation,
    keywords: input.keywords,
    sectors: input.sectors,
    trl: input.trl,
    ip_status: input.kind === 'offer' ? input.ipStatus : null,
    transfer_modes: input.transferModes,
    price_min: input.priceMin,
    price_max: input.priceMax,
    price_negotiable: input.priceNegotiable,
    province_code: input.province,
    language: input.language,
    anonymous: input.anonymous,
    featured: listing.featured,
    published_at: listing.publishedAt ? new Date(listing.publishedAt) : null,
    confirmed_active_at: listing.confirmedActiveAt ? new Date(listing.confirmedActiveAt) : null,
    expires_at: listing.expiresAt ? new Date(listing.expiresAt) : null,
    version: listing.version,
    organisation_id: org.id,
    organisation_slug: org.slug,
    organisation_name: org.name,
    organisation_type: org.type,
    organisation_verified_at: org.verified_at,
  } as PublicListingRow;
  const [card] = await rowsToCards(ctx.db, [row]);
  return {
    ...card!,
    trl: input.trl,
    province: input.province === null ? null : card!.province,
    description: input.description,
    innovation: input.innovation,
    keywords: input.keywords,
    expiresAt: listing.expiresAt,
    hasConfidentialDetails: Boolean(input.confidentialDetails),
  };
}

/**
 * Published listings whose folded title or summary is trigram-similar to this one's (pg_trgm;
 * the `%` operator uses the title's trigram index, its default threshold 0.3 lets candidates
 * through that the stricter NEAR_DUPLICATE_SIMILARITY then sorts out).
 */
async function nearDuplicates(ctx: AppContext, listingId: string, input: Pick<ListingDraft, 'title' | 'summary'>): Promise<NearDuplicate[]> {
  const title = sql`opentex_fold(${input.title})`;
  const summary = sql`opentex_fold(${input.summary})`;
  const score = sql<number>`greatest(similarity(opentex_fold(l.title), ${title}), similarity(opentex_fold(l.summary), ${summary}))`;
  const rows = await ctx.db
    .selectFrom('listings as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['l.id', 'l.kind', 'l.title', 'o.name as organisation_name', score.as('score')])
    .where('l.status', '=', 'published')
    .where('l.id', '<>', listingId)
    .where((eb) => eb.or([sql<boolean>`opentex_fold(l.title) % ${title}`, sql<boolean>`opentex_fold(l.summary) % ${summary}`]))
    .where(score, '>=', NEAR_DUPLICATE_SIMILARITY)
    .orderBy(score, 'desc')
    .orderBy('l.id')
    .limit(NEAR_DUPLICATE_LIMIT)
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, organisationName: r.organisation_name, similarity: Math.round(Number(r.score) * 100) }));
}
