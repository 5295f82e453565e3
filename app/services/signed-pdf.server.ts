// Checks a contract PDF that a party signed in its own signing tool (PAdES) and uploaded: that it
// is the generated contract plus incremental updates whose signatures cover it
// (app/domain/pdf-byte-range.ts), that each CMS signature verifies over the bytes its /ByteRange
// names, and who signed. The certificate is not traced to a licensed Vietnamese CA's root, nor
// checked for revocation (`chainChecked: false`): what this proves is that whoever holds the key
// of the certificate shown signed exactly these bytes.
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { locateSignatures, signedBytes, type PdfSignature } from '../domain/pdf-byte-range.js';
import type { ContractSigner, SignedPdfCheck, SignedPdfProblem } from '../domain/signed-pdf.js';
import { certificateName } from './certificate-name.server.js';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';

const DIGESTS: Record<string, { node: string; name: string }> = {
  '1.3.14.3.2.26': { node: 'sha1', name: 'SHA-1' },
  '2.16.840.1.101.3.4.2.1': { node: 'sha256', name: 'SHA-256' },
  '2.16.840.1.101.3.4.2.2': { node: 'sha384', name: 'SHA-384' },
  '2.16.840.1.101.3.4.2.3': { node: 'sha512', name: 'SHA-512' },
};

// pkijs computes with WebCrypto; its engine is handed to each call rather than set globally.
const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

type Checked = { ok: true; signer: ContractSigner } | { ok: false; reason: SignedPdfProblem };

/** Who signed `signed`, the contract `original` plus signatures, in the order they signed; or why it is refused. */
export async function verifySignedContract(signed: Uint8Array, original: Uint8Array): Promise<SignedPdfCheck> {
  const layout = locateSignatures(signed, original);
  if (!layout.ok) return layout;
  const signers: ContractSigner[] = [];
  for (const signature of layout.signatures) {
    const checked = await checkSignature(signed, signature);
    if (!checked.ok) return checked;
    signers.push(checked.signer);
  }
  return { ok: true, signers };
}

async function checkSignature(file: Uint8Array, signature: PdfSignature): Promise<Checked> {
  const cms = readSignedData(signature.contents);
  if (!cms) return { ok: false, reason: 'unreadable_signature' };
  const signerInfo = cms.signerInfos[0];
  // PAdES has one signer and leaves the content out; with content embedded, pkijs would verify
  // that content instead of the file's bytes.
  if (!signerInfo || cms.signerInfos.length !== 1 || cms.encapContentInfo.eContent) return { ok: false, reason: 'signature_invalid' };
  const digest = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  if (!digest) return { ok: false, reason: 'unreadable_signature' };

  const data = signedBytes(file, signature);
  // Checked here as well as in pkijs to tell a changed file from a bad signature.
  if (signerInfo.signedAttrs) {
    const claimed = signedAttribute(signerInfo, MESSAGE_DIGEST);
    if (!(claimed instanceof asn1js.OctetString)) return { ok: false, reason: 'signature_invalid' };
    const actual = createHash(digest.node).update(data).digest();
    if (!actual.equals(claimed.valueBlock.valueHexView)) return { ok: false, reason: 'altered_after_signing' };
  }

  let result: pkijs.SignedDataVerifyResult;
  try {
    result = await cms.verify({ signer: 0, data: data.buffer, checkChain: false, extendedMode: true }, engine);
  } catch (error) {
    // pkijs reports every failure (no signer certificate, unsupported algorithm, …) this way.
    if (error instanceof pkijs.SignedDataVerifyError) return { ok: false, reason: 'signature_invalid' };
    throw error;
  }
  const certificate = result.signerCertificate;
  if (result.signatureVerified !== true || !certificate) return { ok: false, reason: 'signature_invalid' };

  const time = signedAttribute(signerInfo, SIGNING_TIME);
  const signedAt = time instanceof asn1js.UTCTime ? time.toDate() : signature.claimedTime;
  if (signedAt && signedAt > certificate.notAfter.value) return { ok: false, reason: 'certificate_expired_at_signing' };
  if (signedAt && signedAt < certificate.notBefore.value) return { ok: false, reason: 'certificate_not_yet_valid_at_signing' };

  return {
    ok: true,
    signer: {
      subject: certificateName(certificate.subject),
      issuer: certificateName(certificate.issuer),
      certificateSerial: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
      validFrom: certificate.notBefore.value.toISOString(),
      validTo: certificate.notAfter.value.toISOString(),
      signedAt: signedAt?.toISOString() ?? null,
      validAtSigning: signedAt ? true : null,
      chainChecked: false,
      digestAlgorithm: digest.name,
    },
  };
}

/** The CMS SignedData in a signature's /Contents (zero padding after it is ignored), or null. */
function readSignedData(der: Uint8Array): pkijs.SignedData | null {
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1) return null;
  try {
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    if (info.contentType !== SIGNED_DATA) return null;
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    // pkijs throws when the structure is not the one its schema describes: unreadable, as expected.
    return null;
  }
}

function signedAttribute(signerInfo: pkijs.SignerInfo, type: string): unknown {
  return signerInfo.signedAttrs?.attributes.find((attribute) => attribute.type === type)?.values[0];
}
