// VND has no minor unit: amounts are whole đồng, kept as integers.

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
const compactVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** `1.500.000.000 ₫` — the Vietnamese way, whatever the interface language. */
export function formatVnd(amount: number): string {
  return vnd.format(amount);
}

/** `1,5 tỷ ₫` / `250 triệu ₫` for headline figures. */
export function formatVndCompact(amount: number, lang: 'vi' | 'en'): string {
  const units = lang === 'vi'
    ? [[1e9, 'tỷ'], [1e6, 'triệu'], [1e3, 'nghìn']] as const
    : [[1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']] as const;
  for (const [size, word] of units) {
    if (Math.abs(amount) >= size) return `${compactVi.format(amount / size)} ${word} ₫`;
  }
  return formatVnd(amount);
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
