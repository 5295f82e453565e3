// The contract's use cases: generated when a deal is agreed, revised when a party completes its
// details (a new version; every signature is void), signed by each party's authorised signer —
// by click, by uploading the generated PDF signed digitally, or by a scan of the signed paper the
// other side confirms. Every change of stage goes through the process runner.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../domain/actor.js';
import { buildContractContent, type ContractContent } from '../domain/contract.js';
import { contractDraft, type OrganisationRecord } from '../domain/contract-draft.js';
import { signingTransition, type ContractFacts } from '../domain/contract-process.js';
import { partiesOf, type Party } from '../domain/deal-process.js';
import type { TermSheet } from '../domain/deal-terms.js';
import { provinceName } from '../domain/provinces.js';
import type { IpStatus } from '../domain/taxonomy.js';
import type { AppContext } from '../context.server.js';
import { contractSha256 } from './contract-document.server.js';
import { contractStore } from './contract-store.server.js';
import { runTransition, runTransitionIn, type TransitionOutcome } from './process-runner.server.js';

async function organisationRecord(trx: Transaction<DB>, id: string): Promise<OrganisationRecord> {
  const o = await trx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const admin = await trx.selectFrom('users').select('email').where('organisation_id', '=', id).orderBy('role').orderBy('created_at').executeTakeFirst();
  return {
    name: o.name,
    taxCode: o.tax_code,
    address: o.address,
    legalRepresentative: o.legal_representative,
    representativeTitle: o.representative_title,
    email: admin?.email ?? 'lienhe@opentex.vn',
    provinceName: provinceName(o.province_code, 'vi'),
  };
}

/** A new version of the contract's content from the records as they are now; older signatures are void. */
async function makeVersion(trx: Transaction<DB>, contractId: string, by: string | null, at: Date): Promise<{ version: number; sha256: string }> {
  const c = await trx
    .selectFrom('contracts as c')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .innerJoin('listings as l', 'l.id', 'd.listing_id')
    .innerJoin('term_sheets as t', (j) => j.onRef('t.deal_id', '=', 'd.id').onRef('t.version', '=', 'd.agreed_terms_version'))
    .select(['c.number', 'c.content_version', 'c.ip_number', 'c.state_funded', 'd.buyer_organisation_id', 'd.seller_organisation_id', 'd.agreed_terms_sha256', 'l.id as listing_id', 'l.title', 'l.ip_status', 't.terms'])
    .where('c.id', '=', contractId)
    .executeTakeFirstOrThrow();
  const version = c.content_version + 1;
  const { input } = contractDraft({
    number: c.number,
    version,
    seller: await organisationRecord(trx, c.seller_organisation_id),
    buyer: await organisationRecord(trx, c.buyer_organisation_id),
    listing: { id: c.listing_id, title: c.title, ipStatus: c.ip_status as IpStatus | null },
    ipNumber: c.ip_number,
    stateFunded: c.state_funded,
    terms: c.terms as TermSheet,
    agreedTermsSha256: c.agreed_terms_sha256!,
    generatedAt: at,
  });
  const content = buildContractContent(input);
  const sha256 = contractSha256(content);
  await trx.insertInto('contract_versions').values({ contract_id: contractId, version, content: JSON.stringify(content), sha256, created_by: by, created_at: at }).execute();
  await trx.updateTable('contracts').set({ content_version: version, content_sha256: sha256 }).where('id', '=', contractId).execute();
  await trx.updateTable('contract_signatures').set({ voided_at: at }).where('contract_id', '=', contractId).where('content_version', '<', version).where('voided_at', 'is', null).execute();
  return { version, sha256 };
}

