// The contract as a file: its PDF, rendered from the stored content of the current version (the
// same content gives the same bytes), and a party's upload of that PDF signed in its own signing
// tool (PAdES), which counts as its signature only if the bytes signed are exactly the contract's.
import { createHash } from 'node:crypto';
import { maySeeDeal } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment.js';
import type { AppContext } from '../context.server.js';
import { renderContractPdf } from './contract-pdf.server.js';
import { currentContent, signContract, type SignatureInput } from './contracts.server.js';
import { NotFoundError, invalidField } from './errors.js';
import { isUuid } from './listings.server.js';
import type { TransitionOutcome } from './process-runner.server.js';
import { verifySignedContract } from './signed-pdf.server.js';

/** The PDF of the contract's current version, for the two parties and curators. */
export async function contractPdf(ctx: AppContext, actor: Actor, contractId: string): Promise<{ filename: string; bytes: Buffer; sha256: string }> {
  if (!isUuid(contractId)) throw new NotFoundError('contract', contractId);
  const deal = await ctx.db
    .selectFrom('contracts as c')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .select(['d.buyer_organisation_id', 'd.seller_organisation_id'])
    .where('c.id', '=', contractId)
    .executeTakeFirst();
  if (!deal || !maySeeDeal(actor, { buyerOrganisationId: deal.buyer_organisation_id, sellerOrganisationId: deal.seller_organisation_id })) throw new NotFoundError('contract', contractId);
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
