// Express licences: an offer's owner sets a fixed price for a non-exclusive licence; another
// organisation buys it at once. The purchase is a deal agreed on standard terms (its term sheet
// proposed by the seller, frozen and hashed as any agreed terms) and a contract made in the same
// transaction, so the buyer goes straight to signing, then paying.
import { isListingOwner, mayTakePartInDeals } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { expressLicenceTerms, expressPriceSchema } from '../domain/express-licence.js';
import type { Canonical } from '../domain/canonical.js';
import type { AppContext } from '../context.server.js';
import { contentSha256 } from './content-hash.server.js';
import { generateContractIn } from './contracts.server.js';
import { dealStore } from './deal-store.server.js';
import { ConflictError, NotFoundError, PermissionError, invalidField, parsed } from './errors.js';
import { askFor } from './jobs.server.js';
import { isUuid } from './listings.server.js';
import { runTransitionIn } from './process-runner.server.js';

/** The owner sets or removes the express licence price of one of its offers. */
export async function setExpressLicence(ctx: AppContext, actor: Actor, listingId: string, price: unknown): Promise<void> {
  const value = parsed(expressPriceSchema, price);
  if (!isUuid(listingId)) throw new NotFoundError('listing', listingId);
  await ctx.db.transaction().execute(async (trx) => {
    const listing = await trx.selectFrom('listings').select(['organisation_id', 'kind']).where('id', '=', listingId).forUpdate().executeTakeFirst();
    if (!listing || !isListingOwner(actor, { organisationId: listing.organisation_id })) throw new NotFoundError('listing', listingId);
    if (listing.kind !== 'offer') throw invalidField('price', 'invalid_value');
    await trx.updateTable('listings').set({ express_licence_price: value }).where('id', '=', listingId).execute();
    await trx
      .insertInto('audit_events')
      .values({ entity_type: 'listing', entity_id: listingId, action: 'set_express_licence', actor_id: actor.userId, payload: JSON.stringify({ price: value }), at: ctx.clock() })
      .execute();
  });
}

/** Buys an offer's express licence: the deal agreed and its contract, or the deal this organisation already has on it. */
export async function buyExpressLicence(ctx: AppContext, actor: Actor, listingId: string): Promise<{ dealId: string; contractId: string | null; existing: boolean }> {
  if (!isUuid(listingId)) throw new NotFoundError('listing', listingId);
  const { dealId, contractId, existing, after } = await ctx.db.transaction().execute(async (trx) => {
    const listing = await trx.selectFrom('listings').select(['organisation_id', 'kind', 'status', 'title', 'express_licence_price']).where('id', '=', listingId).forUpdate().executeTakeFirst();
    if (!listing || listing.status !== 'published' || listing.kind !== 'offer') throw new NotFoundError('listing', listingId);
    if (listing.organisation_id === actor.organisationId) throw invalidField('form', 'own_listing');
    if (!mayTakePartInDeals(actor)) throw new PermissionError('agency_not_party');
    if (listing.express_licence_price === null) throw new ConflictError('no_express_licence', undefined, 'wrong_state');
    // One deal per organisation and listing while it is open or agreed: a second click finds the first.
    const open = await trx
      .selectFrom('deals')
      .select('id')
      .where('listing_id', '=', listingId)
      .where('interested_organisation_id', '=', actor.organisationId)
      .where('stage', 'in', ['opening', 'inquiry', 'negotiating', 'agreed'])
      .executeTakeFirst();
    if (open) {
      const contract = await trx.selectFrom('contracts').select('id').where('deal_id', '=', open.id).executeTakeFirst();
      return { dealId: open.id, contractId: contract?.id ?? null, existing: true, after: [] };
    }
    const at = ctx.clock();
    const price = Number(listing.express_licence_price);
    const terms = expressLicenceTerms(listing.title, price);
    const deal = await trx
      .insertInto('deals')
      .values({
        listing_id: listingId,
        buyer_organisation_id: actor.organisationId,
        seller_organisation_id: listing.organisation_id,
        owner: 'seller',
        interested_organisation_id: actor.organisationId,
        stage: 'opening',
        cooperation: 'Mua li-xăng nhanh theo giá công bố.',
        about_us: '',
        transfer_mode: 'licence_non_exclusive',
        price_indication: price,
        created_by: actor.userId,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('term_sheets')
      .values({ deal_id: deal.id, version: 1, proposed_by: 'seller', proposed_by_user: null, terms: JSON.stringify(terms), price, valid_until: new Date(at.getTime() + terms.validDays * 86_400_000), created_at: at })
      .execute();
    const bought = await runTransitionIn(ctx, trx, dealStore(ctx.clock), deal.id, {
      actor,
      name: 'buy_express_licence',
      input: {},
      write: async (inner, _facts, _name, _id, later) => {
        const sha256 = contentSha256(terms as unknown as Canonical);
        await inner.updateTable('deals').set({ agreed_terms_version: 1, agreed_terms_sha256: sha256 }).where('id', '=', deal.id).execute();
        const contract = await generateContractIn(ctx, inner, deal.id, { express: true });
        later(contract.after);
        return { termsVersion: 1, sha256, contract: contract.number, price };
      },
    });
    const contract = await trx.selectFrom('contracts').select('id').where('deal_id', '=', deal.id).executeTakeFirstOrThrow();
    return { dealId: deal.id, contractId: contract.id, existing: false, after: bought.after };
  });
  await askFor(ctx, after);
  return { dealId, contractId, existing };
}

/** The express licence price of the owner's own offer (null: none). */
export async function ownExpressLicence(ctx: AppContext, actor: Actor, listingId: string): Promise<number | null> {
  if (!isUuid(listingId)) return null;
  const row = await ctx.db.selectFrom('listings').select(['organisation_id', 'express_licence_price']).where('id', '=', listingId).executeTakeFirst();
  return row && isListingOwner(actor, { organisationId: row.organisation_id }) && row.express_licence_price !== null ? Number(row.express_licence_price) : null;
}
