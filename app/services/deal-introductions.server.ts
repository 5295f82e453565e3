// A curator's introductions: a demand introduced to an offer, or to an organisation that could
// serve it. Both sides consent before the deal opens (the second consent opens negotiation); an
// introduction nobody completes lapses after 10 working days (app/domain/deal-process.ts).
import { z } from 'zod';
import type { Actor } from '../domain/actor.js';
import { partiesOf, type Party } from '../domain/deal-process.js';
import { cleaned } from '../domain/text.js';
import type { AppContext } from '../context.server.js';
import { dealStore } from './deal-store.server.js';
import { invalidField, parsed } from './errors.js';
import { askFor } from './jobs.server.js';
import { runTransition, runTransitionIn, type TransitionOutcome } from './process-runner.server.js';

const introductionSchema = z
  .object({
    demandId: z.string().uuid('invalid_value'),
    offerId: z.string().uuid('invalid_value').optional(),
    organisationId: z.string().uuid('invalid_value').optional(),
    note: cleaned(z.string().min(10).max(2000), { multiline: true }),
  })
  .refine((v) => Boolean(v.offerId) !== Boolean(v.organisationId), { path: ['offerId'], message: 'choose_one' });

/**
 * A curator introduces a demand to an offer, or to an organisation that could serve it, with a
 * note. Both sides are told; the deal opens when both consent, and lapses after 10 working days.
 */
export async function introduce(ctx: AppContext, actor: Actor, input: unknown): Promise<{ id: string }> {
  const v = parsed(introductionSchema, input);
  const { id, after } = await ctx.db.transaction().execute(async (trx) => {
    const demand = await trx.selectFrom('listings').select(['id', 'kind', 'organisation_id', 'status']).where('id', '=', v.demandId).executeTakeFirst();
    if (!demand || demand.kind !== 'demand' || demand.status !== 'published') throw invalidField('demandId', 'invalid_value');
    let listingId = demand.id;
    let sellerId = v.organisationId ?? null;
    let owner: Party = 'buyer';
    if (v.offerId) {
      const offered = await trx.selectFrom('listings').select(['id', 'kind', 'organisation_id', 'status']).where('id', '=', v.offerId).executeTakeFirst();
      if (!offered || offered.kind !== 'offer' || offered.status !== 'published') throw invalidField('offerId', 'invalid_value');
      [listingId, sellerId, owner] = [offered.id, offered.organisation_id, 'seller'];
    } else {
      const org = await trx.selectFrom('organisations').select('id').where('id', '=', sellerId!).executeTakeFirst();
      if (!org) throw invalidField('organisationId', 'invalid_value');
    }
    if (sellerId === demand.organisation_id) throw invalidField('offerId', 'own_listing');
    const row = await trx
      .insertInto('deals')
      .values({
        listing_id: listingId,
        buyer_organisation_id: demand.organisation_id,
        seller_organisation_id: sellerId!,
        owner,
        interested_organisation_id: owner === 'seller' ? demand.organisation_id : sellerId!,
        stage: 'opening',
        cooperation: v.note,
        about_us: '',
        transfer_mode: null,
        introduced_by: actor.userId,
        created_by: actor.userId,
        created_at: ctx.clock(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const opened = await runTransitionIn(ctx, trx, dealStore(ctx.clock), row.id, { actor, name: 'introduce', input: {} });
    return { id: row.id, after: opened.after };
  });
  await askFor(ctx, after);
  return { id };
}

/** A side consents to an introduction; the second consent opens the deal. */
export async function consentToIntroduction(ctx: AppContext, actor: Actor, dealId: string, version?: number | null): Promise<TransitionOutcome> {
  return runTransition(ctx, dealStore(ctx.clock), dealId, {
    actor,
    name: (facts) => (facts.consented.length === 0 ? 'consent' : 'open_introduction'),
    input: {},
    expectedVersion: version ?? null,
    write: async (trx, facts) => {
      const party = partiesOf(actor, facts).find((p) => !facts.consented.includes(p))!;
      await trx.updateTable('deals').set(party === 'buyer' ? { buyer_consented_at: ctx.clock() } : { seller_consented_at: ctx.clock() }).where('id', '=', dealId).execute();
      return { party };
    },
  });
}
