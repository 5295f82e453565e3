// The agency's work: the review queue and featuring listings (verifying organisations: verification.server.ts).
import { enqueueListingChanged } from '../../db/outbox.js';
import { mayCurate, mayCurateListing } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import type { AppContext } from '../context.server.js';
import { askFor } from './jobs.server.js';
import { NotFoundError, PermissionError } from './errors.js';
import { isUuid } from './listings.server.js';

export function requireCurator(actor: Actor): void {
  if (!mayCurate(actor)) throw new PermissionError('forbidden_curator');
}

/** Listings and revisions of published listings waiting for a decision, the longest-waiting first. */
export async function reviewQueue(ctx: AppContext, actor: Actor) {
  requireCurator(actor);
  const rows = await ctx.db
    .selectFrom('listings as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .leftJoin('listing_revisions as r', (join) => join.onRef('r.listing_id', '=', 'l.id').on('r.state', '=', 'pending').on('l.status', '=', 'published'))
    .select(['l.id', 'l.kind', 'l.title', 'l.updated_at', 'r.proposed_at', 'o.name as organisation_name', 'o.verified_at'])
    .where((eb) => eb.or([eb('l.status', '=', 'pending_review'), eb('r.id', 'is not', null)]))
    .execute();
  const now = ctx.clock().getTime();
  return rows
    .map((r) => {
      const since = r.proposed_at ?? r.updated_at;
      return {
        id: r.id,
        kind: r.kind,
        title: r.title,
        revision: r.proposed_at !== null,
        organisationName: r.organisation_name,
        organisationVerified: r.verified_at !== null,
        submittedAt: since.toISOString(),
        waitingHours: Math.max(0, Math.floor((now - since.getTime()) / 3_600_000)),
      };
    })
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
}

export async function setFeatured(ctx: AppContext, actor: Actor, listingId: string, featured: boolean): Promise<void> {
  requireCurator(actor);
  if (!isUuid(listingId)) throw new NotFoundError('listing', listingId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('listings').select(['organisation_id', 'status', 'submitted_at']).where('id', '=', listingId).forUpdate().executeTakeFirst();
    if (!row || !mayCurateListing(actor, { organisationId: row.organisation_id, status: row.status, submittedAt: row.submitted_at })) throw new NotFoundError('listing', listingId);
    await trx.updateTable('listings').set({ featured }).where('id', '=', listingId).execute();
    await trx.insertInto('audit_events').values({ entity_type: 'listing', entity_id: listingId, action: featured ? 'feature' : 'unfeature', actor_id: actor.userId, at: ctx.clock() }).execute();
    await enqueueListingChanged(trx, [listingId]);
  });
  await askFor(ctx, [['search-relay', {}]]);
}
