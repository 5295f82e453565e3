// How the process runner reads and writes a contract and a milestone: their facts with the row
// locked (a milestone's with its contract's stage), the times transitions set, and the people of
// each side. Both belong to a deal, whose two organisations are the sides.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { CONTRACT_PROCESS, type ContractFacts, type ContractStage, type ContractTransitionInput } from '../domain/contract-process.js';
import { MILESTONE_PROCESS, paymentTimers, type MilestoneFacts, type MilestoneStage, type MilestoneTransitionInput } from '../domain/milestone-process.js';
import type { ContractContent } from '../domain/contract.js';
import { gapsOf } from '../domain/contract-draft.js';
import { transferReference } from '../domain/vietqr.js';
import type { Party } from '../domain/deal-process.js';
import { isUuid } from './listings.server.js';
import { curators, organisationMembers, type Recipient } from './notifications.server.js';
import { runTransitionIn, type ProcessStore } from './process-runner.server.js';

const CONTRACT_COLUMNS: Record<string, 'signed_at' | 'completed_at' | 'closed_at'> = { signedAt: 'signed_at', completedAt: 'completed_at', closedAt: 'closed_at' };
const MILESTONE_COLUMNS: Record<string, 'paid_at' | 'delivered_at' | 'accepted_at'> = { paidAt: 'paid_at', deliveredAt: 'delivered_at', acceptedAt: 'accepted_at' };

const columns = <C extends string>(map: Record<string, C>, sets: Record<string, Date | null>) => Object.fromEntries(Object.entries(sets).map(([field, value]) => [map[field]!, value]));

async function sidePeople(trx: Transaction<DB>, orgs: { buyerOrganisationId: string; sellerOrganisationId: string }, side: string): Promise<Recipient[]> {
  if (side === 'curator') return curators(trx);
  if (side === 'buyer') return organisationMembers(trx, orgs.buyerOrganisationId);
  if (side === 'seller') return organisationMembers(trx, orgs.sellerOrganisationId);
  return [];
}

/** The parties whose signature of the contract's current version counts (a paper scan once confirmed). */
export async function signaturesOf(trx: Transaction<DB> | DB | any, contractId: string, contentVersion: number) {
  const rows: { party: Party; method: 'click' | 'digital' | 'paper'; confirmed_at: Date | null }[] = await trx
    .selectFrom('contract_signatures')
    .select(['party', 'method', 'confirmed_at'])
    .where('contract_id', '=', contractId)
    .where('content_version', '=', contentVersion)
    .where('voided_at', 'is', null)
    .execute();
  const signedBy = [...new Set(rows.filter((r) => r.method !== 'paper' || r.confirmed_at !== null).map((r) => r.party))];
  const paper = rows.find((r) => r.method === 'paper' && r.confirmed_at === null);
  return { signedBy, paperUploadedBy: paper?.party ?? null };
}

/** A contract's facts as the runner sees them; `lock` takes the row lock a transition needs, a page's read does not. */
export async function readContract(trx: Transaction<DB>, id: string, lock: boolean) {
  const query = trx
    .selectFrom('contracts as c')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .innerJoin('listings as l', 'l.id', 'd.listing_id')
    .leftJoin('contract_versions as v', (j) => j.onRef('v.contract_id', '=', 'c.id').onRef('v.version', '=', 'c.content_version'))
    .select(['c.stage', 'c.version', 'c.content_version', 'c.content_sha256', 'c.number', 'd.buyer_organisation_id', 'd.seller_organisation_id', 'l.title', 'v.content'])
    .where('c.id', '=', id);
  const row = await (lock ? query.forUpdate('c') : query).executeTakeFirst();
  if (!row) return null;
  const { signedBy, paperUploadedBy } = await signaturesOf(trx, id, row.content_version);
  const stages = await trx.selectFrom('milestones').select('stage').where('contract_id', '=', id).execute();
  const facts: ContractFacts = {
    stage: row.stage,
    buyerOrganisationId: row.buyer_organisation_id,
    sellerOrganisationId: row.seller_organisation_id,
    contentVersion: row.content_version,
    contentSha256: row.content_sha256,
    signedBy,
    paperUploadedBy,
    openMilestones: stages.filter((m) => m.stage !== 'accepted').length,
    performing: stages.some((m) => m.stage !== 'due'),
    gaps: row.content ? gapsOf(row.content as Parameters<typeof gapsOf>[0]) : [],
  };
  return { facts, version: row.version, title: `${row.number} · ${row.title}` };
}

export const lockContract = (trx: Transaction<DB>, id: string) => readContract(trx, id, true);

