// The listing lifecycle as data: each named transition, the states it leaves from, the state it
// reaches, who may take it, and whether it needs a reason. Services apply it; pages ask it
// which buttons to show.
import { isCurator, belongsTo, type Actor } from './actor.js';
import type { ListingStatus } from './taxonomy.js';

export type ListingSide = 'owner' | 'curator' | 'system';

export interface ListingTransition {
  from: readonly ListingStatus[];
  to: ListingStatus;
  by: ListingSide;
  needsReason: boolean;
}

export const LISTING_TRANSITIONS = {
  submit: { from: ['draft', 'changes_requested'], to: 'pending_review', by: 'owner', needsReason: false },
  approve: { from: ['pending_review'], to: 'published', by: 'curator', needsReason: false },
  request_changes: { from: ['pending_review'], to: 'changes_requested', by: 'curator', needsReason: true },
  reject: { from: ['pending_review'], to: 'rejected', by: 'curator', needsReason: true },
  archive: { from: ['draft', 'published', 'changes_requested', 'expired'], to: 'archived', by: 'owner', needsReason: false },
  renew: { from: ['published', 'expired'], to: 'published', by: 'owner', needsReason: false },
  expire: { from: ['published'], to: 'expired', by: 'system', needsReason: false },
} as const satisfies Record<string, ListingTransition>;

export type ListingTransitionName = keyof typeof LISTING_TRANSITIONS;

/** States in which the owner may still change the text; editing a published listing sends it back to review. */
export const EDITABLE_STATUSES: readonly ListingStatus[] = ['draft', 'changes_requested', 'published'];

export function statusAfterEdit(status: ListingStatus): ListingStatus {
  return status === 'published' ? 'pending_review' : status;
}

export function canTake(
  name: ListingTransitionName,
  listing: { status: ListingStatus; organisationId: string },
  actor: Actor | null,
): boolean {
  const t: ListingTransition = LISTING_TRANSITIONS[name];
  if (!t.from.includes(listing.status)) return false;
  if (t.by === 'system') return actor === null;
  if (!actor) return false;
  return t.by === 'curator' ? isCurator(actor) : belongsTo(actor, listing.organisationId);
}

/** The transitions this actor may take now, in the order pages show them. */
export function availableTransitions(
  listing: { status: ListingStatus; organisationId: string },
  actor: Actor | null,
): ListingTransitionName[] {
  return (Object.keys(LISTING_TRANSITIONS) as ListingTransitionName[]).filter((n) => canTake(n, listing, actor));
}

export const EXPIRY_REMINDER_DAYS = 14;
