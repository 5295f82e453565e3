// The contract and milestone pages' (and the API's) data: what the reader may see, and the
// transitions the engine offers them (neither has action lists of its own).
import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { maySeeDeal, maySignFor } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { bankByCode } from '../domain/banks.js';
import { BLANK, type ContractContent } from '../domain/contract.js';
import { CONTRACT_PROCESS } from '../domain/contract-process.js';
import { contractText } from '../domain/contract-text.js';
import type { ContractView, MilestoneCard, MilestoneDetails, MilestoneView } from '../domain/contract-view.js';
import { partiesOf } from '../domain/deal-process.js';
import { MILESTONE_PROCESS, isOverdue } from '../domain/milestone-process.js';
import { availableTransitions } from '../domain/process.js';
import { vietQrForAccount } from '../domain/vietqr.js';
import { cardAmountProblem } from '../domain/card-payment.js';
import { formatVnd } from '../domain/money.js';
import type { AppContext } from '../context.server.js';
import { vietQrSvg } from '../payments/vietqr-svg.server.js';
import { readContract, readMilestone } from './contract-store.server.js';
import { NotFoundError } from './errors.js';
import { isUuid } from './listings.server.js';

const unblank = (value: string) => (value === BLANK ? '' : value);

const milestoneCard = (now: Date) => (m: Selectable<DB['milestones']>): MilestoneCard => ({
  id: m.id,
  number: m.number,
  amount: Number(m.amount),
  condition: m.condition,
  deliverable: m.deliverable,
  stage: m.stage,
  version: m.version,
  transferReference: m.transfer_reference,
  payBy: m.pay_by?.toISOString() ?? null,
  overdue: isOverdue({ stage: m.stage, payBy: m.pay_by }, now),
});

export async function getContract(ctx: AppContext, actor: Actor, id: string): Promise<ContractView> {
  if (!isUuid(id)) throw new NotFoundError('contract', id);
  return ctx.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    // The facts a transition would see, read without the runner's lock: a page view never waits on a signature.
    const locked = await readContract(trx, id, false);
    if (!locked || !maySeeDeal(actor, locked.facts)) throw new NotFoundError('contract', id);
    const row = await trx
      .selectFrom('contracts as c')
      .innerJoin('contract_versions as v', (j) => j.onRef('v.contract_id', '=', 'c.id').onRef('v.version', '=', 'c.content_version'))
      .select(['c.deal_id', 'c.number', 'c.ip_number', 'c.state_funded', 'v.content', 'v.sha256'])
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();
    const content = row.content as ContractContent;
    const party = partiesOf(actor, locked.facts)[0] ?? null;
    const signs = party !== null && maySignFor(actor, party === 'buyer' ? locked.facts.buyerOrganisationId : locked.facts.sellerOrganisationId);
    const own = party ? content.parties[party] : null;
    const signatures = await trx
      .selectFrom('contract_signatures')
      .select(['party', 'method', 'typed_name', 'signed_at', 'certificate'])
      .where('contract_id', '=', id)
      .where('content_version', '=', locked.facts.contentVersion)
      .where('voided_at', 'is', null)
      .orderBy('signed_at')
      .execute();
    const milestones = await trx.selectFrom('milestones').selectAll().where('contract_id', '=', id).orderBy('number').execute();
    return {
      id,
      dealId: row.deal_id,
      number: row.number,
      stage: locked.facts.stage,
      version: locked.version,
      contentVersion: locked.facts.contentVersion,
      contentSha256: row.sha256,
      text: contractText(content),
      gaps: [...locked.facts.gaps],
      paperUploadedBy: locked.facts.paperUploadedBy,
      ownDetails: signs && own ? { address: unblank(own.address), legalRepresentative: unblank(own.legalRepresentative), representativeTitle: unblank(own.representativeTitle), ipNumber: party === 'seller' ? row.ip_number : null, stateFunded: party === 'seller' ? row.state_funded : null } : null,
      signatures: signatures.map((s) => ({ party: s.party, method: s.method, typedName: s.typed_name, at: s.signed_at.toISOString(), certificate: s.certificate ? String((s.certificate as { subject?: string }).subject ?? '') : null })),
      milestones: milestones.map(milestoneCard(ctx.clock())),
      party,
      transitions: availableTransitions(CONTRACT_PROCESS, locked.facts, actor),
    };
  });
}

/** A 404 unless the contract exists and the actor is one of its two organisations or a curator. */
export async function requireVisibleContract(ctx: Pick<AppContext, 'db'>, actor: Actor, contractId: string): Promise<void> {
  if (!isUuid(contractId)) throw new NotFoundError('contract', contractId);
  const deal = await ctx.db
    .selectFrom('contracts as c')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .select(['d.buyer_organisation_id', 'd.seller_organisation_id'])
    .where('c.id', '=', contractId)
    .executeTakeFirst();
  if (!deal || !maySeeDeal(actor, { buyerOrganisationId: deal.buyer_organisation_id, sellerOrganisationId: deal.seller_organisation_id })) throw new NotFoundError('contract', contractId);
}

