// The text inside a VietQR code must be byte for byte what banking apps expect, or they refuse
// it. The first two payloads are the ones vietnam-qr-pay publishes in its README
// (https://libraries.io/npm/vietnam-qr-pay/1.1.0); the others were built by hand, field by field,
// and their CRCs computed apart from this code (Python's binascii.crc_hqx with 0xFFFF).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asciiPurpose, crc16, transferReference, vietQrForAccount, vietQrPayload, VietQrInputError, type VietQrField } from '../../app/domain/vietqr.js';

const ACB_ACCOUNT = { bin: '970416', accountNumber: '257678859' };

function refusal(build: () => unknown): VietQrInputError {
  try {
    build();
  } catch (error) {
    if (error instanceof VietQrInputError) return error;
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('vietQrPayload', () => {
  it('reproduces the published static code (no amount: the payer types it)', () => {
    expect(vietQrPayload(ACB_ACCOUNT)).toBe('00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F');
  });

  it('reproduces the published dynamic code with amount and purpose', () => {
    expect(vietQrPayload({ ...ACB_ACCOUNT, amount: 10_000, purpose: 'Chuyen tien' })).toBe(
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6',
    );
  });

  it.each([
    ['a 19-character account, static', { bin: '970436', accountNumber: '1234567890123456789' }, '00020101021138630010A00000072701330006970436011912345678901234567890208QRIBFTTA53037045802VN6304205C'],
    [
      'a milestone of 1,500,000,000 ₫ with its transfer reference',
      { bin: '970418', accountNumber: '8600123456', amount: 1_500_000_000, purpose: 'OTX 3F2A9C0B1D4E M2' },
      '00020101021238540010A00000072701240006970418011086001234560208QRIBFTTA5303704541015000000005802VN62230819OTX 3F2A9C0B1D4E M26304A523',
    ],
    [
      'a purpose of exactly 25 characters',
      { bin: '970407', accountNumber: '19036321876011', amount: 250_000_000, purpose: 'Thanh toan hop dong dot 2' },
      '00020101021238580010A000000727012800069704070114190363218760110208QRIBFTTA530370454092500000005802VN62290825Thanh toan hop dong dot 26304DFEF',
    ],
    ['an account with letters (a wallet behind BVBank)', { bin: '970454', accountNumber: '99MM24011M34875080' }, '00020101021138620010A00000072701320006970454011899MM24011M348750800208QRIBFTTA53037045802VN63042216'],
    ['the largest amount, 13 digits', { bin: '970422', accountNumber: '0386577672', amount: 9_999_999_999_999 }, '00020101021238540010A00000072701240006970422011003865776720208QRIBFTTA5303704541399999999999995802VN6304FBD2'],
  ])('builds %s', (_case, request, payload) => {
    expect(vietQrPayload(request)).toBe(payload);
  });

  it('leaves out the purpose field for an empty purpose', () => {
    expect(vietQrPayload({ ...ACB_ACCOUNT, amount: 10_000, purpose: '' })).toMatch(/5802VN6304[0-9A-F]{4}$/);
    expect(vietQrPayload({ ...ACB_ACCOUNT, amount: 10_000, purpose: '' })).toBe(vietQrPayload({ ...ACB_ACCOUNT, amount: 10_000 }));
  });

  it.each<[string, Parameters<typeof vietQrPayload>[0], VietQrField]>([
    ['a BIN of 5 digits', { bin: '97041', accountNumber: '1' }, 'bin'],
    ['a BIN of 7 digits', { bin: '9704160', accountNumber: '1' }, 'bin'],
    ['a BIN with letters', { bin: '97041A', accountNumber: '1' }, 'bin'],
    ['an empty account', { bin: '970416', accountNumber: '' }, 'accountNumber'],
    ['an account of 20 characters', { bin: '970416', accountNumber: '12345678901234567890' }, 'accountNumber'],
    ['an account with a dash', { bin: '970416', accountNumber: '0071-000-123' }, 'accountNumber'],
    ['an account with a space', { bin: '970416', accountNumber: '0071 000123' }, 'accountNumber'],
    ['an amount of 0', { ...ACB_ACCOUNT, amount: 0 }, 'amount'],
    ['a negative amount', { ...ACB_ACCOUNT, amount: -10_000 }, 'amount'],
    ['a fraction of a đồng', { ...ACB_ACCOUNT, amount: 10_000.5 }, 'amount'],
    ['an amount of 14 digits', { ...ACB_ACCOUNT, amount: 10_000_000_000_000 }, 'amount'],
    ['an amount past safe integers', { ...ACB_ACCOUNT, amount: Number.MAX_SAFE_INTEGER + 2 }, 'amount'],
    ['NaN', { ...ACB_ACCOUNT, amount: Number.NaN }, 'amount'],
    ['a purpose of 26 characters', { ...ACB_ACCOUNT, purpose: 'Thanh toan hop dong dot 12' }, 'purpose'],
    ['a purpose with Vietnamese marks', { ...ACB_ACCOUNT, purpose: 'Chuyển tiền' }, 'purpose'],
    ['a purpose with a line break', { ...ACB_ACCOUNT, purpose: 'dot 1\ndot 2' }, 'purpose'],
  ])('refuses %s', (_case, request, field) => {
    const error = refusal(() => vietQrPayload(request));
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(20);
  });
});

describe('vietQrForAccount', () => {
  it('finds the BIN by the bank code a seller chose', () => {
    const account = { bankCode: 'ACB', accountNumber: '257678859', holderName: 'NGUYEN VAN A' };
    expect(vietQrForAccount(account, { amount: 10_000, purpose: 'Chuyen tien' })).toBe(
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6',
    );
    expect(vietQrForAccount(account)).toBe(vietQrPayload(ACB_ACCOUNT));
  });

  it('refuses a bank code it does not know, rather than guess', () => {
    expect(refusal(() => vietQrForAccount({ bankCode: 'XYZ', accountNumber: '1', holderName: 'A' })).field).toBe('bank');
    expect(refusal(() => vietQrForAccount({ bankCode: '970416', accountNumber: '1', holderName: 'A' })).field).toBe('bank');
  });
});

describe('crc16 (CRC-16/CCITT-FALSE)', () => {
  it('gives the check value of the catalogue for "123456789"', () => {
    expect(crc16('123456789')).toBe('29B1');
  });

  it('agrees with a code published elsewhere (pub.dev vietqr_generator)', () => {
    const published = '00020101021138540010A00000072701240006970407011003865776720208QRIBFTTA5303704540710000005802VN62160812henry an cut6304A322';
    expect(crc16(published.slice(0, -4))).toBe(published.slice(-4));
  });

  it('writes four upper-case hex digits, leading zeros kept', () => {
    expect(crc16('')).toBe('FFFF');
    for (const text of ['a', 'OTX', '6304', 'Chuyen tien', '00020101021138']) expect(crc16(text)).toMatch(/^[0-9A-F]{4}$/);
  });
});

describe('asciiPurpose', () => {
  it.each([
    ['Thanh toán đợt 2', 'Thanh toan dot 2'],
    ['ĐỢT 1 – HỢP ĐỒNG CHUYỂN GIAO', 'DOT 1 HOP DONG CHUYEN GIA'],
    ['Thanh toán'.normalize('NFD'), 'Thanh toan'],
    ['\u00D0ợt 2 (look-alike Ð)', 'Dot 2 (look-alike D)'],
    ['Chuyển giao công nghệ xử lý nước thải', 'Chuyen giao cong nghe xu'],
    ['  dòng 1\n\tdòng 2 😀 ', 'dong 1 dong 2'],
    ['Phí 5% (đã gồm VAT)', 'Phi 5% (da gom VAT)'],
    ['', ''],
  ])('%j becomes %j', (text, purpose) => {
    expect(asciiPurpose(text)).toBe(purpose);
  });

  it('always gives a purpose a VietQR code accepts', () => {
    for (const text of ['Ứng trước 30% giá trị hợp đồng chuyển giao', 'Nghiệm thu – đợt cuối ✓', '中文 và tiếng Việt', 'x'.repeat(40)]) {
      const purpose = asciiPurpose(text);
      expect(purpose.length).toBeLessThanOrEqual(25);
      expect(() => vietQrPayload({ ...ACB_ACCOUNT, purpose })).not.toThrow();
    }
  });
});

describe('transferReference', () => {
  it('names the deal by its id and the milestone by its number', () => {
    expect(transferReference({ dealId: '3f2a9c0b-1d4e-4a7b-9c3d-5e6f7a8b9c0d', milestone: 2 })).toBe('OTX 3F2A9C0B1D4E M2');
  });

  it('is ASCII, at most 25 characters and accepted as a purpose, whatever the deal and milestone', () => {
    for (let i = 0; i < 200; i++) {
      const reference = transferReference({ dealId: randomUUID(), milestone: 1 + (i % 12) });
      expect(reference).toMatch(/^OTX [0-9A-F]{12} M\d{1,3}$/);
      expect(reference.length).toBeLessThanOrEqual(25);
    }
    const longest = transferReference({ dealId: randomUUID(), milestone: 999 });
    expect(longest.length).toBeLessThanOrEqual(25);
    expect(() => vietQrPayload({ ...ACB_ACCOUNT, amount: 1, purpose: longest })).not.toThrow();
  });

  it('tells milestones and deals apart', () => {
    const dealId = randomUUID();
    const references = new Set([1, 2, 3, 12].map((milestone) => transferReference({ dealId, milestone })));
    for (let i = 0; i < 1000; i++) references.add(transferReference({ dealId: randomUUID(), milestone: 1 }));
    expect(references.size).toBe(1004);
  });

  it.each<[string, { dealId: string; milestone: number }, VietQrField]>([
    ['a deal id that is not a UUID', { dealId: 'deal-42', milestone: 1 }, 'dealId'],
    ['milestone 0', { dealId: randomUUID(), milestone: 0 }, 'milestone'],
    ['milestone 1000', { dealId: randomUUID(), milestone: 1000 }, 'milestone'],
    ['milestone 1.5', { dealId: randomUUID(), milestone: 1.5 }, 'milestone'],
  ])('refuses %s', (_case, payment, field) => {
    expect(refusal(() => transferReference(payment)).field).toBe(field);
  });
});
