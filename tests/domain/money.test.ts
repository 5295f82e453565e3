import { describe, expect, it } from 'vitest';
import { describePrice, formatVnd } from '../../app/domain/money.js';

// Intl writes a no-break space before the currency sign.
const norm = (s: string) => s.replace(/\u00a0/g, ' ');

describe('VND amounts', () => {
  it('are written the Vietnamese way: dots between thousands, ₫ after', () => {
    expect(norm(formatVnd(1_500_000_000))).toBe('1.500.000.000 ₫');
    expect(norm(formatVnd(0))).toBe('0 ₫');
  });

  it('describe a price range, an open end, or negotiation', () => {
    expect(describePrice({ min: null, max: null, negotiable: true })).toEqual({ kind: 'negotiable' });
    expect(norm((describePrice({ min: 100_000_000, max: 200_000_000, negotiable: false }) as { text: string }).text)).toBe('100.000.000 ₫ – 200.000.000 ₫');
    expect(describePrice({ min: 5, max: null, negotiable: false }).kind).toBe('from');
    expect(describePrice({ min: null, max: 5, negotiable: false }).kind).toBe('upTo');
    expect(describePrice({ min: 5, max: 5, negotiable: false }).kind).toBe('exact');
  });
});