/** A contract's milestones in order, for its two organisations and curators. */
export async function listMilestones(ctx: AppContext, actor: Actor, contractId: string): Promise<MilestoneCard[]> {
  await requireVisibleContract(ctx, actor, contractId);
  const rows = await ctx.db.selectFrom('milestones').selectAll().where('contract_id', '=', contractId).orderBy('number').execute();
  return rows.map(milestoneCard(ctx.clock()));
}

/** A milestone as the reader may see it: the VietQR payload, while the buyer has to pay, but no picture of it. */
export async function getMilestoneDetails(ctx: AppContext, actor: Actor, id: string): Promise<MilestoneDetails> {
  if (!isUuid(id)) throw new NotFoundError('milestone', id);
  const data = await ctx.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const locked = await readMilestone(trx, id, false);
    if (!locked || !maySeeDeal(actor, locked.facts)) throw new NotFoundError('milestone', id);
    const m = await trx
      .selectFrom('milestones as m')
      .innerJoin('contracts as c', 'c.id', 'm.contract_id')
      .innerJoin('deals as d', 'd.id', 'c.deal_id')
      .leftJoin('bank_accounts as b', 'b.organisation_id', 'd.seller_organisation_id')
      .select(['m.id', 'm.number', 'm.amount', 'm.condition', 'm.deliverable', 'm.stage', 'm.version', 'm.transfer_reference', 'm.pay_by', 'c.id as contract_id', 'c.number as contract_number', 'c.stage as contract_stage', 'b.bank_code', 'b.account_number', 'b.holder_name'])
      .where('m.id', '=', id)
      .executeTakeFirstOrThrow();
    const payments = await trx.selectFrom('payments').select(['provider', 'status', 'amount', 'created_at']).where('milestone_id', '=', id).orderBy('created_at').execute();
    const history = await trx.selectFrom('audit_events').select(['action', 'reason', 'at']).where('entity_type', '=', 'milestone').where('entity_id', '=', id).orderBy('id').execute();
    return { locked, m, payments, history };
  });
  const { locked, m } = data;
  const party = partiesOf(actor, locked.facts)[0] ?? null;
  const bank = m.bank_code ? bankByCode(m.bank_code) : undefined;
  const payable = party === 'buyer' && m.stage === 'due' && m.contract_stage === 'signed';
  const amount = Number(m.amount);
  const bankTransfer =
    payable && bank && m.account_number && m.holder_name
      ? {
          bankName: `${bank.shortName} — ${bank.vi}`,
          accountNumber: m.account_number,
          holderName: m.holder_name,
          qrPayload: vietQrForAccount({ bankCode: bank.code, accountNumber: m.account_number, holderName: m.holder_name }, { amount, purpose: m.transfer_reference }),
        }
      : null;
  return {
    id: m.id,
    number: m.number,
    amount,
    condition: m.condition,
    deliverable: m.deliverable,
    stage: m.stage,
    version: m.version,
    transferReference: m.transfer_reference,
    payBy: m.pay_by?.toISOString() ?? null,
    overdue: isOverdue({ stage: m.stage, payBy: m.pay_by }, ctx.clock()),
    contractId: m.contract_id,
    contractNumber: m.contract_number,
    contractStage: m.contract_stage,
    party,
    transitions: availableTransitions(MILESTONE_PROCESS, locked.facts, actor),
    bankTransfer,
    card: payable ? cardOption(ctx, amount) : null,
    payments: data.payments.map((p) => ({ provider: p.provider, status: p.status, amount: Number(p.amount), at: p.created_at.toISOString() })),
    history: data.history.map((h) => ({ action: h.action, note: h.reason, at: h.at.toISOString() })),
  };
}

/** Whether the buyer may pay this amount by card now: Stripe configured, the amount within its limit. */
function cardOption(ctx: AppContext, amount: number): MilestoneDetails['card'] {
  if (!ctx.payments?.card) return { available: false, problem: { code: 'card_unavailable' } };
  const tooLarge = cardAmountProblem(amount);
  return tooLarge ? { available: false, problem: tooLarge } : { available: true };
}

/** The milestone page's data: the details, with the VietQR code drawn as SVG and titled in the reader's language. */
export async function getMilestone(ctx: AppContext, actor: Actor, id: string, lang: 'vi' | 'en'): Promise<MilestoneView> {
  const m = await getMilestoneDetails(ctx, actor, id);
  const transfer = m.bankTransfer;
  if (!transfer) return { ...m, bankTransfer: null };
  const title = lang === 'vi' ? `Mã VietQR: chuyển ${formatVnd(m.amount)} đến ${transfer.holderName}` : `VietQR code: transfer ${formatVnd(m.amount)} to ${transfer.holderName}`;
  return { ...m, bankTransfer: { ...transfer, qrSvg: await vietQrSvg(transfer.qrPayload, title) } };
}
