// Whether the reader may express interest in a listing, and where their organisation's open deal
// on it is: the listing page links to the form or to the deal, never to both.
import { isListingOwner, mayTakePartInDeals } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { OPEN_STAGES } from '../domain/deal-process.js';
import type { AppContext } from '../context.server.js';

/** `expressPrice`: the offer's express licence, which the reader may buy at once. */
export type InterestOption = { kind: 'sign_in'; expressPrice: number | null } | { kind: 'express'; expressPrice: number | null } | { kind: 'open_deal'; dealId: string } | { kind: 'none' };

export async function interestOption(ctx: AppContext, actor: Actor | null, listingId: string): Promise<InterestOption> {
  const listing = await ctx.db.selectFrom('listings').select(['organisation_id', 'kind', 'express_licence_price']).where('id', '=', listingId).executeTakeFirst();
  const expressPrice = listing?.kind === 'offer' && listing.express_licence_price !== null ? Number(listing.express_licence_price) : null;
  if (!actor) return { kind: 'sign_in', expressPrice };
  // One's own listing is answered, not inquired about.
  if (!listing || isListingOwner(actor, { organisationId: listing.organisation_id })) return { kind: 'none' };
  // The agency introduces parties; it does not inquire itself.
  if (!mayTakePartInDeals(actor)) return { kind: 'none' };
  const open = await openDealOn(ctx, actor, listingId);
  return open ? { kind: 'open_deal', dealId: open } : { kind: 'express', expressPrice };
}

/** The organisation's open deal on the listing (at most one: a unique index keeps it so). */
export async function openDealOn(ctx: AppContext, actor: Actor, listingId: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('deals')
    .select('id')
    .where('listing_id', '=', listingId)
    .where('interested_organisation_id', '=', actor.organisationId)
    .where('stage', 'in', [...OPEN_STAGES])
    .executeTakeFirst();
  return row?.id ?? null;
}
