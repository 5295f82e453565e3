// The deal's use cases: interest in a listing, the owner's answer, the NDA, term sheets, messages
// and the ends of a deal. Every change of stage goes through the process runner with the deal
// table (app/domain/deal-process.ts); messages change no stage and are written here.
import { createHash } from 'node:crypto';
import { mayTakePartInDeals } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import type { DealAction } from '../domain/deal-actions.js';
import { partiesOf, type DealFacts, type DealTransitionInput, type Party } from '../domain/deal-process.js';
import { interestSchema, termSheetSchema } from '../domain/deal-terms.js';
import type { Canonical } from '../domain/canonical.js';
import { NDA_TEXT, NDA_VERSION } from '../domain/nda.js';
import type { AppContext } from '../context.server.js';
import { consentToIntroduction } from './deal-introductions.server.js';
import { dealStore } from './deal-store.server.js';
import { NotFoundError, PermissionError, invalidField, parsed } from './errors.js';
import { askFor } from './jobs.server.js';
import { contentSha256 } from './content-hash.server.js';
import { generateContractIn } from './contracts.server.js';
import { isUuid } from './listings.server.js';
import { runTransition, runTransitionIn, type TransitionOutcome } from './process-runner.server.js';

export const NDA_SHA256 = createHash('sha256').update(NDA_TEXT, 'utf8').digest('hex');

const partyOf = (actor: Actor, facts: DealFacts): Party => partiesOf(actor, facts)[0]!;

/**
 * Interest in a published listing: opens an inquiry to its owner, who stays anonymous until it
 * accepts. One open deal per organisation and listing: a second attempt returns the open one.
 */
