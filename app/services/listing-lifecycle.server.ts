// The listing lifecycle's use cases: every change of a listing's state, and every change of its
// text, goes through the process runner with the listing process table.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../domain/actor.js';
import { submissionProblems, validateListingInput, type ListingDraft, type ListingInput } from '../domain/listing-input.js';
import { LISTING_PROCESS, type ListingFacts, type ListingTransitionInput, type ListingTransitionName } from '../domain/listing-process.js';
import type { ListingStatus } from '../domain/taxonomy.js';
import { tidyText } from '../domain/text.js';
import type { AppContext } from '../context.server.js';
import { InvalidInputError, invalidField } from './errors.js';
import { LISTING_TEXT_COLUMNS, listingColumns, listingDraftOf } from './listing-columns.server.js';
import { isUuid } from './listings.server.js';
import { curators, organisationMembers } from './notifications.server.js';
import { runTransition, type ProcessStore, type TransitionRequest } from './process-runner.server.js';

const COLUMN_OF: Record<string, 'submitted_at' | 'published_at' | 'confirmed_active_at' | 'expires_at'> = {
  submittedAt: 'submitted_at',
  publishedAt: 'published_at',
  confirmedActiveAt: 'confirmed_active_at',
  expiresAt: 'expires_at',
};

export const listingStore: ProcessStore<ListingFacts, ListingTransitionInput> = {
  process: LISTING_PROCESS,
  entity: 'listing',
  outbox: 'listing.changed',
  isId: isUuid,
  async lock(trx, id) {
    const row = await trx
      .selectFrom('listings as l')
      .selectAll('l')
      .select((eb) =>
        eb.exists(eb.selectFrom('listing_revisions as r').select('r.id').whereRef('r.listing_id', '=', 'l.id').where('r.state', '=', 'pending')).as('has_pending_revision'),
      )
      .where('l.id', '=', id)
      .forUpdate('l')
      .executeTakeFirst();
    if (!row) return null;
    return {
      version: row.version,
      title: row.title,
      facts: {
        organisationId: row.organisation_id,
        status: row.status,
        submittedAt: row.submitted_at,
        publishedAt: row.published_at,
        hasPendingRevision: Boolean(row.has_pending_revision),
        submissionProblems: submissionProblems(listingDraftOf(row)),
      },
    };
  },
  async save(trx, id, change) {
    const sets = Object.fromEntries(Object.entries(change.sets).map(([field, value]) => [COLUMN_OF[field]!, value]));
    await trx
      .updateTable('listings')
      .set({ ...sets, status: change.to as ListingStatus, version: change.version, updated_at: change.at })
      .where('id', '=', id)
      .execute();
    // A listing that leaves the market takes its waiting revision with it.
    if (change.to !== 'published') {
      await trx.updateTable('listing_revisions').set({ state: 'withdrawn', decided_at: change.at }).where('listing_id', '=', id).where('state', '=', 'pending').execute();
    }
  },
  recipients: (trx, facts, side) => (side === 'curator' ? curators(trx) : side === 'owner' ? organisationMembers(trx, facts.organisationId) : Promise.resolve([])),
  link: (id, side) => (side === 'curator' ? `/curator/listings/${id}` : `/my/listings/${id}`),
};

export interface TransitionResult {
  id: string;
  status: ListingStatus;
  version: number;
}

/** Takes a named transition of the listing lifecycle for `actor` (null: the system). */
export async function applyListingTransition(
  ctx: AppContext,
  actor: Actor | null,
  listingId: string,
  name: ListingTransitionName | string,
  options: { reason?: string | null; expectedVersion?: number | null } = {},
): Promise<TransitionResult> {
  const outcome = await runTransition(ctx, listingStore, listingId, {
    actor,
    name,
    input: { reason: tidyText(options.reason ?? '') || null },
    expectedVersion: options.expectedVersion,
    write:
      name === 'approve_revision' || name === 'decline_revision'
        ? decideRevision(actor, ctx.clock(), options.reason)
        : (REVIEW_DECISIONS as readonly string[]).includes(name)
          ? keepReviewedText(actor, ctx.clock())
          : undefined,
  });
  return { id: outcome.id, status: outcome.status as ListingStatus, version: outcome.version };
}

/**
 * The owner's new text. A listing not yet public changes in place (`edit`), complete or not; a
 * published one keeps its public text while the new one, complete, waits beside it for a curator
 * (`revise`).
 */
export async function saveListingText(
  ctx: AppContext,
  actor: Actor,
  listingId: string,
  input: ListingDraft,
  expectedVersion?: number | null,
): Promise<TransitionResult> {
  const request: TransitionRequest<ListingFacts, ListingTransitionInput> = {
    actor,
    name: (facts) => (facts.status === 'published' ? 'revise' : 'edit'),
    input: {},
    expectedVersion,
    write: async (trx, _facts, name) => {
      const kind = await trx.selectFrom('listings').select('kind').where('id', '=', listingId).executeTakeFirstOrThrow();
      if (input.kind !== kind.kind) throw invalidField('kind', 'kind_fixed');
      if (name === 'edit') {
        await trx.updateTable('listings').set(listingColumns(input)).where('id', '=', listingId).execute();
        return;
      }
      const complete = validateListingInput(input);
      if (!complete.ok) throw new InvalidInputError(complete.errors);
      await trx.updateTable('listing_revisions').set({ state: 'replaced', decided_at: ctx.clock() }).where('listing_id', '=', listingId).where('state', '=', 'pending').execute();
      const revision = await trx
        .insertInto('listing_revisions')
        .values({ listing_id: listingId, content: JSON.stringify(complete.value), proposed_by: actor.userId, proposed_at: ctx.clock() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { revisionId: revision.id };
    },
  };
  const outcome = await runTransition(ctx, listingStore, listingId, request);
  return { id: outcome.id, status: outcome.status as ListingStatus, version: outcome.version };
}

/** A curator's decisions on a listing not yet public: the text decided on is kept for the next review's diff. */
const REVIEW_DECISIONS = ['approve', 'request_changes', 'reject'] as const;

function keepReviewedText(actor: Actor | null, at: Date) {
  return async (trx: Transaction<DB>, _facts: ListingFacts, name: string, listingId: string) => {
    const row = await trx.selectFrom('listings').select(LISTING_TEXT_COLUMNS).where('id', '=', listingId).executeTakeFirstOrThrow();
    await trx.insertInto('listing_reviews').values({ listing_id: listingId, decision: name, content: JSON.stringify(listingDraftOf(row)), reviewed_by: actor?.userId ?? null, reviewed_at: at }).execute();
  };
}

/** A curator's decision on the waiting revision: approved, its text becomes the public one. */
function decideRevision(actor: Actor | null, at: Date, reason: string | null | undefined) {
  return async (trx: Transaction<DB>, _facts: ListingFacts, name: string, listingId: string) => {
    const revision = await trx
      .selectFrom('listing_revisions')
      .select(['id', 'content', 'listing_id'])
      .where('state', '=', 'pending')
      .where('listing_id', '=', listingId)
      .executeTakeFirstOrThrow();
    const approved = name === 'approve_revision';
    if (approved) await trx.updateTable('listings').set(listingColumns(revision.content as ListingInput)).where('id', '=', revision.listing_id).execute();
    await trx
      .updateTable('listing_revisions')
      .set({ state: approved ? 'approved' : 'declined', decided_by: actor?.userId ?? null, decided_at: at, reason: tidyText(reason ?? '') || null })
      .where('id', '=', revision.id)
      .execute();
    return { revisionId: revision.id };
  };
}
