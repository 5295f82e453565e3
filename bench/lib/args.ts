// The benches' command-line figures: `--name value`, each a number ≥ 0 with a default.
import { parseArgs } from 'node:util';

/** Parses `--name value` options whose defaults are given; refuses anything but a number ≥ 0. */
export function numberArgs<N extends string>(defaults: Record<N, number>): Record<N, number> {
  const options = Object.fromEntries(Object.entries(defaults).map(([name, value]) => [name, { type: 'string' as const, default: String(value) }]));
  const { values } = parseArgs({ options });
  return Object.fromEntries(
    Object.keys(defaults).map((name) => {
      const n = Number(values[name]);
      if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0`);
      return [name, n];
    }),
  ) as Record<N, number>;
}