export const contractStore: ProcessStore<ContractFacts, ContractTransitionInput> = {
  process: CONTRACT_PROCESS,
  entity: 'contract',
  outbox: null,
  isId: isUuid,
  lock: lockContract,
  async save(trx, id, change) {
    await trx
      .updateTable('contracts')
      .set({ ...columns(CONTRACT_COLUMNS, change.sets), stage: change.to as ContractStage, version: change.version, updated_at: change.at })
      .where('id', '=', id)
      .execute();
  },
  recipients: (trx, facts, side) => sidePeople(trx, facts, side),
  link: (id) => `/contracts/${id}`,
  // Signed: the milestones of the signed version fall due, each with its own transfer reference.
  async followUp(_ctx, trx, id, name, _facts, at) {
    if (name !== 'countersign' && name !== 'confirm_paper') return [];
    const c = await trx
      .selectFrom('contracts as c')
      .innerJoin('contract_versions as v', (j) => j.onRef('v.contract_id', '=', 'c.id').onRef('v.version', '=', 'c.content_version'))
      .select(['c.deal_id', 'v.content'])
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();
    const { terms } = c.content as ContractContent;
    const made = await trx
      .insertInto('milestones')
      .values(terms.milestones.map((m, i) => ({ contract_id: id, number: i + 1, amount: m.amount, condition: m.condition, deliverable: m.deliverable, stage: 'due' as const, transfer_reference: transferReference({ dealId: c.deal_id, milestone: i + 1 }) })))
      .returning(['id', 'number'])
      .execute();
    // The first is payable from the signing; each next one from the acceptance of the one before.
    await makePayable(trx, made.find((m) => m.number === 1)!.id, at);
    return [];
  },
};

/** The milestone becomes payable from `from`: its date, the buyer's reminder and the overdue flag on the engine's timers. */
async function makePayable(trx: Transaction<DB>, milestoneId: string, from: Date): Promise<void> {
  const { payBy, timers } = paymentTimers(from);
  await trx.updateTable('milestones').set({ pay_by: payBy }).where('id', '=', milestoneId).execute();
  await trx
    .insertInto('process_timers')
    .values(timers.map((t) => ({ entity_type: 'milestone', entity_id: milestoneId, transition: t.take, due_at: t.dueAt })))
    .execute();
}

/** A milestone's facts; `lock` as for `readContract`. */
export async function readMilestone(trx: Transaction<DB>, id: string, lock: boolean) {
  const query = trx
    .selectFrom('milestones as m')
    .innerJoin('contracts as c', 'c.id', 'm.contract_id')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .select(['m.stage', 'm.version', 'm.amount', 'm.number', 'c.stage as contract_stage', 'c.number as contract_number', 'd.buyer_organisation_id', 'd.seller_organisation_id'])
    .where('m.id', '=', id);
  const row = await (lock ? query.forUpdate('m') : query).executeTakeFirst();
  if (!row) return null;
  const facts: MilestoneFacts = {
    stage: row.stage,
    contractStage: row.contract_stage,
    buyerOrganisationId: row.buyer_organisation_id,
    sellerOrganisationId: row.seller_organisation_id,
    amount: Number(row.amount),
  };
  return { facts, version: row.version, title: `${row.contract_number} · ${row.number}` };
}

export const lockMilestone = (trx: Transaction<DB>, id: string) => readMilestone(trx, id, true);

export const milestoneStore: ProcessStore<MilestoneFacts, MilestoneTransitionInput> = {
  process: MILESTONE_PROCESS,
  entity: 'milestone',
  outbox: null,
  isId: isUuid,
  lock: lockMilestone,
  async save(trx, id, change) {
    await trx
      .updateTable('milestones')
      .set({ ...columns(MILESTONE_COLUMNS, change.sets), stage: change.to as MilestoneStage, version: change.version, updated_at: change.at })
      .where('id', '=', id)
      .execute();
  },
  recipients: (trx, facts, side) => sidePeople(trx, facts, side),
  link: (id) => `/milestones/${id}`,
  // The last milestone accepted (by the buyer or by the timer) completes the contract.
  async followUp(ctx, trx, id, name, _facts, at) {
    if (name !== 'accept' && name !== 'auto_accept') return [];
    const m = await trx.selectFrom('milestones').select(['contract_id', 'number']).where('id', '=', id).executeTakeFirstOrThrow();
    const next = await trx.selectFrom('milestones').select(['id', 'pay_by']).where('contract_id', '=', m.contract_id).where('number', '=', m.number + 1).executeTakeFirst();
    if (next && next.pay_by === null) await makePayable(trx, next.id, at);
    const open = await trx.selectFrom('milestones').select('id').where('contract_id', '=', m.contract_id).where('stage', '<>', 'accepted').execute();
    if (open.length > 0) return [];
    const { after } = await runTransitionIn(ctx, trx, contractStore, m.contract_id, { actor: null, name: 'complete', input: {} });
    return after;
  },
};
