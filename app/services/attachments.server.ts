// Files attached to a listing: the owner adds and removes them; the public sees those of a
// published listing that are not confidential and that a curator let through; confidential
// ones only the owner and curators (once the listing was submitted).
import type { AttachmentReviewState } from '../../db/schema.js';
import { isListingOwner, mayCurateListing, maySeeAttachment, maySeeListing } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, acceptedType, storedFilename } from '../domain/attachment.js';
import type { ListingStatus } from '../domain/taxonomy.js';
import type { AppContext } from '../context.server.js';
import { ConflictError, NotFoundError, invalidField } from './errors.js';
import { isUuid } from './listings.server.js';
import { requireCurator } from './curation.server.js';

export interface AttachmentInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  confidential: boolean;
  /** `pending` until a curator lets a file added to a published listing through. */
  reviewState: AttachmentReviewState;
}

/** A listing the public already sees: a file added now has not been through its review. */
const PUBLIC_STATUSES: readonly ListingStatus[] = ['published', 'expired'];

async function ownListing(ctx: AppContext, actor: Actor, listingId: string) {
  if (!isUuid(listingId)) throw new NotFoundError('listing', listingId);
  const listing = await ctx.db.selectFrom('listings').select(['organisation_id', 'status']).where('id', '=', listingId).executeTakeFirst();
  if (!listing || !isListingOwner(actor, { organisationId: listing.organisation_id })) throw new NotFoundError('listing', listingId);
  return listing;
}

export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  listingId: string,
  file: { name: string; type: string; bytes: Uint8Array; confidential: boolean },
): Promise<{ id: string; filename: string; reviewState: AttachmentReviewState }> {
  await ownListing(ctx, actor, listingId);
  if (file.bytes.length === 0) throw invalidField('file', 'file_required');
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw invalidField('file', 'file_too_large', { mb: 5 });
  const type = acceptedType(file.type, file.bytes);
  if (!type) throw invalidField('file', 'file_type');
  const filename = storedFilename(file.name, type);
  return ctx.db.transaction().execute(async (trx) => {
    const listing = await trx.selectFrom('listings').select('status').where('id', '=', listingId).forUpdate().executeTakeFirstOrThrow();
    const existing = await trx.selectFrom('attachments').select('id').where('listing_id', '=', listingId).forUpdate().execute();
    if (existing.length >= MAX_ATTACHMENTS) throw invalidField('file', 'too_many_files', { max: MAX_ATTACHMENTS });
    const reviewState: AttachmentReviewState = PUBLIC_STATUSES.includes(listing.status) ? 'pending' : 'approved';
    const row = await trx
      .insertInto('attachments')
      .values({ listing_id: listingId, filename, content_type: type, size: file.bytes.length, confidential: file.confidential, data: Buffer.from(file.bytes), created_by: actor.userId, review_state: reviewState })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('audit_events').values({ entity_type: 'listing', entity_id: listingId, action: 'attach', actor_id: actor.userId, reason: filename, at: ctx.clock() }).execute();
    return { id: row.id, filename, reviewState };
  });
}

