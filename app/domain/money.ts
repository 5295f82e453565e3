// VND has no minor unit: amounts are whole đồng, kept as integers.

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });

/** `1.500.000.000 ₫` — the Vietnamese way, whatever the interface language. */
export function formatVnd(amount: number): string {
  return vnd.format(amount);
}

export interface PriceRange {
  min: number | null;
  max: number | null;
  negotiable: boolean;
}

export type PriceLabel =
  | { kind: 'negotiable' }
  | { kind: 'range'; text: string }
  | { kind: 'from'; text: string }
  | { kind: 'upTo'; text: string }
  | { kind: 'exact'; text: string };

export function describePrice(range: PriceRange): PriceLabel {
  const { min, max } = range;
  if (min === null && max === null) return { kind: 'negotiable' };
  if (min !== null && max !== null) {
    return min === max ? { kind: 'exact', text: formatVnd(min) } : { kind: 'range', text: `${formatVnd(min)} – ${formatVnd(max)}` };
  }
  if (min !== null) return { kind: 'from', text: formatVnd(min) };
  return { kind: 'upTo', text: formatVnd(max!) };
}
