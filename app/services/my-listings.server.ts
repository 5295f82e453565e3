// An organisation's own listings: write drafts, edit, see status and history.
import { enqueueListingChanged } from '../../db/outbox.js';
import { isListingOwner, maySeeListingInside } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { validateListingInput, type ListingInput } from '../domain/listing-input.js';
import { EDITABLE_STATUSES, availableTransitions, statusAfterEdit, type ListingTransitionName } from '../domain/listing-lifecycle.js';
import type { ListingStatus } from '../domain/taxonomy.js';
import type { AppContext } from '../context.server.js';
import { ConflictError, InvalidInputError, NotFoundError, invalidField } from './errors.js';
import { listingColumns } from './listing-columns.server.js';
import { isUuid } from './listings.server.js';

export interface OwnListing {
  id: string;
  organisationId: string;
  organisationName: string;
  status: ListingStatus;
  version: number;
  input: ListingInput;
  featured: boolean;
  publishedAt: string | null;
  confirmedActiveAt: string | null;
  expiresAt: string | null;
  updatedAt: string;
  history: { action: string; from: string | null; to: string | null; reason: string | null; by: string | null; at: string }[];
  /** What this actor may do now. */
  transitions: ListingTransitionName[];
  editable: boolean;
  /** The actor's own organisation's listing (a curator may look at others'). */
  mine: boolean;
}

function validated(input: unknown): ListingInput {
  const result = validateListingInput(input);
  if (!result.ok) throw new InvalidInputError(result.errors);
  return result.value;
}

export async function createListing(ctx: AppContext, actor: Actor, input: unknown): Promise<{ id: string }> {
  const v = validated(input);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('listings')
      .values({ ...listingColumns(v), organisation_id: actor.organisationId, status: 'draft', created_by: actor.userId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('audit_events').values({ entity_type: 'listing', entity_id: row.id, action: 'create', actor_id: actor.userId, to_state: 'draft', at: now }).execute();
    return row;
  });
}

/** Saves the owner's edits. A published listing goes back to review (and leaves public view). */
export async function updateListing(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: unknown,
  expectedVersion?: number | null,
): Promise<{ status: ListingStatus; version: number }> {
  const v = validated(input);
  if (!isUuid(id)) throw new NotFoundError('listing', id);
  const now = ctx.clock();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const listing = await trx.selectFrom('listings').select(['status', 'version', 'organisation_id', 'kind']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!listing || !isListingOwner(actor, { organisationId: listing.organisation_id })) throw new NotFoundError('listing', id);
    if (expectedVersion != null && expectedVersion !== listing.version) {
      throw new ConflictError('changed_meanwhile');
    }
    if (!EDITABLE_STATUSES.includes(listing.status)) throw new ConflictError('wrong_state', { status: listing.status }, 'wrong_state');
    if (v.kind !== listing.kind) throw invalidField('kind', 'kind_fixed');
    const status = statusAfterEdit(listing.status);
    const updated = await trx
      .updateTable('listings')
      .set({ ...listingColumns(v), status, version: listing.version + 1, updated_at: now })
      .where('id', '=', id)
      .returning(['status', 'version'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('audit_events')
      .values({ entity_type: 'listing', entity_id: id, action: 'edit', actor_id: actor.userId, from_state: listing.status, to_state: status, at: now })
      .execute();
    if (listing.status === 'published') await enqueueListingChanged(trx, [id]);
    return updated;
  });
  await ctx.jobs.requestSearchRelay().catch(() => {});
  return result;
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
    input: {
      kind: row.kind,
      title: row.title,
      summary: row.summary,
      description: row.description,
      innovation: row.innovation,
      sectors: row.sectors as ListingInput['sectors'],
      keywords: row.keywords,
      trl: row.trl,
      ipStatus: row.ip_status as ListingInput['ipStatus'],
      transferModes: row.transfer_modes as ListingInput['transferModes'],
      priceMin: row.price_min,
      priceMax: row.price_max,
      priceNegotiable: row.price_negotiable,
      province: row.province_code as ListingInput['province'],
      language: row.language,
      anonymous: row.anonymous,
      confidentialDetails: row.confidential_details,
    },
    publishedAt: row.published_at?.toISOString() ?? null,
    confirmedActiveAt: row.confirmed_active_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    history: history.map((h) => ({ action: h.action, from: h.from_state, to: h.to_state, reason: h.reason, by: h.name, at: h.at.toISOString() })),
    transitions: availableTransitions({ status: row.status, organisationId: row.organisation_id }, actor),
    editable: isListingOwner(actor, { organisationId: row.organisation_id }) && EDITABLE_STATUSES.includes(row.status),
    mine: isListingOwner(actor, { organisationId: row.organisation_id }),
  };
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
