// Text people send is cleaned the same way everywhere (issue 7, findings 12 and 15): no NUL or
// other control characters, no bidirectional overrides, and nothing-but-invisible is empty.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { organisationEvidenceSchema } from '../../app/domain/account-input.js';
import { validateListingInput } from '../../app/domain/listing-input.js';
import { parseListingQuery } from '../../app/domain/listing-query.js';
import { cleaned, cleanText, cleanTextDeep, hasVisibleText, tidyLine, tidyText } from '../../app/domain/text.js';
import { AI_OFFER } from '../fixtures/market.js';

describe('cleanText', () => {
  it.each([
    ['a\u0000b', 'ab'],
    ['a\u0001\u0007\u0008\u000b\u000c\u001b\u007fb', 'ab'],
    ['a\u0080\u0085\u009fb', 'ab'],
    ['dòng 1\r\ndòng\t2\n', 'dòng 1\r\ndòng\t2\n'],
    ['báo cáo\u202Efdp.exe', 'báo cáofdp.exe'],
    ['\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069x', 'x'],
    ['a\ud800b\udc00c', 'abc'],
    ['nước 😀 \u{1F469}\u200D\u{1F4BB}', 'nước 😀 \u{1F469}\u200D\u{1F4BB}'],
  ])('cleans %j', (raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it('reaches every string of a JSON value, keys included', () => {
    expect(cleanTextDeep({ 't\u0000': ['a\u0000', 1, null, { b: '\u202Ec' }], n: 2, ok: true })).toEqual({ t: ['a', 1, null, { b: 'c' }], n: 2, ok: true });
  });
});

describe('invisible text', () => {
  const INVISIBLE_ONLY = ['\u200B\u200B\u200B\u200B\u200B', '\u200C\u200D\u2060\uFEFF\u00AD', '\u3164\u115F\u1160\uFFA0', '\u2800\u2800\u2800\u2800\u2800', ' \u00A0\u3000\u2003\t\n', '\u180E\u034F\uFE0F'];

  it.each(INVISIBLE_ONLY.map((s) => [JSON.stringify(s), s]))('%s shows nothing and tidies to empty', (_label, text) => {
    expect(hasVisibleText(text)).toBe(false);
    expect(tidyText(text)).toBe('');
  });

  it('keeps what shows, with joiners and accents inside words', () => {
    expect(hasVisibleText('\u200Bx')).toBe(true);
    expect(tidyText('\u200B  Công\u200Cnghệ \u{1F469}\u200D\u{1F4BB}\u2060 ')).toBe('Công\u200Cnghệ \u{1F469}\u200D\u{1F4BB}');
    expect(tidyLine('  Cảm biến\r\n\tđộ mặn ')).toBe('Cảm biến độ mặn');
  });

  it('makes a schema treat an invisible value as an empty one', () => {
    const name = cleaned(z.string().min(1, 'required'));
    expect(name.safeParse('\u200B\u2800').success).toBe(false);
    expect(name.parse(' Tên\u0000 ')).toBe('Tên');
    expect(name.safeParse(42).success).toBe(false);
  });
});

describe('sign-up evidence', () => {
  it('refuses a legal representative or document number made only of invisible characters', () => {
    const result = organisationEvidenceSchema.safeParse({ legalRepresentative: '\u200B\u200B\u200B', registrationDocument: '\u2060\u2060\u2060\u2060' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['legalRepresentative', 'registrationDocument']);
    expect(organisationEvidenceSchema.parse({ legalRepresentative: '\u202ENguyễn Văn A', registrationDocument: '0108887771' }).legalRepresentative).toBe('Nguyễn Văn A');
  });
});

describe('listing input', () => {
  it('refuses a title of zero-width spaces as too short, like an empty one', () => {
    const result = validateListingInput({ ...AI_OFFER, title: '\u200B'.repeat(12) });
    expect(result).toEqual({ ok: false, errors: { title: [{ code: 'too_short', params: { min: 5 } }] } });
  });

  it('removes bidirectional overrides and control characters from every text field', () => {
    const result = validateListingInput({
      ...AI_OFFER,
      title: '\u202EOCR\u0000 for forms',
      summary: 'Reads\u2066 Vietnamese\u2069 diacritics in scanned forms.',
      description: 'Line 1\r\nLine\u0007 2',
      keywords: ['\u200Bocr\u200B'],
      confidentialDetails: 'x\u0000',
    });
    expect(result.ok && result.value).toMatchObject({
      title: 'OCR for forms',
      summary: 'Reads Vietnamese diacritics in scanned forms.',
      description: 'Line 1\r\nLine 2',
      keywords: ['ocr'],
      confidentialDetails: 'x',
    });
  });

  it('cleans the search words of a query', () => {
    expect(parseListingQuery(new URLSearchParams('q=%00n%C6%B0%E1%BB%9Bc%E2%80%AE%00')).q).toBe('nước');
  });
});
