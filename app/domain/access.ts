// Who may see what and who may do what: every such rule of the market, in one place. Pure: the
// services ask before they read or write, and the loaders ask the same functions which buttons
// to show, so a page never offers what its action would refuse. Why here and not in each
// service: docs/decisions/015-access-in-one-place.md. The sides of a listing's transitions
// (app/domain/listing-process.ts) are worked out from these same functions.
import { belongsTo, isCurator, type Actor } from './actor.js';
import type { ImportMode } from './bulk-import.js';
import type { ListingStatus, OrganisationType } from './taxonomy.js';

export interface ListingAccessFacts {
  organisationId: string;
  status: ListingStatus;
  /** The first submission for review; null while the listing has never been submitted. */
  submittedAt: Date | string | null;
}

/**
 * The answer to "may this person do it", in the words of the process engine: `hidden` when they
 * may not even know the thing is there (404), `forbidden` when they see it but it is not theirs
 * to do (403).
 */
export type AccessDecision = 'ok' | 'hidden' | 'forbidden';

/** Agency staff and the platform admin: the review queue, featuring, files that wait, verifying organisations. */
export function mayCurate(actor: Actor | null): boolean {
  return actor !== null && isCurator(actor);
}

/** Taking part in deals (interest, an express licence): any organisation but the agency, which curates the market and introduces parties but is never one. */
export function mayTakePartInDeals(actor: Actor | null): boolean {
  return actor !== null && actor.organisationType !== 'agency';
}

/** An admin of the organisation: its members, invitations and public profile. */
export function mayAdministerOrganisation(actor: Actor | null, organisationId: string): boolean {
  return actor !== null && belongsTo(actor, organisationId) && actor.role === 'admin';
}

/**
 * Removing a member of the organisation: its admins, and never so that no admin is left (an
 * admin removing themself as the last one would leave the organisation without anyone to run it).
 * `hidden` for a person outside the actor's organisation; `last_admin` is a conflict, not a refusal.
 */
export function decideMemberRemoval(
  actor: Actor | null,
  member: { userId: string; organisationId: string; role: 'member' | 'admin' },
  activeAdmins: number,
): AccessDecision | 'last_admin' {
  if (actor === null || !belongsTo(actor, member.organisationId)) return 'hidden';
  if (!mayAdministerOrganisation(actor, member.organisationId)) return 'forbidden';
  return member.role === 'admin' && activeAdmins <= 1 ? 'last_admin' : 'ok';
}

/** An organisation's verification evidence (its registration document, its contact): its admins and curators. */
export function maySeeVerificationEvidence(actor: Actor | null, organisationId: string): boolean {
  return mayAdministerOrganisation(actor, organisationId) || mayCurate(actor);
}

/** Any member of the organisation that owns the listing: its text, its files, its matches, its transitions as owner. */
export function isListingOwner(actor: Actor | null, listing: Pick<ListingAccessFacts, 'organisationId'>): boolean {
  return actor !== null && belongsTo(actor, listing.organisationId);
}

/** A listing reaches the agency when its organisation first submits it (import and seed publish directly). */
export function wasSubmitted(listing: Pick<ListingAccessFacts, 'status' | 'submittedAt'>): boolean {
  return listing.submittedAt !== null || (listing.status !== 'draft' && listing.status !== 'archived');
}

/**
 * Who may read a listing beyond its public page (its status, confidential details, every file,
 * history, and an anonymous owner's name): its own organisation always; curators and the platform admin only once it was
 * submitted. A draft never submitted is the organisation's own.
 */
export function maySeeListingInside(actor: Actor | null, listing: ListingAccessFacts): boolean {
  if (isListingOwner(actor, listing)) return true;
  return mayCurate(actor) && wasSubmitted(listing);
}

/** Everyone sees a published listing's public page; those who may see inside see it in any state. */
export function maySeeListing(actor: Actor | null, listing: ListingAccessFacts): boolean {
  return listing.status === 'published' || maySeeListingInside(actor, listing);
}

/**
 * A file: the public has those of a published listing that are not confidential and that a
 * curator let through (a file added after publication waits for that); insiders have every one.
 */
export function maySeeAttachment(
  actor: Actor | null,
  listing: ListingAccessFacts,
  file: { confidential: boolean; reviewState: 'pending' | 'approved' | 'refused' },
): boolean {
  if (maySeeListingInside(actor, listing)) return true;
  return listing.status === 'published' && !file.confidential && file.reviewState === 'approved';
}

/**
 * Saving, dismissing and unsaving a listing's matches is its owner's choice alone: a curator
 * reads the matches of a listing it reviews but keeps out of the owner's shortlist.
 */
