// Bulk import of published listings for one organisation (an institute's catalogue, the
// curator's migration from another exchange). All or nothing: one bad row rejects the batch.
import { enqueueListingChanged } from '../../db/outbox.js';
import { expiryFrom, validateListingInput, type ListingInput } from '../domain/listing-input.js';
import type { FieldProblems } from '../domain/problem.js';
import type { AppContext } from '../context.server.js';
import { InvalidInputError, NotFoundError } from './errors.js';
import { listingColumns } from './listing-columns.server.js';

export async function importPublishedListings(
  ctx: AppContext,
  organisationId: string,
  rows: unknown[],
): Promise<{ ids: string[] }> {
  const valid: ListingInput[] = [];
  const errors: FieldProblems = {};
  rows.forEach((row, i) => {
    const result = validateListingInput(row);
    if (result.ok) valid.push(result.value);
    else for (const [field, messages] of Object.entries(result.errors)) errors[`${i}.${field}`] = messages;
  });
  if (Object.keys(errors).length) throw new InvalidInputError(errors);

  const now = ctx.clock();
  const ids = await ctx.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
    if (!org) throw new NotFoundError('organisation', organisationId);
    const inserted = await trx
      .insertInto('listings')
      .values(
        valid.map((l) => ({
          ...listingColumns(l),
          organisation_id: organisationId,
          status: 'published' as const,
          published_at: now,
          submitted_at: now,
          confirmed_active_at: now,
          expires_at: expiryFrom(now),
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    const listingIds = inserted.map((r) => r.id);
    if (listingIds.length) {
      await trx
        .insertInto('audit_events')
        .values(listingIds.map((id) => ({ entity_type: 'listing' as const, entity_id: id, action: 'import', to_state: 'published' })))
        .execute();
    }
    await enqueueListingChanged(trx, listingIds);
    return listingIds;
  });
  await ctx.jobs.requestSearchRelay().catch(() => {});
  for (const id of ids) await ctx.jobs.requestMatching(id).catch(() => {});
  return { ids };
}