export async function expressInterest(ctx: AppContext, actor: Actor, listingId: string, input: unknown): Promise<{ id: string; existing: boolean }> {
  const interest = parsed(interestSchema, input);
  if (!isUuid(listingId)) throw new NotFoundError('listing', listingId);
  const existing = async () =>
    ctx.db
      .selectFrom('deals')
      .select('id')
      .where('listing_id', '=', listingId)
      .where('interested_organisation_id', '=', actor.organisationId)
      .where('stage', 'in', ['opening', 'inquiry', 'negotiating'])
      .executeTakeFirst();
  const open = await existing();
  if (open) return { id: open.id, existing: true };
  try {
    const { id, after } = await ctx.db.transaction().execute(async (trx) => {
      const listing = await trx.selectFrom('listings').select(['id', 'kind', 'organisation_id', 'status']).where('id', '=', listingId).executeTakeFirst();
      if (!listing || listing.status !== 'published') throw new NotFoundError('listing', listingId);
      if (listing.organisation_id === actor.organisationId) throw invalidField('form', 'own_listing');
      if (!mayTakePartInDeals(actor)) throw new PermissionError('agency_not_party');
      // The owner of an offer sells; the owner of a demand buys.
      const ownerIsSeller = listing.kind === 'offer';
      const row = await trx
        .insertInto('deals')
        .values({
          listing_id: listingId,
          buyer_organisation_id: ownerIsSeller ? actor.organisationId : listing.organisation_id,
          seller_organisation_id: ownerIsSeller ? listing.organisation_id : actor.organisationId,
          owner: ownerIsSeller ? 'seller' : 'buyer',
          interested_organisation_id: actor.organisationId,
          stage: 'opening',
          cooperation: interest.cooperation,
          unclear: interest.unclear,
          about_us: interest.aboutUs,
          transfer_mode: interest.transferMode,
          price_indication: interest.priceIndication,
          created_by: actor.userId,
          created_at: ctx.clock(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const opened = await runTransitionIn(ctx, trx, dealStore(ctx.clock), row.id, { actor, name: 'express_interest', input: {} });
      return { id: row.id, after: opened.after };
    });
    await askFor(ctx, after);
    return { id, existing: false };
  } catch (error) {
    // Two interests at once from one organisation: the unique index lets one in; the other opens it.
    if (isUniqueViolation(error)) {
      const winner = await existing();
      if (winner) return { id: winner.id, existing: true };
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

export interface DealActionInput extends DealTransitionInput {
  version?: number | null;
}

/** accept, decline, propose_nda, accept_nda, accept_terms, withdraw, terminate. */
export async function takeDealTransition(ctx: AppContext, actor: Actor, dealId: string, name: string, input: DealActionInput = {}): Promise<TransitionOutcome> {
  const reason = typeof input.reason === 'string' ? input.reason : null;
  return runTransition(ctx, dealStore(ctx.clock), dealId, {
    actor,
    name,
    input: { reason, declineReason: input.declineReason ?? null, termsVersion: input.termsVersion ?? null },
    expectedVersion: input.version ?? null,
    write: async (trx, facts, taken, _id, later) => {
      const at = ctx.clock();
      if (taken === 'decline') {
        await trx.updateTable('deals').set({ decline_reason: input.declineReason ?? null }).where('id', '=', dealId).execute();
        return { declineReason: input.declineReason };
      }
      if (taken === 'propose_nda' || taken === 'accept_nda') {
        const party = partyOf(actor, facts);
        // Proposing the NDA is accepting it; the other side's acceptance puts it in force.
        await trx.insertInto('nda_acceptances').values({ deal_id: dealId, party, user_id: actor.userId, nda_version: NDA_VERSION, text_sha256: NDA_SHA256, accepted_at: at }).execute();
        await trx
          .updateTable('deals')
          .set(taken === 'propose_nda' ? { nda_proposed_by: party } : { nda_in_force_at: at })
          .where('id', '=', dealId)
          .execute();
        return { ndaVersion: NDA_VERSION, sha256: NDA_SHA256 };
      }
      if (taken === 'accept_terms') {
        // The stale check has made sure this is the latest version, still standing.
        const sheet = await trx.selectFrom('term_sheets').select(['version', 'terms']).where('deal_id', '=', dealId).where('version', '=', input.termsVersion ?? 0).executeTakeFirstOrThrow();
        const sha256 = contentSha256(sheet.terms as Canonical);
        await trx.updateTable('deals').set({ agreed_terms_version: sheet.version, agreed_terms_sha256: sha256 }).where('id', '=', dealId).execute();
        // The contract is made from the frozen terms at once, in the same transaction.
        const contract = await generateContractIn(ctx, trx, dealId);
        later(contract.after);
        return { termsVersion: sheet.version, sha256, contract: contract.number };
      }
      return;
    },
  });
}

/** A side proposes terms: a new immutable version, which the other side accepts or counters. */
export async function proposeTerms(ctx: AppContext, actor: Actor, dealId: string, input: unknown, version?: number | null): Promise<TransitionOutcome & { termsVersion: number }> {
  const terms = parsed(termSheetSchema, input);
  let termsVersion = 0;
  const outcome = await runTransition(ctx, dealStore(ctx.clock), dealId, {
    actor,
    name: 'propose_terms',
    input: {},
    expectedVersion: version ?? null,
    write: async (trx, facts) => {
      termsVersion = (facts.latestTerms?.version ?? 0) + 1;
      const at = ctx.clock();
      await trx
        .insertInto('term_sheets')
        .values({
          deal_id: dealId,
          version: termsVersion,
          proposed_by: partyOf(actor, facts),
          proposed_by_user: actor.userId,
          terms: JSON.stringify(terms),
          price: terms.price,
          valid_until: new Date(at.getTime() + terms.validDays * 86_400_000),
          created_at: at,
        })
        .execute();
      return { termsVersion, price: terms.price };
    },
  });
  return { ...outcome, termsVersion };
}

/** Any action a side takes by hand (the API's `POST …/transitions`, the deal page's buttons). */
export async function actOnDeal(ctx: AppContext, actor: Actor, dealId: string, action: DealAction): Promise<TransitionOutcome> {
  if (action.name === 'propose_terms') return proposeTerms(ctx, actor, dealId, action.terms, action.version ?? null);
  if (action.name === 'consent') return consentToIntroduction(ctx, actor, dealId, action.version ?? null);
  const { name, version, ...rest } = action;
  return takeDealTransition(ctx, actor, dealId, name, { version: version ?? null, ...rest });
}

