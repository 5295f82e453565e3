// A party signs the generated contract in its own signing tool (PAdES) and uploads it: the
// platform accepts the file only if it is that contract plus signatures covering it, and shows
// who signed; anything else is refused with the reason a person is told.
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifySignedContract } from '../../app/services/signed-pdf.server.js';
import { signingIdentity, signPdf, type SigningIdentity } from '../support/sign-pdf.js';

const SIGNED_AT = new Date('2026-03-02T03:04:05Z');
const VALID_FROM = new Date('2026-01-01T00:00:00Z');
const VALID_TO = new Date('2027-01-01T00:00:00Z');

/** A small contract, the same bytes every time (fixed creation date, so a fixed /ID). */
function contractPdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info: { Title: 'Hop dong', CreationDate: new Date('2026-02-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

/** An incremental update with no signature in it, as an editor saving a change would append. */
function appendUpdate(pdf: Buffer): Buffer {
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.toString('latin1'))?.[1];
  const object = `\n99 0 obj\n<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (Price: 1 VND) >>\nendobj\n`;
  const xrefAt = pdf.length + object.length;
  const xref = `xref\n99 1\n${String(pdf.length + 1).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 100 /Root 3 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF`;
  return Buffer.concat([pdf, Buffer.from(object + xref, 'latin1')]);
}

/** The file with the DER in its last /Contents changed by `change`, the hex string keeping its length. */
function withContents(pdf: Buffer, change: (der: Uint8Array) => void): Buffer {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/Contents <') + '/Contents <'.length;
  const hex = text.slice(at, text.indexOf('>', at));
  const der = Buffer.from(hex, 'hex');
  change(der);
  return Buffer.concat([pdf.subarray(0, at), Buffer.from(der.toString('hex'), 'latin1'), pdf.subarray(at + hex.length)]);
}

describe('verifySignedContract', () => {
  let contract: Buffer;
  let buyer: SigningIdentity;
  let seller: SigningIdentity;
  let signed: Buffer;

  beforeAll(async () => {
    contract = await contractPdf(['Technology transfer contract No. 2026/001', 'Price: 500,000,000 VND', 'Paid in two milestones.']);
    buyer = signingIdentity({ taxCode: '0312345678', notBefore: VALID_FROM, notAfter: VALID_TO });
    seller = signingIdentity({ commonName: 'Trần Thị Bích', organisation: 'Công ty Cổ phần Bên Bán', notBefore: VALID_FROM, notAfter: VALID_TO });
    signed = await signPdf(contract, buyer, { signingTime: SIGNED_AT });
  });

  it('makes the same contract bytes each time, as the stored hash needs', async () => {
    expect((await contractPdf(['a', 'b'])).equals(await contractPdf(['a', 'b']))).toBe(true);
  });

  it('accepts the contract signed by a party and shows who signed, Vietnamese letters intact', async () => {
    const check = await verifySignedContract(signed, contract);
    const subject = {
      commonName: 'Nguyễn Văn A',
      organisation: 'Công ty TNHH Thử nghiệm',
      serialNumber: null,
      userId: 'MST:0312345678',
      taxCode: '0312345678',
      text: 'UID=MST:0312345678, CN=Nguyễn Văn A, O=Công ty TNHH Thử nghiệm, C=VN',
    };
    expect(check).toEqual({
      ok: true,
      signers: [
        {
          subject,
          issuer: {
            commonName: 'OpenTEX Test CA',
            organisation: 'OpenTEX Test',
            serialNumber: null,
            userId: null,
            taxCode: null,
            text: 'CN=OpenTEX Test CA, O=OpenTEX Test, C=VN',
          },
          certificateSerial: expect.stringMatching(/^[0-9A-F]+$/),
          validFrom: VALID_FROM.toISOString(),
          validTo: VALID_TO.toISOString(),
          signedAt: SIGNED_AT.toISOString(),
          validAtSigning: true,
          chainChecked: false,
          digestAlgorithm: 'SHA-256',
        },
      ],
    });
  });

  it('refuses a signed file of another document', async () => {
    const other = await contractPdf(['Technology transfer contract No. 2026/001', 'Price: 5,000,000 VND', 'Paid in two milestones.']);
    expect(await verifySignedContract(await signPdf(other, buyer, { signingTime: SIGNED_AT }), contract)).toEqual({ ok: false, reason: 'not_the_contract' });
  });

  it('refuses a file whose contract bytes were changed', async () => {
    const changed = Buffer.from(signed);
    changed[200] = changed[200]! ^ 0x01;
    // The check against the contract's own bytes comes first, so this is not even the contract.
    expect(await verifySignedContract(changed, contract)).toEqual({ ok: false, reason: 'not_the_contract' });
  });

  it('refuses a file changed after signing in the signed part of the update', async () => {
    const text = signed.toString('latin1');
    const at = text.indexOf('ky-so@example.vn', contract.length);
    const changed = Buffer.concat([signed.subarray(0, at), Buffer.from('ky-so@example.vm'), signed.subarray(at + 16)]);
    // The CMS is untouched and its signature still verifies over its signed attributes; what no
    // longer holds is their messageDigest, the hash of the bytes signed: the file changed since.
    expect(await verifySignedContract(changed, contract)).toEqual({ ok: false, reason: 'altered_after_signing' });
  });

  it('refuses a file with an update appended after signing', async () => {
    expect(await verifySignedContract(appendUpdate(signed), contract)).toEqual({ ok: false, reason: 'altered_after_signing' });
  });

  it('refuses a signature made with another key in the name of the certificate', async () => {
    const forged = await signPdf(contract, buyer, { signingTime: SIGNED_AT, forgeWith: seller.privateKey });
    expect(await verifySignedContract(forged, contract)).toEqual({ ok: false, reason: 'signature_invalid' });
  });

  it('refuses a signature whose signature value was changed', async () => {
    const flipped = withContents(signed, (der) => {
      // The RSA signature value ends the SignerInfo, so it ends the DER; the zero padding follows.
      const end = asn1js.fromBER(der).offset;
      der[end - 10] = der[end - 10]! ^ 0xff;
    });
    expect(await verifySignedContract(flipped, contract)).toEqual({ ok: false, reason: 'signature_invalid' });
  });

  it('refuses a signature that is not a CMS structure', async () => {
    const garbled = withContents(signed, (der) => {
      der[0] = 0x04; // an OCTET STRING where the ContentInfo SEQUENCE was
    });
    expect(await verifySignedContract(garbled, contract)).toEqual({ ok: false, reason: 'unreadable_signature' });
  });

  it('refuses the contract uploaded unsigned, or with an update but no signature', async () => {
    expect(await verifySignedContract(contract, contract)).toEqual({ ok: false, reason: 'no_signature' });
    expect(await verifySignedContract(appendUpdate(contract), contract)).toEqual({ ok: false, reason: 'no_signature' });
  });

  it('refuses a file that is not a PDF', async () => {
    expect(await verifySignedContract(randomBytes(4096), contract)).toEqual({ ok: false, reason: 'not_a_pdf' });
  });

  it('refuses a signature made when the certificate had expired, or was not yet valid', async () => {
    const expired = signingIdentity({ notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z') });
    const early = signingIdentity({ notBefore: new Date('2026-06-01T00:00:00Z'), notAfter: VALID_TO });
    expect(await verifySignedContract(await signPdf(contract, expired, { signingTime: SIGNED_AT }), contract)).toEqual({
      ok: false,
      reason: 'certificate_expired_at_signing',
    });
    expect(await verifySignedContract(await signPdf(contract, early, { signingTime: SIGNED_AT }), contract)).toEqual({
      ok: false,
      reason: 'certificate_not_yet_valid_at_signing',
    });
  });

  it('shows both parties when the buyer signs and then the seller signs the buyer’s file', async () => {
    const sellerSignedAt = new Date('2026-03-05T08:00:00Z');
    const both = await signPdf(signed, seller, { signingTime: sellerSignedAt });
    const check = await verifySignedContract(both, contract);
    expect(check.ok && check.signers.map((s) => [s.subject.commonName, s.subject.organisation, s.signedAt])).toEqual([
      ['Nguyễn Văn A', 'Công ty TNHH Thử nghiệm', SIGNED_AT.toISOString()],
      ['Trần Thị Bích', 'Công ty Cổ phần Bên Bán', sellerSignedAt.toISOString()],
    ]);
    expect(await verifySignedContract(appendUpdate(both), contract)).toEqual({ ok: false, reason: 'altered_after_signing' });
  });
});
