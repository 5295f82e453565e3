// The contract as a file: its PDF, rendered from the stored content of the current version (the
// same content gives the same bytes), and a party's upload of that PDF signed in its own signing
// tool (PAdES), which counts as its signature only if the bytes signed are exactly the contract's;
// or a scan of the paper contract signed and sealed by both, which counts once the other side confirms it.
import { createHash } from 'node:crypto';
import type { Actor } from '../domain/actor.js';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, acceptedType, checkedType } from '../domain/attachment.js';
import { partiesOf } from '../domain/deal-process.js';
import type { AppContext } from '../context.server.js';
import { renderContractPdf } from './contract-pdf.server.js';
import { currentContent, signContract, type SignatureInput } from './contracts.server.js';
import { NotFoundError, invalidField } from './errors.js';
import { contractStore } from './contract-store.server.js';
import { requireVisibleContract } from './contract-views.server.js';
import { runTransition, type TransitionOutcome } from './process-runner.server.js';
import { verifySignedContract } from './signed-pdf.server.js';

/** The PDF of the contract's current version, for the two parties and curators. */
export async function contractPdf(ctx: AppContext, actor: Actor, contractId: string): Promise<{ filename: string; bytes: Buffer; sha256: string }> {
  await requireVisibleContract(ctx, actor, contractId);
  const current = await currentContent(ctx.db, contractId);
  if (!current) throw new NotFoundError('contract', contractId);
  const bytes = await renderContractPdf(current.content, current.sha256);
  return { filename: `${current.content.number}-v${current.version}.pdf`, bytes, sha256: current.sha256 };
}

/** A party's signature by the generated PDF signed digitally: refused, with the reason, unless the signed bytes are the contract's. */
export async function signContractDigitally(ctx: AppContext, actor: Actor, contractId: string, input: SignatureInput, signed: Uint8Array, address: string | null): Promise<TransitionOutcome> {
  // Somebody who may not see the contract learns nothing of it, whatever the file: 404 first.
  const original = await contractPdf(ctx, actor, contractId);
  if (signed.length === 0) throw invalidField('file', 'file_required');
  if (signed.length > MAX_ATTACHMENT_BYTES * 4) throw invalidField('file', 'file_too_large', { mb: (MAX_ATTACHMENT_BYTES * 4) / 1024 / 1024 });
  // The upload must be of the version the signer read: another version's PDF is not this contract.
  if (original.sha256 !== input.contentSha256) throw invalidField('file', 'not_the_contract');
  const check = await verifySignedContract(signed, original.bytes);
  if (!check.ok) throw invalidField('file', check.reason);
  const signer = check.signers[check.signers.length - 1]!;
  return signContract(ctx, actor, contractId, input, {
    method: 'digital',
    address,
    certificate: { subject: signer.subject.text, issuer: signer.issuer.text, validFrom: signer.validFrom, validTo: signer.validTo, signedAt: signer.signedAt, serial: signer.certificateSerial, chainChecked: false },
    document: signed,
    documentSha256: createHash('sha256').update(signed).digest('hex'),
  });
}

/** A scan of the paper contract both signed and sealed, uploaded by one party; it counts once the other confirms it. */
export async function uploadPaperScan(ctx: AppContext, actor: Actor, contractId: string, input: SignatureInput, file: { name: string; type: string; bytes: Uint8Array } | undefined, address: string | null): Promise<TransitionOutcome> {
  if (!file || file.bytes.length === 0) throw invalidField('file', 'file_required');
  if (file.bytes.length > MAX_ATTACHMENT_BYTES * 4) throw invalidField('file', 'file_too_large', { mb: (MAX_ATTACHMENT_BYTES * 4) / 1024 / 1024 });
  const type = acceptedType(file.type, file.bytes);
  if (type !== 'application/pdf' && type !== 'image/png' && type !== 'image/jpeg') throw invalidField('file', 'scan_type');
  const typedName = input.typedName.normalize('NFC').trim();
  return runTransition(ctx, contractStore, contractId, {
    actor,
    name: 'upload_paper',
    input: { typedName, contentSha256: input.contentSha256, method: 'paper' },
    expectedVersion: input.version ?? null,
    write: async (trx, facts) => {
      await trx
        .insertInto('contract_signatures')
        .values({
          contract_id: contractId,
          content_version: facts.contentVersion,
          content_sha256: facts.contentSha256!,
          party: partiesOf(actor, facts)[0]!,
          method: 'paper',
          user_id: actor.userId,
          typed_name: typedName,
          signed_at: ctx.clock(),
          address,
          document: Buffer.from(file.bytes),
          document_sha256: createHash('sha256').update(file.bytes).digest('hex'),
        })
        .execute();
      return { method: 'paper' };
    },
  });
}

/** The other party confirms the scan is the contract both signed: both parties' signatures count, and the contract is signed. */
export async function confirmPaperScan(ctx: AppContext, actor: Actor, contractId: string, input: SignatureInput, address: string | null): Promise<TransitionOutcome> {
  const typedName = input.typedName.normalize('NFC').trim();
  return runTransition(ctx, contractStore, contractId, {
    actor,
    name: 'confirm_paper',
    input: { typedName, contentSha256: input.contentSha256, method: 'paper' },
    expectedVersion: input.version ?? null,
    write: async (trx, facts) => {
      const at = ctx.clock();
      const party = partiesOf(actor, facts)[0]!;
      await trx
        .updateTable('contract_signatures')
        .set({ confirmed_by: actor.userId, confirmed_at: at })
        .where('contract_id', '=', contractId)
        .where('content_version', '=', facts.contentVersion)
        .where('method', '=', 'paper')
        .where('voided_at', 'is', null)
        .execute();
      await trx
        .insertInto('contract_signatures')
        .values({ contract_id: contractId, content_version: facts.contentVersion, content_sha256: facts.contentSha256!, party, method: 'paper', user_id: actor.userId, typed_name: typedName, signed_at: at, address, confirmed_by: actor.userId, confirmed_at: at })
        .execute();
      return { method: 'paper' };
    },
  });
}

/** The uploaded scan of the paper contract, for the two parties and curators. */
export async function paperScan(ctx: AppContext, actor: Actor, contractId: string): Promise<{ filename: string; contentType: string; bytes: Buffer }> {
  const { filename } = await contractPdf(ctx, actor, contractId);
  const row = await ctx.db
    .selectFrom('contract_signatures')
    .select(['document'])
    .where('contract_id', '=', contractId)
    .where('method', '=', 'paper')
    .where('voided_at', 'is', null)
    .where('document', 'is not', null)
    .orderBy('signed_at', 'desc')
    .executeTakeFirst();
  if (!row?.document) throw new NotFoundError('contract', contractId);
  const type = checkedType(row.document) ?? 'application/octet-stream';
  return { filename: filename.replace(/\.pdf$/, `-scan.${ATTACHMENT_TYPES[type] ?? 'bin'}`), contentType: type, bytes: row.document };
}
