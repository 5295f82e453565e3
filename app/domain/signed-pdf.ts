// What checking a digitally signed contract (PAdES) says, as data: who signed, or why the file is
// refused, as a code that i18n renders. A party signs the generated contract PDF in its own
// signing tool and uploads it; app/services/signed-pdf.server.ts does the checking.

export const SIGNED_PDF_PROBLEMS = [
  'not_a_pdf',
  /** The file does not begin with the contract's bytes: another document, or re-saved. */
  'not_the_contract',
  /** The contract as generated, or with updates that hold no signature. */
  'no_signature',
  /** A signature does not cover the file, or what it covers is not what was signed. */
  'altered_after_signing',
  'signature_invalid',
  'unreadable_signature',
  'certificate_expired_at_signing',
  /** The signing time falls before the certificate's validity began. */
  'certificate_not_yet_valid_at_signing',
] as const;

export type SignedPdfProblem = (typeof SIGNED_PDF_PROBLEMS)[number];

/** A certificate's subject or issuer, as people read it. */
export type CertificateName = {
  commonName: string | null;
  organisation: string | null;
  /** The serialNumber attribute (2.5.4.5), where some CAs put a personal or tax number. */
  serialNumber: string | null;
  /** The UID attribute, where Vietnamese CAs write "MST:…" for a tax code or "CCCD:…" for a citizen ID. */
  userId: string | null;
  /** The tax code (MST) read from UID or serialNumber, if either holds one. */
  taxCode: string | null;
  /** Every attribute, the most specific first: "CN=…, O=…, C=VN". */
  text: string;
};

export type ContractSigner = {
  subject: CertificateName;
  issuer: CertificateName;
  /** The certificate's serial number, upper-case hex. */
  certificateSerial: string;
  validFrom: string;
  validTo: string;
  /**
   * The signing time the signer claims (the CMS signingTime attribute, else the /M entry of the
   * PDF signature dictionary), ISO; null when the file gives none. No timestamp token vouches for it.
   */
  signedAt: string | null;
  /** True when the certificate was valid at signedAt; null when there is no signedAt to check. */
  validAtSigning: true | null;
  /** The certificate is not traced to a licensed Vietnamese CA's root, nor checked for revocation. */
  chainChecked: false;
  digestAlgorithm: string;
};

export type SignedPdfCheck = { ok: true; signers: ContractSigner[] } | { ok: false; reason: SignedPdfProblem };
