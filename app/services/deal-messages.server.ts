// The deal's thread: messages from either side or a curator, each with at most one file checked
// as listing attachments are (its bytes prove its type, 5 MB at most). Messages change no stage
// and do not stop the owner's clock; the other side hears of them. Files are seen by whoever
// sees the deal, and by nobody else.
import { maySeeDeal } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { MAX_ATTACHMENT_BYTES, acceptedType, storedFilename } from '../domain/attachment.js';
import { partiesOf } from '../domain/deal-process.js';
import { cleaned } from '../domain/text.js';
import { z } from 'zod';
import type { AppContext } from '../context.server.js';
import { organisationOf } from './deal-store.server.js';
import { InvalidInputError, NotFoundError, invalidField, parsed } from './errors.js';
import { askFor } from './jobs.server.js';
import { isUuid } from './listings.server.js';
import { notifyPeople, organisationMembers } from './notifications.server.js';

const messageSchema = z.object({ body: cleaned(z.string().min(1).max(4000), { multiline: true }) });

export interface MessageFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** The file as it will be kept, or a field error on `file`; an empty file input is no file. */
function checkedFile(file: MessageFile | null | undefined) {
  if (!file || (file.bytes.length === 0 && file.name === '')) return null;
  if (file.bytes.length === 0) throw invalidField('file', 'file_required');
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw invalidField('file', 'file_too_large', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  const type = acceptedType(file.type, file.bytes);
  if (!type) throw invalidField('file', 'file_type');
  return { filename: storedFilename(file.name, type), type, bytes: file.bytes };
}

const dealOf = (trx: AppContext['db'], dealId: string) =>
  trx
    .selectFrom('deals as d')
    .innerJoin('listings as l', 'l.id', 'd.listing_id')
    .select(['d.stage', 'd.buyer_organisation_id', 'd.seller_organisation_id', 'l.title'])
    .where('d.id', '=', dealId)
    .executeTakeFirst();

/** A message in the deal's thread, with an optional file; the message and its file are written together or not at all. */
export async function postDealMessage(ctx: AppContext, actor: Actor, dealId: string, input: unknown, file?: MessageFile | null): Promise<{ id: string; fileId: string | null }> {
  const { body } = parsed(messageSchema, input);
  const kept = checkedFile(file);
  if (!isUuid(dealId)) throw new NotFoundError('deal', dealId);
  const { id, fileId, emailed } = await ctx.db.transaction().execute(async (trx) => {
    const deal = await dealOf(trx, dealId);
    const facts = deal && { buyerOrganisationId: deal.buyer_organisation_id, sellerOrganisationId: deal.seller_organisation_id };
    if (!deal || !facts || !maySeeDeal(actor, facts)) throw new NotFoundError('deal', dealId);
    if (!['inquiry', 'negotiating'].includes(deal.stage)) throw new InvalidInputError({ form: [{ code: 'wrong_state', params: { status: deal.stage } }] });
    const party = partiesOf(actor, facts)[0] ?? null;
    const at = ctx.clock();
    const row = await trx.insertInto('deal_messages').values({ deal_id: dealId, author_id: actor.userId, party, body, created_at: at }).returning('id').executeTakeFirstOrThrow();
    const saved = kept
      ? await trx
          .insertInto('deal_files')
          .values({ deal_id: dealId, message_id: row.id, filename: kept.filename, content_type: kept.type, size: kept.bytes.length, data: Buffer.from(kept.bytes), created_by: actor.userId, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      : null;
    const to = party ? organisationOf(facts, party === 'buyer' ? 'seller' : 'buyer') : null;
    const people = to ? await organisationMembers(trx, to) : [...(await organisationMembers(trx, facts.buyerOrganisationId)), ...(await organisationMembers(trx, facts.sellerOrganisationId))];
    const sent = await notifyPeople(ctx, trx, people, { kind: 'deal_message', params: { title: deal.title }, link: `/deals/${dealId}` });
    return { id: row.id, fileId: saved?.id ?? null, emailed: sent };
  });
  if (emailed) await askFor(ctx, [['mail-delivery', {}]]);
  return { id, fileId };
}

/** A file of a deal's thread with its bytes, for a person who sees the deal; otherwise not found. */
export async function getDealFile(ctx: AppContext, actor: Actor, dealId: string, fileId: string) {
  if (!isUuid(dealId) || !isUuid(fileId)) throw new NotFoundError('deal', fileId);
  const row = await ctx.db
    .selectFrom('deal_files as f')
    .innerJoin('deals as d', 'd.id', 'f.deal_id')
    .select(['f.filename', 'f.content_type', 'f.data', 'd.buyer_organisation_id', 'd.seller_organisation_id'])
    .where('f.id', '=', fileId)
    .where('f.deal_id', '=', dealId)
    .executeTakeFirst();
  if (!row || !maySeeDeal(actor, { buyerOrganisationId: row.buyer_organisation_id, sellerOrganisationId: row.seller_organisation_id })) throw new NotFoundError('deal', fileId);
  return { filename: row.filename, contentType: row.content_type, data: row.data };
}
