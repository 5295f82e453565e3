// Signs contract PDFs in tests the way a party's signing tool would (PAdES): a certificate and
// key in a P12 made with node-forge; @signpdf/placeholder-plain appends an incremental update
// holding an empty signature dictionary, and @signpdf/signpdf writes the CMS into it. The signed
// file must begin with the bytes it was given, as a real tool's does.
//
// Certificates are issued by a test CA with an ASCII name, as Vietnamese CAs' names are
// ("VNPT Certification Authority"), not self-signed: node-forge reads a certificate back from a
// P12 with its UTF-8 names as raw bytes and UTF-8-encodes them again when it writes the signer's
// issuer (digitalbazaar/forge#847), so a signature by a self-signed "Nguyễn Văn A" names an
// issuer no certificate has, and no verifier finds its certificate.
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import forge from 'node-forge';

export type SigningIdentity = {
  p12: Buffer;
  certificate: forge.pki.Certificate;
  privateKey: forge.pki.rsa.PrivateKey;
};

export type IdentityOptions = {
  commonName?: string;
  organisation?: string;
  /** Written in the UID attribute as "MST:…", as Vietnamese CAs do. */
  taxCode?: string;
  notBefore?: Date;
  notAfter?: Date;
};

const DAY = 86_400_000;
let serial = 0x1000;

const TEST_CA_NAME = [
  { shortName: 'C', value: 'VN' },
  { shortName: 'O', value: 'OpenTEX Test' },
  { shortName: 'CN', value: 'OpenTEX Test CA' },
];

const ca = (() => {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const certificate = certificateFor(keys.publicKey, TEST_CA_NAME, new Date('2020-01-01T00:00:00Z'), new Date('2040-01-01T00:00:00Z'));
  certificate.setIssuer(TEST_CA_NAME);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  return { certificate, privateKey: keys.privateKey };
})();

/** A certificate from the test CA and its key, valid from yesterday for a year unless told otherwise. */
export function signingIdentity(options: IdentityOptions = {}): SigningIdentity {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  // forge reads valueTagClass as a tag number (Type); @types/node-forge calls it a Class.
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const subject: forge.pki.CertificateField[] = [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', value: options.organisation ?? 'Công ty TNHH Thử nghiệm', valueTagClass: utf8 },
    { shortName: 'CN', value: options.commonName ?? 'Nguyễn Văn A', valueTagClass: utf8 },
    ...(options.taxCode ? [{ type: '0.9.2342.19200300.100.1.1', value: `MST:${options.taxCode}`, valueTagClass: utf8 }] : []),
  ];
  const notBefore = options.notBefore ?? new Date(Date.now() - DAY);
  const certificate = certificateFor(keys.publicKey, subject, notBefore, options.notAfter ?? new Date(notBefore.getTime() + 365 * DAY));
  certificate.setIssuer(ca.certificate.subject.attributes);
  certificate.sign(ca.privateKey, forge.md.sha256.create());
  // With the CA's certificate, as a token's export holds the chain.
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate, ca.certificate], '', { algorithm: '3des' });
  return { p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), certificate, privateKey: keys.privateKey };
}

function certificateFor(publicKey: forge.pki.PublicKey, subject: forge.pki.CertificateField[], notBefore: Date, notAfter: Date) {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = (serial++).toString(16);
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = notAfter;
  certificate.setSubject(subject);
  return certificate;
}

export type SignOptions = {
  /** The time the signer claims, written both in the CMS and as the dictionary's /M. */
  signingTime?: Date;
  /** Sign with this key instead of the identity's own, while naming the identity's certificate: a forgery. */
  forgeWith?: forge.pki.rsa.PrivateKey;
};

/** `pdf` plus an incremental update holding `identity`'s signature over all of it. */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, options: SignOptions = {}): Promise<Buffer> {
  const signingTime = options.signingTime ?? new Date();
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: 'Ký hợp đồng chuyển giao công nghệ',
    contactInfo: 'ky-so@example.vn',
    name: identity.certificate.subject.getField('CN')?.value ?? '',
    location: 'Hà Nội',
    signingTime,
  });
  const signer = options.forgeWith ? new ClaimingSigner(identity.certificate, options.forgeWith) : new P12Signer(identity.p12);
  const signed = await new SignPdf().sign(withPlaceholder, signer, signingTime);
  if (!signed.subarray(0, pdf.length).equals(pdf)) throw new Error('signing rewrote the bytes it was given');
  return signed;
}

/** The CMS P12Signer writes, but signed with a key that is not the certificate's. */
class ClaimingSigner extends Signer {
  constructor(
    private readonly certificate: forge.pki.Certificate,
    private readonly key: forge.pki.rsa.PrivateKey,
  ) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    p7.addCertificate(this.certificate);
    p7.addSigner({
      key: this.key,
      certificate: this.certificate,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
        // forge takes a Date here, as P12Signer gives it; @types/node-forge says string.
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
