import { describe, expect, it } from 'vitest';
import { byScoreThenTie } from '../../bench/matching/ties.js';

describe('the evaluation’s order among equal scores', () => {
  const offers = [
    { label: 'ro001', score: 50 },
    { label: 'ro002', score: 70 },
    { label: 'ro003', score: 50 },
    { label: 'ro004', score: 50 },
    { label: 'ro005', score: 30 },
  ];
  const order = (list: typeof offers) => byScoreThenTie(list, (o) => o.score, (o) => o.label).map((o) => o.label);

  it('puts higher scores first, and equal ones in the same order whatever order they came in', () => {
    const forward = order(offers);
    expect(forward[0]).toBe('ro002');
    expect(forward.at(-1)).toBe('ro005');
    expect(order([...offers].reverse())).toEqual(forward);
    expect(order([offers[3]!, offers[0]!, offers[4]!, offers[1]!, offers[2]!])).toEqual(forward);
  });

  it('does not order equals by their labelled ids (one cluster’s offers are numbered together)', () => {
    // Among many equals, the hash order differs from the labels' own order.
    const many = Array.from({ length: 12 }, (_, i) => ({ label: `ro${String(i + 1).padStart(3, '0')}`, score: 40 }));
    const labels = many.map((o) => o.label);
    expect(order(many)).not.toEqual(labels);
    expect([...order(many)].sort()).toEqual(labels);
  });
});
