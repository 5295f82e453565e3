// Files attached to a listing: the owner adds and removes them; the public sees those of a
// published listing that are not confidential; confidential ones only the owner and curators.
import { isCurator, type Actor } from '../domain/actor.js';
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, cleanFilename, looksLike } from '../domain/attachment.js';
import type { AppContext } from '../context.server.js';
import { InvalidInputError, NotFoundError } from './errors.js';
import { isUuid } from './listings.server.js';

export interface AttachmentInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  confidential: boolean;
}

async function ownListing(ctx: AppContext, actor: Actor, listingId: string) {
  if (!isUuid(listingId)) throw new NotFoundError('listing', listingId);
  const listing = await ctx.db.selectFrom('listings').select(['organisation_id', 'status']).where('id', '=', listingId).executeTakeFirst();
  if (!listing || listing.organisation_id !== actor.organisationId) throw new NotFoundError('listing', listingId);
  return listing;
}

export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  listingId: string,
  file: { name: string; type: string; bytes: Uint8Array; confidential: boolean },
): Promise<{ id: string }> {
  await ownListing(ctx, actor, listingId);
  if (file.bytes.length === 0) throw new InvalidInputError({ file: ['choose a file'] });
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new InvalidInputError({ file: ['at most 5 MB'] });
  if (!ATTACHMENT_TYPES[file.type] || !looksLike(file.type, file.bytes)) throw new InvalidInputError({ file: ['PDF, PNG, JPEG, DOCX or PPTX only'] });
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('attachments').select('id').where('listing_id', '=', listingId).forUpdate().execute();
    if (existing.length >= MAX_ATTACHMENTS) throw new InvalidInputError({ file: [`at most ${MAX_ATTACHMENTS} files`] });
    const row = await trx
      .insertInto('attachments')
      .values({ listing_id: listingId, filename: cleanFilename(file.name), content_type: file.type, size: file.bytes.length, confidential: file.confidential, data: Buffer.from(file.bytes), created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('audit_events').values({ entity_type: 'listing', entity_id: listingId, action: 'attach', actor_id: actor.userId, reason: cleanFilename(file.name), at: ctx.clock() }).execute();
    return row;
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
  const listing = await ctx.db.selectFrom('listings').select(['organisation_id', 'status']).where('id', '=', listingId).executeTakeFirst();
  if (!listing) return [];
  const insider = actor !== null && (actor.organisationId === listing.organisation_id || isCurator(actor));
  if (!insider && listing.status !== 'published') return [];
  let query = ctx.db.selectFrom('attachments').select(['id', 'filename', 'content_type', 'size', 'confidential']).where('listing_id', '=', listingId);
  if (!insider) query = query.where('confidential', '=', false);
  const rows = await query.orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, filename: r.filename, contentType: r.content_type, size: r.size, confidential: r.confidential }));
}

/** One file with its bytes, if this person may have it; otherwise not found. */
export async function getAttachment(ctx: AppContext, attachmentId: string, actor: Actor | null) {
  if (!isUuid(attachmentId)) throw new NotFoundError('listing', attachmentId);
  const row = await ctx.db
    .selectFrom('attachments as a')
    .innerJoin('listings as l', 'l.id', 'a.listing_id')
    .select(['a.filename', 'a.content_type', 'a.data', 'a.confidential', 'l.organisation_id', 'l.status'])
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('listing', attachmentId);
  const insider = actor !== null && (actor.organisationId === row.organisation_id || isCurator(actor));
  if (!insider && (row.confidential || row.status !== 'published')) throw new NotFoundError('listing', attachmentId);
  return { filename: row.filename, contentType: row.content_type, data: row.data };
}
