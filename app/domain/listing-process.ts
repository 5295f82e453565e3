// The whole listing lifecycle as one process table: writing, review, publication (by a curator,
// an import or the demo seed), revisions of a published listing, renewal, the expiry reminder and
// expiry. Services apply it through the runner; pages ask it which buttons to show.
import { isListingOwner, mayCurateListing, maySeeListing } from './access.js';
import type { Actor } from './actor.js';
import type { FieldProblems } from './problem.js';
import type { Process, Transition } from './process.js';
import type { ListingStatus } from './taxonomy.js';

export type ListingSide = 'owner' | 'curator' | 'system';

/** What the rules of the lifecycle look at. */
export interface ListingFacts {
  organisationId: string;
  status: ListingStatus;
  /** The first submission for review; null while never submitted. */
  submittedAt: Date | string | null;
  publishedAt: Date | string | null;
  /** A revision of the published text waits for a curator. */
  hasPendingRevision: boolean;
  /** What the saved text still lacks for review (a draft may be saved incomplete); null or absent: complete. */
  submissionProblems?: FieldProblems | null;
}

export interface ListingTransitionInput {
  reason?: string | null;
}

/** A published listing lapses a year after it was last confirmed, and its owner hears two weeks before. */
export const LISTING_LIFETIME_DAYS = 365;
export const EXPIRY_REMINDER_DAYS = 14;
export const REASON_MAX = 2000;

const reasonRequired = (input: ListingTransitionInput): FieldProblems | null => {
  const reason = (input.reason ?? '').trim();
  if (!reason) return { reason: [{ code: 'reason_required' }] };
  return reason.length > REASON_MAX ? { reason: [{ code: 'too_long', params: { max: REASON_MAX } }] } : null;
};
const reasonOptional = (input: ListingTransitionInput): FieldProblems | null =>
  (input.reason ?? '').trim().length > REASON_MAX ? { reason: [{ code: 'too_long', params: { max: REASON_MAX } }] } : null;

/** Review, and publication without review, need the whole profile: the owner hears what is missing. */
const complete = (_input: ListingTransitionInput, l: ListingFacts): FieldProblems | null =>
  l.submissionProblems ? { form: [{ code: 'incomplete_for_review' }], ...l.submissionProblems } : null;

/** Entering `published`: a year to live, a reminder two weeks before its end. */
const PUBLISHED_TIMERS = [
  { take: 'expire', afterDays: LISTING_LIFETIME_DAYS },
  { take: 'remind_expiry', afterDays: LISTING_LIFETIME_DAYS - EXPIRY_REMINDER_DAYS },
] as const;

const confirmedActive = (at: Date): Sets => ({
  confirmedActiveAt: at,
  expiresAt: new Date(at.getTime() + LISTING_LIFETIME_DAYS * 86_400_000),
});
const publishedNow = (l: ListingFacts, at: Date): Sets => ({ ...confirmedActive(at), ...(l.publishedAt ? {} : { publishedAt: at }) });

type T = Transition<ListingStatus, ListingSide, ListingFacts, ListingTransitionInput, string>;
type Sets = Record<string, Date | null>;