/** The contract of a deal just agreed, generated in the same transaction (the deal's runner calls this). */
export async function generateContractIn(ctx: Pick<AppContext, 'clock' | 'publicUrl'>, trx: Transaction<DB>, dealId: string, options: { express?: boolean } = {}) {
  const at = ctx.clock();
  const { n } = await trx.selectNoFrom((eb) => eb.fn<string>('nextval', [eb.val('contract_numbers')]).as('n')).executeTakeFirstOrThrow();
  const number = `OTX-${at.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
  const row = await trx.insertInto('contracts').values({ deal_id: dealId, number, stage: 'opening', express: options.express ?? false, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  await makeVersion(trx, row.id, null, at);
  const { after } = await runTransitionIn(ctx, trx, contractStore, row.id, { actor: null, name: 'generate', input: {} });
  return { id: row.id, number, after };
}

export interface PartyDetails {
  address: string;
  legalRepresentative: string;
  representativeTitle: string;
  /** The seller's patent or utility-solution number, when the technology has one. */
  ipNumber?: string | null;
  /** The seller declares the technology made with state capital or budget: the contract then says the transfer must be registered. */
  stateFunded?: boolean;
}

/** A signer completes or corrects its organisation's details: a new version, every signature void. */
export async function reviseContract(ctx: AppContext, actor: Actor, contractId: string, details: PartyDetails, version?: number | null): Promise<TransitionOutcome> {
  return runTransition(ctx, contractStore, contractId, {
    actor,
    name: 'revise',
    input: {},
    expectedVersion: version ?? null,
    write: async (trx, facts: ContractFacts) => {
      const party = partyOf(actor, facts);
      const organisationId = party === 'buyer' ? facts.buyerOrganisationId : facts.sellerOrganisationId;
      await trx
        .updateTable('organisations')
        .set({ address: details.address, legal_representative: details.legalRepresentative, representative_title: details.representativeTitle })
        .where('id', '=', organisationId)
        .execute();
      // What only the seller knows of its technology: the patent's number, and whether state money made it.
      if (party === 'seller') {
        const seller: { ip_number?: string | null; state_funded?: boolean } = {};
        if (details.ipNumber !== undefined) seller.ip_number = details.ipNumber || null;
        if (details.stateFunded !== undefined) seller.state_funded = details.stateFunded;
        if (Object.keys(seller).length) await trx.updateTable('contracts').set(seller).where('id', '=', contractId).execute();
      }
      // Milestones made at signing belong to the signed version: a new version to sign starts without them.
      await trx.deleteFrom('milestones').where('contract_id', '=', contractId).where('stage', '=', 'due').execute();
      const made = await makeVersion(trx, contractId, actor.userId, ctx.clock());
      return { contentVersion: made.version, sha256: made.sha256 };
    },
  });
}

const partyOf = (actor: Actor, facts: ContractFacts): Party => partiesOf(actor, facts)[0]!;

export interface SignatureInput {
  typedName: string;
  /** The content hash the signer read. */
  contentSha256: string;
  version?: number | null;
}

export interface SignatureEvidence {
  method: 'click' | 'digital';
  /** Where the signature came from (the client's address). */
  address: string | null;
  certificate?: unknown;
  document?: Uint8Array;
  documentSha256?: string;
}

/** A party's signature of the current version: the first signs, the second countersigns and the contract is signed. */
export async function signContract(ctx: AppContext, actor: Actor, contractId: string, input: SignatureInput, evidence: SignatureEvidence): Promise<TransitionOutcome> {
  const typedName = input.typedName.normalize('NFC').trim();
  return runTransition(ctx, contractStore, contractId, {
    actor,
    name: signingTransition,
    input: { typedName, contentSha256: input.contentSha256, method: evidence.method },
    expectedVersion: input.version ?? null,
    write: async (trx, facts) => {
      const at = ctx.clock();
      await trx
        .insertInto('contract_signatures')
        .values({
          contract_id: contractId,
          content_version: facts.contentVersion,
          content_sha256: facts.contentSha256!,
          party: partyOf(actor, facts),
          method: evidence.method,
          user_id: actor.userId,
          typed_name: typedName,
          signed_at: at,
          address: evidence.address,
          certificate: evidence.certificate ? JSON.stringify(evidence.certificate) : null,
          document: evidence.document ? Buffer.from(evidence.document) : null,
          document_sha256: evidence.documentSha256 ?? null,
        })
        .execute();
      return { method: evidence.method, contentVersion: facts.contentVersion, sha256: facts.contentSha256 };
    },
  });
}

/** A curator, as operator, ends a contract with a reason (a dispute, a party gone); its milestones stop. */
export async function terminateContract(ctx: AppContext, actor: Actor, contractId: string, reason: string, version?: number | null): Promise<TransitionOutcome> {
  return runTransition(ctx, contractStore, contractId, { actor, name: 'terminate', input: { reason }, expectedVersion: version ?? null });
}

/** The content of a contract's current version, as stored. */
export async function currentContent(db: AppContext['db'] | Transaction<DB>, contractId: string): Promise<{ content: ContractContent; sha256: string; version: number } | null> {
  const row = await db
    .selectFrom('contracts as c')
    .innerJoin('contract_versions as v', (j) => j.onRef('v.contract_id', '=', 'c.id').onRef('v.version', '=', 'c.content_version'))
    .select(['v.content', 'v.sha256', 'v.version'])
    .where('c.id', '=', contractId)
    .executeTakeFirst();
  return row ? { content: row.content as ContractContent, sha256: row.sha256, version: row.version } : null;
}
