// Applying a transition of the listing lifecycle: in one transaction, with the row locked,
// the version checked, the rule of the domain applied, the audit event, the outbox row and
// the notifications written. Two people acting at once cannot both win.
import { enqueueListingChanged } from '../../db/outbox.js';
import { maySeeListingInside } from '../domain/access.js';
import { isCurator, type Actor } from '../domain/actor.js';
import { expiryFrom } from '../domain/listing-input.js';
import { LISTING_TRANSITIONS, type ListingTransitionName } from '../domain/listing-lifecycle.js';
import type { ListingStatus } from '../domain/taxonomy.js';
import { tidyText } from '../domain/text.js';
import type { AppContext } from '../context.server.js';
import { ConflictError, NotFoundError, PermissionError, invalidField } from './errors.js';
import { isUuid } from './listings.server.js';
import { notifyCurators, notifyOrganisation, type NotificationKind } from './notifications.server.js';

const NOTIFY_OWNER: Partial<Record<ListingTransitionName, NotificationKind>> = {
  approve: 'listing_approved',
  request_changes: 'listing_changes_requested',
  reject: 'listing_rejected',
  expire: 'listing_expired',
};

export interface TransitionResult {
  id: string;
  status: ListingStatus;
  version: number;
}

export async function applyListingTransition(
  ctx: AppContext,
  actor: Actor | null,
  listingId: string,
  name: ListingTransitionName,
  options: { reason?: string | null; expectedVersion?: number | null } = {},
): Promise<TransitionResult> {
  if (!isUuid(listingId)) throw new NotFoundError('listing', listingId);
  const transition = LISTING_TRANSITIONS[name];
  const reason = tidyText(options.reason ?? '') || null;
  if (transition.needsReason && !reason) throw invalidField('reason', 'reason_required');
  if (reason && reason.length > 2000) throw invalidField('reason', 'too_long', { max: 2000 });

  const result = await ctx.db.transaction().execute(async (trx) => {
    const listing = await trx
      .selectFrom('listings')
      .select(['id', 'status', 'version', 'organisation_id', 'title', 'published_at', 'submitted_at'])
      .where('id', '=', listingId)
      .forUpdate()
      .executeTakeFirst();
    if (!listing) throw new NotFoundError('listing', listingId);
    const permitted =
      actor === null
        ? transition.by === 'system'
        : transition.by === 'curator'
          ? isCurator(actor)
          : transition.by === 'owner' && listing.organisation_id === actor.organisationId;
    // A stranger learns nothing of a listing that is not public, and a curator nothing of a
    // draft never submitted; its owner is told why not.
    const insider = maySeeListingInside(actor, { organisationId: listing.organisation_id, status: listing.status, submittedAt: listing.submitted_at });
    if (actor !== null && !insider && listing.status !== 'published') throw new NotFoundError('listing', listingId);
    if (!permitted) {
      throw new PermissionError(transition.by === 'curator' ? 'forbidden_curator' : 'forbidden_owner');
    }
    if (options.expectedVersion != null && options.expectedVersion !== listing.version) {
      throw new ConflictError('changed_meanwhile');
    }
    if (!(transition.from as readonly ListingStatus[]).includes(listing.status)) {
      throw new ConflictError(transition.by === 'curator' ? 'already_decided' : 'wrong_state', { status: listing.status }, 'wrong_state');
    }
    const now = ctx.clock();
    const becomesPublished = transition.to === 'published';
    const updated = await trx
      .updateTable('listings')
      .set({
        status: transition.to,
        version: listing.version + 1,
        updated_at: now,
        ...(becomesPublished ? { confirmed_active_at: now, expires_at: expiryFrom(now), expiry_reminder_sent_at: null } : {}),
        ...(name === 'approve' && !listing.published_at ? { published_at: now } : {}),
        ...(name === 'submit' && !listing.submitted_at ? { submitted_at: now } : {}),
      })
      .where('id', '=', listingId)
      .returning(['id', 'status', 'version'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('audit_events')
      .values({ entity_type: 'listing', entity_id: listingId, action: name, actor_id: actor?.userId ?? null, from_state: listing.status, to_state: transition.to, reason, at: now })
      .execute();
    await enqueueListingChanged(trx, [listingId]);
    const kind = NOTIFY_OWNER[name];
    const params = { title: listing.title, ...(reason ? { reason } : {}) };
    if (kind) await notifyOrganisation(ctx, trx, listing.organisation_id, { kind, params, link: `/my/listings/${listingId}` });
    if (name === 'submit') await notifyCurators(ctx, trx, { kind: 'listing_submitted', params, link: `/curator/listings/${listingId}` });
    return updated;
  });
  await ctx.jobs.requestSearchRelay().catch(() => {});
  await ctx.jobs.requestMailDelivery().catch(() => {});
  if (transition.to === 'published') await ctx.jobs.requestMatching(listingId).catch(() => {});
  return result;
}
