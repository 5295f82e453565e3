// How the process runner reads and writes a deal: its facts with the row locked, its stage and
// the milestone times the transitions set, and the people of each side.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { DEAL_PROCESS, counterpartOf, type DealFacts, type DealStage, type DealTransitionInput, type Party } from '../domain/deal-process.js';
import { isUuid } from './listings.server.js';
import { curators, organisationMembers, type Recipient } from './notifications.server.js';
import type { ProcessStore } from './process-runner.server.js';

const COLUMN_OF: Record<string, 'answer_due_at' | 'answered_at' | 'accepted_at' | 'agreed_at' | 'closed_at'> = {
  answerDueAt: 'answer_due_at',
  answeredAt: 'answered_at',
  acceptedAt: 'accepted_at',
  agreedAt: 'agreed_at',
  closedAt: 'closed_at',
};

type FactsRow = {
  stage: DealStage;
  buyer_organisation_id: string;
  seller_organisation_id: string;
  owner: Party;
  nda_proposed_by: Party | null;
  nda_in_force_at: Date | null;
  buyer_consented_at: Date | null;
  seller_consented_at: Date | null;
};

/** A deal's row as the deal process reads it; the one mapping, for the runner, the page and the inbox. */
export function dealFacts(row: FactsRow, latest: DealFacts['latestTerms'], now: Date): DealFacts {
  return {
    stage: row.stage,
    buyerOrganisationId: row.buyer_organisation_id,
    sellerOrganisationId: row.seller_organisation_id,
    owner: row.owner,
    ndaProposedBy: row.nda_proposed_by,
    ndaInForce: row.nda_in_force_at !== null,
    consented: [...(row.buyer_consented_at ? (['buyer'] as const) : []), ...(row.seller_consented_at ? (['seller'] as const) : [])],
    latestTerms: latest,
    now,
  };
}

export async function lockDeal(trx: Transaction<DB>, id: string, now: Date) {
  const row = await trx
    .selectFrom('deals as d')
    .innerJoin('listings as l', 'l.id', 'd.listing_id')
    .select(['d.stage', 'd.version', 'd.buyer_organisation_id', 'd.seller_organisation_id', 'd.owner', 'd.nda_proposed_by', 'd.nda_in_force_at', 'd.buyer_consented_at', 'd.seller_consented_at', 'l.title'])
    .where('d.id', '=', id)
    .forUpdate('d')
    .executeTakeFirst();
  if (!row) return null;
  const latest = await trx
    .selectFrom('term_sheets')
    .select(['version', 'proposed_by', 'valid_until'])
    .where('deal_id', '=', id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const facts = dealFacts(row, latest ? { version: latest.version, proposedBy: latest.proposed_by, validUntil: latest.valid_until } : null, now);
  return { facts, version: row.version, title: row.title };
}

export const organisationOf = (facts: Pick<DealFacts, 'buyerOrganisationId' | 'sellerOrganisationId'>, party: Party) =>
  party === 'buyer' ? facts.buyerOrganisationId : facts.sellerOrganisationId;

export function dealStore(now: () => Date): ProcessStore<DealFacts, DealTransitionInput> {
  return {
    process: DEAL_PROCESS,
    entity: 'deal',
    // Deals never reach the search index; the agency's statistics read the table itself.
    outbox: null,
    isId: isUuid,
    lock: (trx, id) => lockDeal(trx, id, now()),
    async save(trx, id, change) {
      const sets = Object.fromEntries(Object.entries(change.sets).map(([field, value]) => [COLUMN_OF[field]!, value]));
      await trx
        .updateTable('deals')
        .set({ ...sets, stage: change.to as DealStage, version: change.version, updated_at: change.at })
        .where('id', '=', id)
        .execute();
    },
    async recipients(trx, facts, side, acting): Promise<Recipient[]> {
      if (side === 'curator') return curators(trx);
      const party: Party | null = side === 'buyer' || side === 'seller' ? side : side === 'owner' ? facts.owner : side === 'other' ? counterpartOf(acting) : null;
      return party ? organisationMembers(trx, organisationOf(facts, party)) : [];
    },
    link: (id) => `/deals/${id}`,
  };
}