const table = {
  /** The owner changes a listing that is not public yet (a rejected one too, to try again); its state stays. */
  edit: { from: ['draft', 'changes_requested', 'rejected'], by: ['owner'] },
  /** Sent for review once complete; a rejected listing may go back through review. */
  submit: {
    from: ['draft', 'changes_requested', 'rejected'],
    to: 'pending_review',
    by: ['owner'],
    check: complete,
    notifies: [{ to: 'curator', kind: 'listing_submitted' }],
    sets: (l, at): Sets => (l.submittedAt ? {} : { submittedAt: at }),
  },
  approve: {
    from: ['pending_review'],
    to: 'published',
    by: ['curator'],
    notifies: [{ to: 'owner', kind: 'listing_approved' }],
    timers: PUBLISHED_TIMERS,
    sets: publishedNow,
    enqueues: ['listing-published'],
    wrongState: 'already_decided',
  },
  request_changes: {
    from: ['pending_review'],
    to: 'changes_requested',
    by: ['curator'],
    check: reasonRequired,
    notifies: [{ to: 'owner', kind: 'listing_changes_requested' }],
    wrongState: 'already_decided',
  },
  reject: {
    from: ['pending_review'],
    to: 'rejected',
    by: ['curator'],
    check: reasonRequired,
    notifies: [{ to: 'owner', kind: 'listing_rejected' }],
    wrongState: 'already_decided',
  },
  /**
   * The owner edits a published listing: the published text stays public, and the new text waits
   * beside it for a curator. A second revision replaces a waiting one.
   */
  revise: { from: ['published'], by: ['owner'], notifies: [{ to: 'curator', kind: 'listing_revised' }] },
  approve_revision: {
    from: ['published'],
    by: ['curator'],
    when: (l) => l.hasPendingRevision,
    check: reasonOptional,
    notifies: [{ to: 'owner', kind: 'listing_revision_approved' }],
    enqueues: ['listing-published'],
    wrongState: 'already_decided',
  },
  decline_revision: {
    from: ['published'],
    by: ['curator'],
    when: (l) => l.hasPendingRevision,
    check: reasonRequired,
    notifies: [{ to: 'owner', kind: 'listing_revision_declined' }],
    wrongState: 'already_decided',
  },
  archive: { from: ['draft', 'published', 'changes_requested', 'rejected', 'expired'], to: 'archived', by: ['owner'] },
  /** An archived listing comes back as a draft: its owner may edit it and send it through review again. */
  restore: { from: ['archived'], to: 'draft', by: ['owner'] },
  renew: { from: ['published', 'expired'], to: 'published', by: ['owner'], timers: PUBLISHED_TIMERS, sets: (_l, at) => confirmedActive(at), enqueues: ['listing-published'] },
  remind_expiry: { from: ['published'], by: ['system'], notifies: [{ to: 'owner', kind: 'listing_expiring' }] },
  expire: { from: ['published'], to: 'expired', by: ['system'], notifies: [{ to: 'owner', kind: 'listing_expired' }] },
  /** Publication without review: an institute's catalogue imported by a curator, and the demo seed. */
  import: { from: ['draft'], to: 'published', by: ['curator', 'system'], check: complete, timers: PUBLISHED_TIMERS, sets: publishedNow, enqueues: ['listing-published'] },
  /**
   * A row of a bulk-import file writes a draft (new, or the one an earlier upload of the same
   * reference wrote); its state stays. A curator's import for an organisation runs as the system
   * (it may not see a draft never submitted) and names the curator in the audit payload.
   */
  bulk_import: { from: ['draft', 'changes_requested'], by: ['owner', 'system'] },
  seed: { from: ['draft'], to: 'published', by: ['system'], check: complete, timers: PUBLISHED_TIMERS, sets: publishedNow },
} as const satisfies Record<string, T>;

export type ListingTransitionName = keyof typeof table;

export const LISTING_PROCESS: Process<ListingStatus, ListingSide, ListingFacts, ListingTransitionInput, ListingTransitionName> = {
  entity: 'listing',
  transitions: table as Record<ListingTransitionName, Transition<ListingStatus, ListingSide, ListingFacts, ListingTransitionInput, ListingTransitionName>>,
  stateOf: (l) => l.status,
  sidesOf(actor: Actor | null, l: ListingFacts): ListingSide[] {
    if (actor === null) return ['system'];
    const sides: ListingSide[] = [];
    if (isListingOwner(actor, l)) sides.push('owner');
    if (mayCurateListing(actor, l)) sides.push('curator');
    return sides;
  },
  // A stranger learns nothing of a listing that is not public, nor a curator of a draft never submitted.
  visibleTo: (actor, l) => actor === null || maySeeListing(actor, l),
  forbidden: { owner: 'forbidden_owner', curator: 'forbidden_curator' },
};

/** The owner's buttons on a listing's page, in the table's order (editing has its own page). */
export const OWNER_ACTIONS: readonly ListingTransitionName[] = ['submit', 'renew', 'archive', 'restore'];
/** Owner actions that ask for confirmation on a page of their own before they are taken. */
export const CONFIRMED_OWNER_ACTIONS: readonly ListingTransitionName[] = ['archive'];
/** The curator's decisions on a listing awaiting review, and on a revision awaiting review. */
export const CURATOR_DECISIONS: readonly ListingTransitionName[] = ['approve', 'request_changes', 'reject', 'approve_revision', 'decline_revision'];
