// Where the signatures of a signed contract lie in its bytes, found by plain scanning, with no PDF
// parser. A PAdES signing tool appends an incremental update to the contract, holding a signature
// dictionary whose /ByteRange [a b c d] names the bytes signed, [a, a+b) and [c, c+d): the whole
// file but the hex string that /Contents holds (the CMS). Those offsets are written by whoever
// signed, so they are checked, not trusted: each range starts at 0, leaves out exactly that hex
// string, includes all of the contract and its own dictionary, and the last reaches the end of
// the file, so no byte was added or changed outside what somebody signed.
import { parsePdfDate } from './pdf-date.js';
import type { SignedPdfProblem } from './signed-pdf.js';

export type PdfSignature = {
  /** The hex string `<…>` left out of the signed bytes: from its `<` to just past its `>`. */
  holeStart: number;
  holeEnd: number;
  /** Where the signed bytes end (c + d). */
  end: number;
  /** The bytes /Contents holds: a DER CMS SignedData, padded with zeros. */
  contents: Uint8Array;
  /** The /M entry of the signature dictionary, if it holds a PDF date. */
  claimedTime: Date | null;
};

export type SignatureLayout = { ok: true; signatures: PdfSignature[] } | { ok: false; reason: SignedPdfProblem };

type Found = { ok: true; signature: PdfSignature } | { ok: false; reason: SignedPdfProblem };

const PDF_HEADER = Uint8Array.from('%PDF-', (c) => c.charCodeAt(0));
const WHITE = '[\\0\\t\\n\\f\\r ]';

/** The signatures appended to `original` in `signed`, in file order, or why there is none to check. */
export function locateSignatures(signed: Uint8Array, original: Uint8Array): SignatureLayout {
  if (!startsWith(signed, PDF_HEADER)) return { ok: false, reason: 'not_a_pdf' };
  if (!startsWith(signed, original)) return { ok: false, reason: 'not_the_contract' };
  const text = latin1(signed);
  const byteRange = new RegExp(`/ByteRange${WHITE}*\\[([^\\]]*)\\]`, 'g');
  byteRange.lastIndex = original.length;
  const signatures: PdfSignature[] = [];
  for (let m = byteRange.exec(text); m; m = byteRange.exec(text)) {
    const found = readSignature(text, signed, m.index, m[1]!, original.length);
    if (!found.ok) return found;
    signatures.push(found.signature);
  }
  if (signatures.length === 0) return { ok: false, reason: 'no_signature' };
  if (Math.max(...signatures.map((s) => s.end)) !== signed.length) return { ok: false, reason: 'altered_after_signing' };
  return { ok: true, signatures };
}

/** The bytes a signature covers: the file up to its end, without its /Contents hex string. */
export function signedBytes(file: Uint8Array, signature: PdfSignature): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(signature.end - (signature.holeEnd - signature.holeStart));
  out.set(file.subarray(0, signature.holeStart), 0);
  out.set(file.subarray(signature.holeEnd, signature.end), signature.holeStart);
  return out;
}

function readSignature(text: string, file: Uint8Array, at: number, range: string, contractEnd: number): Found {
  const numbers = range.trim().split(new RegExp(`${WHITE}+`));
  if (numbers.length !== 4 || !numbers.every((n) => /^\d{1,15}$/.test(n))) return { ok: false, reason: 'unreadable_signature' };
  const [a, b, c, d] = numbers.map(Number) as [number, number, number, number];

  // The indirect object holding this /ByteRange: after the previous `endobj`, up to its own.
  const previous = text.lastIndexOf('endobj', at);
  const objectStart = Math.max(previous === -1 ? 0 : previous + 'endobj'.length, contractEnd);
  const objectEnd = text.indexOf('endobj', at);
  if (objectEnd === -1) return { ok: false, reason: 'unreadable_signature' };

  const end = c + d;
  const covers = a === 0 && b >= contractEnd && b < c && end <= file.length && objectEnd + 'endobj'.length <= end;
  const hole = text.slice(b, c);
  const holeIsContents =
    b >= objectStart &&
    c <= objectEnd &&
    /^<[0-9A-Fa-f]*>$/.test(hole) &&
    text.slice(objectStart, b).replace(new RegExp(`${WHITE}+$`), '').endsWith('/Contents');
  if (!covers || !holeIsContents) return { ok: false, reason: 'altered_after_signing' };

  const time = new RegExp(`/M${WHITE}*\\(([^)]*)\\)`).exec(text.slice(objectStart, objectEnd));
  return {
    ok: true,
    signature: {
      holeStart: b,
      holeEnd: c,
      end,
      contents: hexBytes(hole.slice(1, -1)),
      claimedTime: time ? parsePdfDate(time[1]!) : null,
    },
  };
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** One character per byte, so string offsets are byte offsets. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return text;
}

/** A PDF hex string's bytes; an odd last digit is followed by 0 (ISO 32000-1, 7.3.4.3). */
function hexBytes(hex: string): Uint8Array {
  const even = hex.length % 2 === 0 ? hex : `${hex}0`;
  const bytes = new Uint8Array(even.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(even.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
