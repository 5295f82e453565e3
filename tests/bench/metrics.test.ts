import { describe, expect, it } from 'vitest';
import { evaluate, ndcg, precision, recall, top1, unfittable } from '../../bench/matching/metrics.js';

const grades = new Map([['a', 2], ['b', 1]]);

describe('ranking metrics', () => {
  it('reward the ideal order and punish a miss', () => {
    expect(ndcg(['a', 'b', 'x'], grades, 5)).toBeCloseTo(1);
    expect(ndcg(['x', 'b', 'a'], grades, 5)).toBeLessThan(ndcg(['a', 'x', 'b'], grades, 5));
    expect(ndcg(['x', 'y'], grades, 5)).toBe(0);
    expect(precision(['a', 'x', 'b'], grades, 3)).toBeCloseTo(2 / 3);
    expect(recall(['x', 'a'], grades, 10)).toBe(0.5);
    expect(top1(['b', 'a'], grades)).toBe(1);
    expect(top1(['x', 'a'], grades)).toBe(0);
  });

  it('average over demands, counting a demand with no ranking as zero', () => {
    const scores = evaluate(new Map([['d1', ['a', 'b']]]), new Map([['d1', grades], ['d2', new Map([['c', 2]])]]));
    expect(scores).toEqual({ ndcg5: 0.5, p3: 0.333, r10: 0.5, top1: 0.5 });
  });

  it('leave demands no offer fits out of the averages, and score them apart: no strong match is the goal', () => {
    const qrels = new Map([['d1', grades], ['none1', new Map()], ['none2', new Map()], ['none3', new Map()]]);
    expect(evaluate(new Map([['d1', ['a', 'b']], ['none1', ['x']]]), qrels)).toEqual({ ndcg5: 1, p3: 0.667, r10: 1, top1: 1 });
    const apart = unfittable(new Map([['d1', 90], ['none1', 75], ['none2', 40], ['none3', null]]), qrels, 70);
    expect(apart).toEqual({ demands: 3, noStrongMatch: 0.667, noMatch: 0.333 });
  });
});
