// What may be attached to a listing: documents and pictures a partner would read, small enough
// for weak connections. A file is what its bytes say, not what its name or browser claims.
export const ATTACHMENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Extensions a person may already have given a file of each type; any other is replaced. */
const KNOWN_EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  [DOCX]: ['docx'],
  [PPTX]: ['pptx'],
};

/** A file name safe to show and to send back in Content-Disposition. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f"<>|:*?\\]/g, '_').trim().slice(0, 200);
  return cleaned || 'attachment';
}

/**
 * The name a file is stored and downloaded under: its extension follows the checked type, so
 * `report.html` holding a PDF becomes `report.pdf` and never opens as a page.
 */
export function storedFilename(name: string, checkedType: string): string {
  const ext = ATTACHMENT_TYPES[checkedType];
  if (!ext) throw new Error(`Not an attachment type: ${checkedType}`);
  const cleaned = cleanFilename(name);
  const dot = cleaned.lastIndexOf('.');
  const current = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  if (KNOWN_EXTENSIONS[checkedType]!.includes(current)) return cleaned;
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).replace(/[.\s]+$/, '') || 'attachment';
  return `${stem.slice(0, 200 - ext.length - 1)}.${ext}`;
}

/** The attachment type the bytes prove, or null when they are none of the accepted ones. */
export function checkedType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return officeType(zipEntryNames(bytes));
  return null;
}

/**
 * The type a file is kept as: the one its bytes prove, when the browser's claim agrees (or it
 * claimed nothing useful); null when the file is refused.
 */
export function acceptedType(declared: string, bytes: Uint8Array): string | null {
  const checked = checkedType(bytes);
  if (!checked) return null;
  const vague = declared === '' || declared === 'application/octet-stream';
  return vague || declared === checked ? checked : null;
}

/**
 * An Office Open XML document is a zip with `[Content_Types].xml` and its main part's folder
 * (`word/` or `ppt/`). A Java archive (META-INF/MANIFEST.MF, classes) is not one, whatever it is called.
 */
export function officeType(names: readonly string[] | null): string | null {
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n === 'META-INF/MANIFEST.MF' || n.endsWith('.class'))) return null;
  const word = names.includes('word/document.xml');
  const ppt = names.includes('ppt/presentation.xml');
  if (word && !ppt) return DOCX;
  if (ppt && !word) return PPTX;
  return null;
}

/**
 * The entry names of a zip file, read from its central directory (APPNOTE 4.3.12, 4.3.16);
 * null when the bytes are not a well-formed zip. Reads names only, never inflates anything.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(end + 10);
  const size = u32(end + 12);
  let at = u32(end + 16);
  if (at + size > end) return null;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) return null;
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (next > end) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at = next;
  }
  return names;
}