export function mayActOnMatches(actor: Actor | null, listing: ListingAccessFacts): boolean {
  return isListingOwner(actor, listing);
}

export function decideMatchAction(actor: Actor | null, listing: ListingAccessFacts): AccessDecision {
  if (mayActOnMatches(actor, listing)) return 'ok';
  return maySeeListing(actor, listing) ? 'forbidden' : 'hidden';
}

/**
 * A curator's work on one listing (featuring it, letting a waiting file through): only on a
 * listing it may see inside, so a draft never submitted stays out of its reach.
 */
export function mayCurateListing(actor: Actor | null, listing: ListingAccessFacts): boolean {
  return mayCurate(actor) && maySeeListingInside(actor, listing);
}

/** The two organisations of a deal: the buyer's and the seller's people. */
export function isDealParty(actor: Actor | null, deal: { buyerOrganisationId: string; sellerOrganisationId: string }): boolean {
  return actor !== null && (belongsTo(actor, deal.buyerOrganisationId) || belongsTo(actor, deal.sellerOrganisationId));
}

/** Who signs a contract for an organisation: its admins, and members its admin gave signing authority. */
export function maySignFor(actor: Actor | null, organisationId: string): boolean {
  return actor !== null && belongsTo(actor, organisationId) && holdsSigningAuthority(actor);
}

/** Whether a person of an organisation signs for it at all: an admin, or a member given the authority. */
export function holdsSigningAuthority(person: { role: 'member' | 'admin'; maySign?: boolean }): boolean {
  return person.role === 'admin' || person.maySign === true;
}

/**
 * Who pays a milestone (starts a card checkout for it): any member of the buyer's organisation,
 * as any member may report its bank transfer. The seller and curators see it, never pay it.
 */
export function mayPayMilestone(actor: Actor | null, deal: { buyerOrganisationId: string }): boolean {
  return actor !== null && belongsTo(actor, deal.buyerOrganisationId);
}

/** A deal is seen by its two organisations and by curators; never by search, matches or public pages. */
export function maySeeDeal(actor: Actor | null, deal: { buyerOrganisationId: string; sellerOrganisationId: string }): boolean {
  return isDealParty(actor, deal) || mayCurate(actor);
}

/**
 * A listing's confidential details and files reach the other party of a deal once the NDA is in
 * force; an anonymous owner is named to it once the owner accepted the inquiry.
 */
export function dealOpensConfidential(deal: { ndaInForce: boolean }): boolean {
  return deal.ndaInForce;
}

/**
 * Reviewing a completed deal is for the people of its two organisations: a curator sees the deal
 * but does not review it, anyone else may not know it exists. When and how often is the reviews'
 * own rule (app/domain/reviews.ts).
 */
export function decideReviewAccess(actor: Actor | null, deal: { buyerOrganisationId: string; sellerOrganisationId: string }): AccessDecision {
  if (isDealParty(actor, deal)) return 'ok';
  return maySeeDeal(actor, deal) ? 'forbidden' : 'hidden';
}

export function dealNamesOwner(deal: { acceptedAt: Date | string | null }): boolean {
  return deal.acceptedAt !== null;
}

/** The organisations whose offers may be imported from a file: the research side of the market. */
export const IMPORTING_ORGANISATION_TYPES: readonly OrganisationType[] = ['university', 'institute'];

/**
 * Bulk import of offers for an organisation: its admins, when it is a university or an institute;
 * curators for any such organisation (migrating another exchange's catalogue). Enterprises write
 * their few listings one by one.
 */
export function mayBulkImport(actor: Actor | null, organisation: { id: string; type: OrganisationType }): boolean {
  if (actor === null || !IMPORTING_ORGANISATION_TYPES.includes(organisation.type)) return false;
  return mayAdministerOrganisation(actor, organisation.id) || mayCurate(actor);
}

/**
 * What an import may do with its valid rows: the organisation's admin keeps them as drafts or
 * submits them for review; a curator keeps them as drafts for the organisation or publishes them
 * at once (the `import` transition, counted as imported, never as reviewed).
 */
export function importModesFor(actor: Actor | null, organisation: { id: string; type: OrganisationType }): ImportMode[] {
  if (!mayBulkImport(actor, organisation)) return [];
  return mayAdministerOrganisation(actor, organisation.id) ? ['draft', 'submit'] : ['draft', 'publish'];
}

/** The two scopes of a personal API token. */
export const API_TOKEN_SCOPES = ['read', 'write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/**
 * What an API token lets a program do, on top of what its person may do: a `read` token only
 * reads (GET, HEAD, OPTIONS); a `write` token does whatever its person may do through the API.
 */
export function tokenAllowsMethod(scope: ApiTokenScope, method: string): boolean {
  return scope === 'write' || ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
