// Who may see what of a listing that the public does not see. Pure: the services ask, the
// pages show what the answer allows.
import { belongsTo, isCurator, type Actor } from './actor.js';
import type { ListingStatus } from './taxonomy.js';

export interface ListingAccessFacts {
  organisationId: string;
  status: ListingStatus;
  /** The first submission for review; null while the listing has never been submitted. */
  submittedAt: Date | string | null;
}

/** A listing reaches the agency when its organisation first submits it (import and seed publish directly). */
export function wasSubmitted(listing: Pick<ListingAccessFacts, 'status' | 'submittedAt'>): boolean {
  return listing.submittedAt !== null || (listing.status !== 'draft' && listing.status !== 'archived');
}

/**
 * Who may read a listing beyond its public page (its status, confidential details, every file,
 * history): its own organisation always; curators and the platform admin only once it was
 * submitted. A draft never submitted is the organisation's own.
 */
export function maySeeListingInside(actor: Actor | null, listing: ListingAccessFacts): boolean {
  if (!actor) return false;
  if (belongsTo(actor, listing.organisationId)) return true;
  return isCurator(actor) && wasSubmitted(listing);
}
