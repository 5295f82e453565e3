// Bulk import of published listings for one organisation (an institute's catalogue, the
// curator's migration from another exchange). All or nothing: one bad row rejects the batch.
import type { Actor } from '../domain/actor.js';
import { validateListingInput, type ListingInput } from '../domain/listing-input.js';
import type { FieldProblems } from '../domain/problem.js';
import type { AppContext } from '../context.server.js';
import { InvalidInputError, NotFoundError } from './errors.js';
import { askFor, type JobRequest } from './jobs.server.js';
import { listingColumns } from './listing-columns.server.js';
import { listingStore } from './listing-lifecycle.server.js';
import { runTransitionIn } from './process-runner.server.js';

/** `actor`: the curator importing; null when the system does (a migration, a benchmark). */
export async function importPublishedListings(
  ctx: AppContext,
  organisationId: string,
  rows: unknown[],
  actor: Actor | null = null,
): Promise<{ ids: string[] }> {
  const valid: ListingInput[] = [];
  const errors: FieldProblems = {};
  rows.forEach((row, i) => {
    const result = validateListingInput(row);
    if (result.ok) valid.push(result.value);
    else for (const [field, messages] of Object.entries(result.errors)) errors[`${i}.${field}`] = messages;
  });
  if (Object.keys(errors).length) throw new InvalidInputError(errors);

  // Each listing is written as a draft and published by the `import` transition, with its audit
  // event, outbox row and expiry timers, all in one transaction: one bad row publishes none.
  const { ids, after } = await ctx.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
    if (!org) throw new NotFoundError('organisation', organisationId);
    const now = ctx.clock();
    const listingIds: string[] = [];
    const jobs: JobRequest[] = [];
    for (const l of valid) {
      const row = await trx
        .insertInto('listings')
        .values({ ...listingColumns(l), organisation_id: organisationId, status: 'draft', submitted_at: now, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const published = await runTransitionIn(ctx, trx, listingStore, row.id, { actor, name: 'import', input: {} });
      listingIds.push(row.id);
      jobs.push(...published.after);
    }
    return { ids: listingIds, after: jobs };
  });
  await askFor(ctx, after);
  return { ids };
}
