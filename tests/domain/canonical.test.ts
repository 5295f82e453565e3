import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../app/domain/canonical.js';

describe('canonicalJson', () => {
  it('gives one text whatever the order of keys', () => {
    const a = canonicalJson({ price: 100, subject: 'Quy trình', milestones: [{ amount: 100, condition: 'ký' }] });
    const b = canonicalJson({ milestones: [{ condition: 'ký', amount: 100 }], subject: 'Quy trình', price: 100 });
    expect(a).toBe(b);
    expect(a).toBe('{"milestones":[{"amount":100,"condition":"ký"}],"price":100,"subject":"Quy trình"}');
  });

  it('gives one text for composed and decomposed Vietnamese letters', () => {
    const composed = 'Thỏa thuận chuyển giao'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(canonicalJson({ subject: decomposed })).toBe(canonicalJson({ subject: composed }));
  });

  it('keeps the order of lists, which carries meaning (milestones)', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('tells different contents apart', () => {
    expect(canonicalJson({ price: 100 })).not.toBe(canonicalJson({ price: 101 }));
    expect(canonicalJson({ exclusive: true })).not.toBe(canonicalJson({ exclusive: false }));
  });

  it('leaves out undefined members and refuses fractions', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(() => canonicalJson({ price: 1.5 })).toThrow(RangeError);
  });
});
