// A wrong BIN sends a buyer's money to a code their bank refuses, or worse, to another bank, so
// the shipped list is checked against pairs verified in the sources named in app/domain/banks.ts.
import { describe, expect, it } from 'vitest';
import { bankByCode, bankName, BANKS, BANKS_FOR_SELECT } from '../../app/domain/banks.js';

describe('the bank list', () => {
  it.each([
    ['VCB', '970436', 'Vietcombank'],
    ['BIDV', '970418', 'BIDV'],
    ['ICB', '970415', 'VietinBank'],
    ['VBA', '970405', 'Agribank'],
    ['TCB', '970407', 'Techcombank'],
    ['MB', '970422', 'MB'],
    ['ACB', '970416', 'ACB'],
    ['STB', '970403', 'Sacombank'],
    ['ABB', '970425', 'ABBANK'],
    ['VCCB', '970454', 'BVBank'],
    ['BVB', '970438', 'BaoViet Bank'],
  ])('knows %s by BIN %s (%s)', (code, bin, shortName) => {
    expect(bankByCode(code)).toMatchObject({ code, bin, shortName });
  });

  it('gives every bank a BIN of 6 digits', () => {
    for (const bank of BANKS) expect(bank.bin, bank.code).toMatch(/^\d{6}$/);
  });

  it('has 9704xx BINs except for the digital banks and foreign branches that NAPAS numbered otherwise', () => {
    const others = BANKS.filter((b) => !b.bin.startsWith('9704')).map((b) => `${b.code} ${b.bin}`);
    expect(others.sort()).toEqual(['CAKE 546034', 'CIMB 422589', 'CITIBANK 533948', 'DBS 796500', 'HSBC 458761', 'KBank 668888', 'NHBHN 801011', 'TIMO 963388', 'Ubank 546035']);
  });

  it('keys each bank by a code of its own, in any letter case, and a short name of its own', () => {
    const codes = BANKS.map((b) => b.code.toLowerCase());
    expect(new Set(codes).size).toBe(BANKS.length);
    for (const code of BANKS.map((b) => b.code)) expect(code).toMatch(/^[A-Za-z]+$/);
    expect(new Set(BANKS.map((b) => b.shortName.toLowerCase())).size).toBe(BANKS.length);
  });

  it('has the banks a seller in Viet Nam is likely to use', () => {
    const wanted = ['VCB', 'BIDV', 'ICB', 'VBA', 'TCB', 'MB', 'ACB', 'VPB', 'TPB', 'STB', 'HDB', 'VIB', 'SHB', 'EIB', 'MSB', 'OCB', 'SCB', 'SEAB', 'LPB', 'NAB', 'BAB', 'ABB', 'VAB', 'NCB', 'PGB', 'PVCB', 'KLB', 'VCCB', 'SGICB', 'BVB', 'CIMB', 'WVN', 'HLBVN', 'PBVN', 'SHBVN', 'UOB', 'IVB', 'VRB', 'KBank', 'CAKE', 'Ubank', 'TIMO', 'VIETBANK'];
    expect(wanted.filter((code) => !bankByCode(code))).toEqual([]);
  });

  it('names each bank in Vietnamese, and in English where it has an English name', () => {
    for (const bank of BANKS) {
      expect(bank.shortName.trim(), bank.code).not.toBe('');
      expect(bank.vi, bank.code).toMatch(/^(Ngân hàng|DBS Bank) /);
      if (bank.en !== undefined) expect(bank.en, bank.code).toMatch(/^[\x20-\x7e–]+$/);
    }
    expect(bankName(bankByCode('VCB')!, 'en')).toBe('Joint Stock Commercial Bank for Foreign Trade of Vietnam');
    expect(bankName(bankByCode('VCB')!, 'vi')).toBe('Ngân hàng TMCP Ngoại thương Việt Nam');
    expect(bankName(bankByCode('MBV')!, 'en')).toBe('Ngân hàng TNHH MTV Việt Nam Hiện Đại');
  });

  it('finds nothing for an unknown code, a BIN or another letter case', () => {
    expect(bankByCode('XYZ')).toBeUndefined();
    expect(bankByCode('970436')).toBeUndefined();
    expect(bankByCode('vcb')).toBeUndefined();
  });
});

describe('the select box', () => {
  it('lists every bank once, by short name as Vietnamese sorts', () => {
    expect(BANKS_FOR_SELECT).toHaveLength(BANKS.length);
    expect(new Set(BANKS_FOR_SELECT)).toEqual(new Set(BANKS));
    const names = BANKS_FOR_SELECT.map((b) => b.shortName);
    for (let i = 1; i < names.length; i++) expect(names[i - 1]!.localeCompare(names[i]!, 'vi', { sensitivity: 'base' }), `${names[i - 1]} before ${names[i]}`).toBeLessThanOrEqual(0);
    expect(names.slice(0, 3)).toEqual(['ABBANK', 'ACB', 'Agribank']);
    expect(names.at(-1)).toBe('Woori Bank');
  });
});