export async function removeAttachment(ctx: AppContext, actor: Actor, listingId: string, attachmentId: string): Promise<void> {
  await ownListing(ctx, actor, listingId);
  if (!isUuid(attachmentId)) throw new NotFoundError('listing', attachmentId);
  const result = await ctx.db.deleteFrom('attachments').where('id', '=', attachmentId).where('listing_id', '=', listingId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new NotFoundError('listing', attachmentId);
}

/** The files a person may see on a listing (without their bytes). */
export async function listAttachments(ctx: AppContext, listingId: string, actor: Actor | null): Promise<AttachmentInfo[]> {
  if (!isUuid(listingId)) return [];
  const listing = await ctx.db.selectFrom('listings').select(['organisation_id', 'status', 'submitted_at']).where('id', '=', listingId).executeTakeFirst();
  const facts = listing && { organisationId: listing.organisation_id, status: listing.status, submittedAt: listing.submitted_at };
  if (!facts || !maySeeListing(actor, facts)) return [];
  // A listing has at most MAX_ATTACHMENTS files: each is filtered by the one rule rather than by a copy of it in SQL.
  const rows = await ctx.db.selectFrom('attachments').select(['id', 'filename', 'content_type', 'size', 'confidential', 'review_state']).where('listing_id', '=', listingId).orderBy('created_at').execute();
  return rows.filter((r) => maySeeAttachment(actor, facts, { confidential: r.confidential, reviewState: r.review_state })).map((r) => ({ id: r.id, filename: r.filename, contentType: r.content_type, size: r.size, confidential: r.confidential, reviewState: r.review_state }));
}

/** One file with its bytes, if this person may have it; otherwise not found. */
export async function getAttachment(ctx: AppContext, attachmentId: string, actor: Actor | null) {
  if (!isUuid(attachmentId)) throw new NotFoundError('listing', attachmentId);
  const row = await ctx.db
    .selectFrom('attachments as a')
    .innerJoin('listings as l', 'l.id', 'a.listing_id')
    .select(['a.filename', 'a.content_type', 'a.data', 'a.confidential', 'a.review_state', 'l.organisation_id', 'l.status', 'l.submitted_at'])
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('listing', attachmentId);
  const listing = { organisationId: row.organisation_id, status: row.status, submittedAt: row.submitted_at };
  if (!maySeeAttachment(actor, listing, { confidential: row.confidential, reviewState: row.review_state })) throw new NotFoundError('listing', attachmentId);
  return { filename: row.filename, contentType: row.content_type, data: row.data };
}

/** A curator lets a waiting file through to the public, or keeps it out. */
export async function reviewAttachment(
  ctx: AppContext,
  actor: Actor,
  listingId: string,
  attachmentId: string,
  decision: 'approve' | 'refuse',
): Promise<void> {
  requireCurator(actor);
  if (!isUuid(listingId) || !isUuid(attachmentId)) throw new NotFoundError('listing', attachmentId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('attachments as a')
      .innerJoin('listings as l', 'l.id', 'a.listing_id')
      .select(['a.filename', 'a.review_state', 'l.organisation_id', 'l.status', 'l.submitted_at'])
      .where('a.id', '=', attachmentId)
      .where('a.listing_id', '=', listingId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || !mayCurateListing(actor, { organisationId: row.organisation_id, status: row.status, submittedAt: row.submitted_at })) {
      throw new NotFoundError('listing', attachmentId);
    }
    if (row.review_state !== 'pending') throw new ConflictError('already_reviewed', undefined, 'wrong_state');
    const now = ctx.clock();
    await trx
      .updateTable('attachments')
      .set({ review_state: decision === 'approve' ? 'approved' : 'refused', reviewed_by: actor.userId, reviewed_at: now })
      .where('id', '=', attachmentId)
      .execute();
    await trx
      .insertInto('audit_events')
      .values({ entity_type: 'listing', entity_id: listingId, action: decision === 'approve' ? 'approve_attachment' : 'refuse_attachment', actor_id: actor.userId, reason: row.filename, at: now })
      .execute();
  });
}

/** Files that wait for a curator, the longest-waiting first: the curator queue lists them. */
export async function attachmentsAwaitingReview(ctx: AppContext, actor: Actor) {
  requireCurator(actor);
  const rows = await ctx.db
    .selectFrom('attachments as a')
    .innerJoin('listings as l', 'l.id', 'a.listing_id')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['a.id', 'a.filename', 'a.created_at', 'l.id as listing_id', 'l.title', 'o.name as organisation_name'])
    .where('a.review_state', '=', 'pending')
    .where('l.status', 'in', [...PUBLIC_STATUSES])
    .orderBy('a.created_at', 'asc')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, filename: r.filename, addedAt: r.created_at.toISOString(), listingId: r.listing_id, listingTitle: r.title, organisationName: r.organisation_name }));
}
