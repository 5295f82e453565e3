import { describe, expect, it } from 'vitest';
import { parsePdfDate } from '../../app/domain/pdf-date.js';
import { locateSignatures } from '../../app/domain/pdf-byte-range.js';

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const CONTRACT = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
const HEX = '3082000a0102030405060708090a0000';

/**
 * The contract plus an update whose signature dictionary is `dictionary`, with `RANGE` replaced by
 * the byte range a signing tool would write around the hex string `<HEX>` (or by `range(b, c, end)`).
 */
function signedFile(dictionary: string, range = (b: number, c: number, end: number) => `0 ${b} ${c} ${end - c}`): Uint8Array {
  const update = `\n2 0 obj\n${dictionary}\nendobj\nxref\n2 1\n0000000070 00000 n \ntrailer\n<< /Root 1 0 R /Prev 44 >>\nstartxref\n150\n%%EOF`;
  const width = 40;
  const draft = CONTRACT + update.replace('RANGE', ' '.repeat(width)).replace('<HEX>', `<${HEX}>`);
  const b = draft.indexOf(`<${HEX}>`);
  const c = b + HEX.length + 2;
  return bytes(draft.replace(' '.repeat(width), range(b, c, draft.length).padEnd(width)));
}

describe('locateSignatures', () => {
  it('finds a signature whatever the order and spacing of the dictionary, as Acrobat writes it compactly', () => {
    const file = signedFile("<</Contents<HEX>/Filter/Adobe.PPKLite/M(D:20260302100405+07'00')/ByteRange[RANGE]/SubFilter/ETSI.CAdES.detached/Type/Sig>>");
    const layout = locateSignatures(file, bytes(CONTRACT));
    expect(layout.ok).toBe(true);
    const [signature] = layout.ok ? layout.signatures : [];
    expect(signature?.end).toBe(file.length);
    expect(String.fromCharCode(...file.subarray(signature!.holeStart, signature!.holeEnd))).toBe(`<${HEX}>`);
    expect(Buffer.from(signature!.contents).toString('hex')).toBe(HEX);
    expect(signature?.claimedTime?.toISOString()).toBe('2026-03-02T03:04:05.000Z');
  });

  it('refuses a range that leaves out something other than the /Contents hex string', () => {
    const file = signedFile('<< /Type /Sig /Cert <HEX> /Contents <00> /ByteRange [RANGE] >>');
    expect(locateSignatures(file, bytes(CONTRACT))).toEqual({ ok: false, reason: 'altered_after_signing' });
  });

  it('refuses a range that does not start at the beginning of the file or stops short of its end', () => {
    const dictionary = '<< /Type /Sig /ByteRange [RANGE] /Contents <HEX> >>';
    const late = signedFile(dictionary, (b, c, end) => `10 ${b - 10} ${c} ${end - c}`);
    const short = signedFile(dictionary, (b, c, end) => `0 ${b} ${c} ${end - c - 5}`);
    expect(locateSignatures(late, bytes(CONTRACT))).toEqual({ ok: false, reason: 'altered_after_signing' });
    expect(locateSignatures(short, bytes(CONTRACT))).toEqual({ ok: false, reason: 'altered_after_signing' });
  });

  it('cannot read a byte range that is still a placeholder', () => {
    const file = signedFile('<< /Type /Sig /ByteRange [RANGE] /Contents <HEX> >>', () => '0 /********** /********** /**********');
    expect(locateSignatures(file, bytes(CONTRACT))).toEqual({ ok: false, reason: 'unreadable_signature' });
  });
});

describe('parsePdfDate', () => {
  it('reads dates as PDF writes them, with or without a time zone', () => {
    expect(parsePdfDate("D:20260302100405+07'00'")?.toISOString()).toBe('2026-03-02T03:04:05.000Z');
    expect(parsePdfDate('D:20261128134344Z')?.toISOString()).toBe('2026-11-28T13:43:44.000Z');
    expect(parsePdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(parsePdfDate('D:20260230')).toBeNull();
    expect(parsePdfDate('yesterday')).toBeNull();
  });
});
