// The agency's work: the review queue, featuring listings, verifying organisations.
import { enqueueListingChanged } from '../../db/outbox.js';
import { verificationSchema } from '../domain/account-input.js';
import { fieldProblemsOf } from '../domain/problem.js';
import { mayCurate, mayCurateListing } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import type { AppContext } from '../context.server.js';
import { askFor } from './jobs.server.js';
import { InvalidInputError, NotFoundError, PermissionError } from './errors.js';
import { isUuid } from './listings.server.js';
import { notifyOrganisation } from './notifications.server.js';

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

export async function listOrganisationsForCuration(ctx: AppContext, actor: Actor) {
  requireCurator(actor);
  const rows = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'type', 'tax_code', 'legal_representative', 'registration_document', 'province_code', 'verified_at', 'created_at'])
    .orderBy('verified_at', (ob) => ob.nullsFirst())
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, verified_at: r.verified_at?.toISOString() ?? null, created_at: r.created_at.toISOString() }));
}

/**
 * A tax code is claimed by whoever signs up first: the curator verifies the organisation only
 * after checking the code in the national registry against the evidence given at sign-up.
 */
export async function verifyOrganisation(ctx: AppContext, actor: Actor, organisationId: string, input: unknown): Promise<void> {
  requireCurator(actor);
  if (!isUuid(organisationId)) throw new NotFoundError('organisation', organisationId);
  const checked = verificationSchema.safeParse(input);
  if (!checked.success) throw new InvalidInputError(fieldProblemsOf(checked.error));
  await ctx.db.transaction().execute(async (trx) => {
    const org = await trx
      .updateTable('organisations')
      .set({ verified_at: ctx.clock(), verified_by: actor.userId })
      .where('id', '=', organisationId)
      .where('verified_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!org) {
      const exists = await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
      if (!exists) throw new NotFoundError('organisation', organisationId);
      return; // already verified: nothing to do
    }
    await trx.insertInto('audit_events').values({ entity_type: 'organisation', entity_id: org.id, action: 'verify', actor_id: actor.userId, reason: 'tax code checked against the evidence', at: ctx.clock() }).execute();
    const listings = await trx.selectFrom('listings').select('id').where('organisation_id', '=', org.id).where('status', '=', 'published').execute();
    await enqueueListingChanged(trx, listings.map((l) => l.id));
    await notifyOrganisation(ctx, trx, org.id, { kind: 'organisation_verified', params: { name: org.name }, link: `/organisations` });
  });
  await askFor(ctx, [['search-relay', {}]]);
  await askFor(ctx, [['mail-delivery', {}]]);
}
