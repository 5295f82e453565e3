// The canonical form of a record that people agree to or sign (agreed terms, a contract): one
// text for one content, whatever order its keys came in and however its letters were composed.
// "Thỏa thuận" typed with a precomposed ỏ and with o + combining hook are the same words, so the
// same hash. Numbers must be safe integers (money is whole đồng); anything else is refused.

export type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical | undefined };

/** JSON with keys sorted by code point, strings in NFC, no white space, `undefined` members left out. */
export function canonicalJson(value: Canonical): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`canonical form takes whole numbers only, got ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const members = Object.entries(value)
    .filter((entry): entry is [string, Canonical] => entry[1] !== undefined)
    .map(([k, v]) => [k.normalize('NFC'), v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
