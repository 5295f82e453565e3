import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, fieldOfHeader } from '../../app/domain/bulk-import-columns.js';
import { MAX_IMPORT_ROWS, checkSheet, templateRows } from '../../app/domain/bulk-import.js';

const VI_HEADERS = IMPORT_COLUMNS.map((c) => c.vi);
const EXAMPLE = IMPORT_COLUMNS.map((c) => c.example);

describe('header mapping', () => {
  it('reads Vietnamese and English headers, with or without accents, in any case', () => {
    expect(fieldOfHeader('Tiêu đề')).toBe('title');
    expect(fieldOfHeader('TIEU DE')).toBe('title');
    expect(fieldOfHeader('  title ')).toBe('title');
    expect(fieldOfHeader('Mã tham chiếu')).toBe('reference');
    expect(fieldOfHeader('ma tham chieu')).toBe('reference');
    expect(fieldOfHeader('REFERENCE')).toBe('reference');
    expect(fieldOfHeader('Lĩnh vực')).toBe('sectors');
    expect(fieldOfHeader('Phương thức chuyển giao')).toBe('transferModes');
    expect(fieldOfHeader('Transfer Modes')).toBe('transferModes');
    expect(fieldOfHeader('Giá từ (VND)')).toBe('priceMin');
    expect(fieldOfHeader('Tỉnh/Thành phố')).toBe('province');
    expect(fieldOfHeader('Ghi chú nội bộ')).toBeNull();
  });

  it('gives every column a distinct header in each language', () => {
    for (const lang of ['vi', 'en'] as const) {
      const folded = templateRows(lang)[0]!.map((h) => fieldOfHeader(h));
      expect(folded).toEqual(IMPORT_COLUMNS.map((c) => c.field));
    }
  });
});

describe('row checks', () => {
  it('accepts the template example as an offer, by the listing schema', () => {
    const checked = checkSheet({ headers: VI_HEADERS, rows: [EXAMPLE] });
    expect(checked.problems).toEqual([]);
    expect(checked.rows[0]!.errors).toEqual({});
    expect(checked.rows[0]!.input).toMatchObject({ kind: 'offer', trl: 7, ipStatus: 'patent_granted', province: 'can-tho', priceMin: 800_000_000, priceNegotiable: false });
  });

  it('reports each error with its spreadsheet row and field, by the listing rules', () => {
    const at = (field: string) => IMPORT_COLUMNS.findIndex((c) => c.field === field);
    const bad = (changes: Record<string, string>) => EXAMPLE.map((cell, i) => changes[IMPORT_COLUMNS[i]!.field] ?? cell);
    const checked = checkSheet({
      headers: VI_HEADERS,
      rows: [EXAMPLE, bad({ trl: '12', reference: 'R-2' }), ['', ''], bad({ sectors: 'space_mining', reference: 'R-3' }), bad({ priceMin: '9.000.000.000', reference: 'R-4' }), bad({ ipStatus: '', reference: 'R-5' }), bad({})],
    });
    expect(at('trl')).toBeGreaterThan(0);
    const errors = Object.fromEntries(checked.rows.map((r) => [r.row, r.errors]));
    expect(checked.rows.map((r) => r.row)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(Object.keys(errors[3]!)).toEqual(['trl']);
    expect(errors[3]!.trl![0]!.code).toBe('trl_range');
    expect(Object.keys(errors[5]!)).toEqual(['sectors']);
    expect(errors[6]).toEqual({ priceMax: [{ code: 'below_minimum' }] });
    expect(errors[7]).toEqual({ ipStatus: [{ code: 'offer_needs_ip_status' }] });
    expect(errors[8]).toEqual({ reference: [{ code: 'import_duplicate_reference', params: { row: 2 } }] });
    expect(checked.rows.filter((r) => r.input !== null).map((r) => r.row)).toEqual([2]);
  });

  it('refuses a file over the row limit, and one without a required column, as a whole', () => {
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => EXAMPLE.map((c, j) => (j === 0 ? `R-${i}` : c)));
    expect(checkSheet({ headers: VI_HEADERS, rows: many }).problems).toEqual([{ code: 'import_too_many_rows', params: { max: 1000, count: 1001 } }]);
    expect(checkSheet({ headers: VI_HEADERS, rows: many.slice(0, MAX_IMPORT_ROWS) }).problems).toEqual([]);
    const noTitle = checkSheet({ headers: VI_HEADERS.map((h) => (h === 'Tiêu đề' ? 'Ghi chú' : h)), rows: [EXAMPLE] });
    expect(noTitle.problems).toEqual([{ code: 'import_missing_column', params: { vi: 'Tiêu đề', en: 'Title' } }]);
  });

  it('reads provinces by name and yes/no in either language', () => {
    const row = EXAMPLE.map((cell, i) => ({ province: 'Thành phố Cần Thơ', priceNegotiable: 'Có', anonymous: 'yes' })[IMPORT_COLUMNS[i]!.field as string] ?? cell);
    const withName = checkSheet({ headers: VI_HEADERS, rows: [row.map((c, i) => (IMPORT_COLUMNS[i]!.field === 'province' ? 'Cần Thơ' : c))] });
    expect(withName.rows[0]!.input).toMatchObject({ province: 'can-tho', priceNegotiable: true, anonymous: true });
  });

  it('reads a language by its name, and leaves an empty one to be detected from the text', () => {
    const withLanguage = (language: string) => checkSheet({ headers: VI_HEADERS, rows: [EXAMPLE.map((c, i) => (IMPORT_COLUMNS[i]!.field === 'language' ? language : c))] }).rows[0]!;
    expect(withLanguage('Tiếng Pháp').input).toMatchObject({ language: 'fr' });
    expect(withLanguage('Français').input).toMatchObject({ language: 'fr' });
    expect(withLanguage('').input).toMatchObject({ language: null });
    expect(withLanguage('klingon').errors).toHaveProperty('language');
  });
});
