// An organisation's own listings: write drafts, edit, see status and history.
import { maySeeListingInside } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import type { CuratorRequest, ListingView } from '../domain/listing.js';
import { submissionProblems, validateListingDraft, type ListingDraft, type ListingInput } from '../domain/listing-input.js';
import type { FieldProblems } from '../domain/problem.js';
import { LISTING_PROCESS, type ListingTransitionName } from '../domain/listing-process.js';
import { availableTransitions, decide } from '../domain/process.js';
import type { ListingStatus } from '../domain/taxonomy.js';
import type { AppContext } from '../context.server.js';
import { InvalidInputError, NotFoundError, invalidField } from './errors.js';
import { saveListingText } from './listing-lifecycle.server.js';
import { listingColumns, listingDraftOf } from './listing-columns.server.js';
import { isUuid } from './listings.server.js';
import { listingAsPublic } from './listing-rows.server.js';

export interface OwnListing {
  id: string;
  organisationId: string;
  organisationName: string;
  status: ListingStatus;
  version: number;
  /** The saved text: complete once submitted, possibly incomplete before. */
  input: ListingDraft;
  /** What the text still lacks for review; null when complete. */
  submissionProblems: FieldProblems | null;
  /** The curator's latest request or refusal while it stands: what the owner should act on. */
  curatorRequest: CuratorRequest | null;
  featured: boolean;
  publishedAt: string | null;
  confirmedActiveAt: string | null;
  expiresAt: string | null;
  updatedAt: string;
  history: { action: string; from: string | null; to: string | null; reason: string | null; by: string | null; at: string }[];
  /** A revision of the published text, waiting for a curator; the public still sees `input`. */
  pendingRevision: { proposedAt: string; input: ListingInput } | null;
  /** What this actor may do now. */
  transitions: ListingTransitionName[];
  editable: boolean;
  /** The actor's own organisation's listing (a curator may look at others'). */
  mine: boolean;
}

function validated(input: unknown): ListingDraft {
  const result = validateListingDraft(input);
  if (!result.ok) throw new InvalidInputError(result.errors);
  return result.value;
}

/** A key the new-listing form (or an API client) sends once per draft it means to write. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * A new draft, complete or not. With an idempotency key, a second request with the same key (a
 * double click, a retried POST) writes nothing and answers the draft the first one wrote.
 */
export async function createListing(ctx: AppContext, actor: Actor, input: unknown, options: { idempotencyKey?: string | null } = {}): Promise<{ id: string; created: boolean }> {
  const v = validated(input);
  const key = options.idempotencyKey ?? null;
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) throw invalidField('idempotencyKey', 'invalid_value');
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    // The unique index on (created_by, idempotency_key) makes the second of two concurrent
    // inserts wait for the first and then do nothing.
    const row = await trx
      .insertInto('listings')
      .values({ ...listingColumns(v), organisation_id: actor.organisationId, status: 'draft', created_by: actor.userId, created_at: now, updated_at: now, idempotency_key: key })
      .onConflict((oc) => oc.columns(['created_by', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const first = await trx.selectFrom('listings').select('id').where('created_by', '=', actor.userId).where('idempotency_key', '=', key).executeTakeFirstOrThrow();
      return { id: first.id, created: false };
    }
    await trx.insertInto('audit_events').values({ entity_type: 'listing', entity_id: row.id, action: 'create', actor_id: actor.userId, to_state: 'draft', at: now }).execute();
    return { id: row.id, created: true };
  });
}

/**
 * Saves the owner's edits: in place while the listing is not public (complete or not), and as a revision waiting
 * for a curator once it is published (the public text stays until the revision is approved).
 */
export async function updateListing(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: unknown,
  expectedVersion?: number | null,
): Promise<{ status: ListingStatus; version: number }> {
  return saveListingText(ctx, actor, id, validated(input), expectedVersion);
}

/** The whole listing for its owner (and for curators): confidential details, status, history. */
export async function getOwnListing(ctx: AppContext, actor: Actor, id: string): Promise<OwnListing> {
  if (!isUuid(id)) throw new NotFoundError('listing', id);
  const row = await ctx.db
    .selectFrom('listings as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .selectAll('l')
    .select('o.name as organisation_name')
    .where('l.id', '=', id)
    .executeTakeFirst();
  if (!row || !maySeeListingInside(actor, { organisationId: row.organisation_id, status: row.status, submittedAt: row.submitted_at })) throw new NotFoundError('listing', id);
  const revision = await ctx.db
    .selectFrom('listing_revisions')
    .select(['content', 'proposed_at'])
    .where('listing_id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  const input = listingDraftOf(row);
  const problems = submissionProblems(input);
  const facts = { organisationId: row.organisation_id, status: row.status, submittedAt: row.submitted_at, publishedAt: row.published_at, hasPendingRevision: revision !== undefined, submissionProblems: problems };
  const history = await ctx.db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.action', 'a.from_state', 'a.to_state', 'a.reason', 'a.at', 'u.name'])
    .where('a.entity_type', '=', 'listing')
    .where('a.entity_id', '=', id)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    status: row.status,
    version: row.version,
    featured: row.featured,
    input,
    submissionProblems: problems,
    curatorRequest: curatorRequestOf(row.status, revision !== undefined, history),
    publishedAt: row.published_at?.toISOString() ?? null,
    confirmedActiveAt: row.confirmed_active_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    history: history.map((h) => ({ action: h.action, from: h.from_state, to: h.to_state, reason: h.reason, by: h.name, at: h.at.toISOString() })),
    pendingRevision: revision ? { proposedAt: revision.proposed_at.toISOString(), input: revision.content as ListingInput } : null,
    transitions: availableTransitions(LISTING_PROCESS, facts, actor),
    editable: ['edit', 'revise'].some((name) => decide(LISTING_PROCESS, facts, actor, name).ok),
    mine: LISTING_PROCESS.sidesOf(actor, facts).includes('owner'),
  };
}

type HistoryRow = { action: string; reason: string | null; name: string | null; at: Date };

/**
 * The curator's word that still stands: the request for changes or the refusal that put the
 * listing where it is, or a declined revision of a published listing until the owner revises again.
 */
function curatorRequestOf(status: ListingStatus, hasPendingRevision: boolean, history: HistoryRow[]): CuratorRequest | null {
  const wanted = status === 'changes_requested' ? 'request_changes' : status === 'rejected' ? 'reject' : null;
  const latest =
    wanted !== null
      ? history.find((h) => h.action === wanted)
      : status === 'published' && !hasPendingRevision
        ? history.find((h) => ['revise', 'approve_revision', 'decline_revision'].includes(h.action))
        : undefined;
  if (!latest || !['request_changes', 'reject', 'decline_revision'].includes(latest.action)) return null;
  return { action: latest.action as CuratorRequest['action'], reason: latest.reason, by: latest.name, at: latest.at.toISOString() };
}

/** The listing as the public will see it, for those who may see it inside (owner, curators). */
export async function previewOwnListing(ctx: AppContext, actor: Actor, id: string): Promise<{ listing: ListingView; status: ListingStatus }> {
  const own = await getOwnListing(ctx, actor, id);
  const listing = await listingAsPublic(ctx.db, own.id);
  if (!listing) throw new NotFoundError('listing', id);
  return { listing, status: own.status };
}

export async function listOwnListings(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db
    .selectFrom('listings')
    .select(['id', 'kind', 'title', 'status', 'updated_at', 'expires_at', 'version'])
    .where('organisation_id', '=', actor.organisationId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, updated_at: r.updated_at.toISOString(), expires_at: r.expires_at?.toISOString() ?? null }));
}
