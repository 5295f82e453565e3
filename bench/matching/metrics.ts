// Ranking metrics for the matching evaluation. `ranked` is best first; `grades` maps relevant
// ids to 1 (partial fit) or 2 (strong fit); everything else is not relevant.

export type Grades = ReadonlyMap<string, number>;

export function dcg(ranked: readonly string[], grades: Grades, k: number): number {
  return ranked.slice(0, k).reduce((sum, id, i) => sum + ((2 ** (grades.get(id) ?? 0) - 1) / Math.log2(i + 2)), 0);
}

export function ndcg(ranked: readonly string[], grades: Grades, k: number): number {
  const ideal = [...grades.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const best = dcg(ideal, grades, k);
  return best === 0 ? 0 : dcg(ranked, grades, k) / best;
}

export function precision(ranked: readonly string[], grades: Grades, k: number): number {
  return ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length / k;
}

export function recall(ranked: readonly string[], grades: Grades, k: number): number {
  const relevant = [...grades.values()].filter((g) => g > 0).length;
  return relevant === 0 ? 0 : ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length / relevant;
}

export function top1(ranked: readonly string[], grades: Grades): number {
  return ranked.length > 0 && (grades.get(ranked[0]!) ?? 0) > 0 ? 1 : 0;
}

export interface Scores {
  ndcg5: number;
  p3: number;
  r10: number;
  top1: number;
}

/** Means over the labelled demands that some offer fits (the others: `unfittable`). */
export function evaluate(rankings: ReadonlyMap<string, readonly string[]>, qrels: ReadonlyMap<string, Grades>): Scores {
  const demands = [...qrels.keys()].filter((d) => [...qrels.get(d)!.values()].some((g) => g > 0));
  const mean = (f: (ranked: readonly string[], g: Grades) => number) =>
    demands.reduce((sum, d) => sum + f(rankings.get(d) ?? [], qrels.get(d)!), 0) / Math.max(1, demands.length);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    ndcg5: round(mean((r, g) => ndcg(r, g, 5))),
    p3: round(mean((r, g) => precision(r, g, 3))),
    r10: round(mean((r, g) => recall(r, g, 10))),
    top1: round(mean((r, g) => top1(r, g))),
  };
}

export interface UnfittableScores {
  demands: number;
  /** The share of demands no offer fits that got no strong match: the goal is 1. */
  noStrongMatch: number;
  /** The share that got no match at all. */
  noMatch: number;
}

/**
 * Demands that no offer fits, scored apart (not as zeros in nDCG): what matters is that none of
 * them is told of a strong match. `best` is each demand's best score (null: no match).
 */
export function unfittable(best: ReadonlyMap<string, number | null>, qrels: ReadonlyMap<string, Grades>, strong: number): UnfittableScores {
  const demands = [...qrels.keys()].filter((d) => ![...qrels.get(d)!.values()].some((g) => g > 0));
  const share = (f: (score: number | null) => boolean) => (demands.length ? Math.round((demands.filter((d) => f(best.get(d) ?? null)).length / demands.length) * 1000) / 1000 : 1);
  return { demands: demands.length, noStrongMatch: share((s) => s === null || s < strong), noMatch: share((s) => s === null) };
}
