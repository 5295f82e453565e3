// The evaluation tool end to end on the project's labelled set: it runs isolated (its own
// PostgreSQL and Meilisearch), prints the agreed JSON, and the matcher beats the baseline.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run match:eval', () => {
  it('prints matcher and baseline figures, the matcher ahead on nDCG@5', () => {
    const run = spawnSync('npx', ['tsx', 'bench/match-eval.ts', '--listings', 'tests/fixtures/matching/listings.json', '--qrels', 'tests/fixtures/matching/qrels.json', '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<'matcher' | 'baseline', Record<string, number>>;
    expect(Object.keys(result.matcher).sort()).toEqual(['ndcg5', 'p3', 'r10', 'top1']);
    expect(result.matcher.ndcg5).toBeGreaterThan(result.baseline.ndcg5!);
  }, 150_000);

  // The goals themselves (nDCG@5 ≥ 0.70, no strong match for an unfittable demand…) are figures of
  // the evaluation, reported in its output and the note: a test that failed just below them
  // would push tuning onto the held-out half. The floors here only catch a matcher gone wrong.
  it('scores the real listings’ test half, its demands that no offer fits counted apart, the matcher above the baseline', () => {
    const run = spawnSync('npx', ['tsx', 'bench/match-eval.ts', '--set', 'real-test', '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { name: string; demands: number; unfittable: { demands: number; noStrongMatch: number }; matcher: { ndcg5: number }; baseline: { ndcg5: number } };
    expect(result.name).toBe('real-test');
    expect(result.demands).toBe(25);
    expect(result.unfittable.demands).toBe(4);
    // At least half of the demands no offer fits are told of no strong match (4 of 4 on 2026-11-29).
    expect(result.unfittable.noStrongMatch).toBeGreaterThanOrEqual(0.5);
    expect(result.matcher.ndcg5).toBeGreaterThan(result.baseline.ndcg5);
  }, 150_000);

  it('refuses a broken file with a message naming the record', () => {
    const run = spawnSync('npx', ['tsx', 'bench/match-eval.ts', '--listings', 'tests/fixtures/matching/qrels.json', '--qrels', 'tests/fixtures/matching/qrels.json'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/expected a JSON array of listings/);
  }, 70_000);
});
