// `npm run match:eval [-- --set NAME …] [--listings FILE --qrels FILE] [--json]`: every labelled
// set (bench/matching/sets.ts), or the named ones, or one pair of files, each loaded into a
// fresh, isolated database and index. Prints nDCG@5, P@3, R@10 and top-1 of the matcher beside a
// full-text baseline over the demands some offer fits, and apart, for the demands no offer fits,
// the share given no strong match. Writes bench/results/match-eval-<date>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { STRONG_MATCH } from '../app/domain/match-score.js';
import { readLabelledSet } from './matching/labelled-set.js';
import { evaluate, unfittable, type Scores, type UnfittableScores } from './matching/metrics.js';
import { rankSet } from './matching/rank-set.js';
import { LABELLED_SETS, type LabelledSetFiles } from './matching/sets.js';
import { machineInfo } from './lib/report.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    listings: { type: 'string' },
    qrels: { type: 'string' },
    json: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
});
const quiet = values.json;
const log = (m: string) => {
  if (!quiet) console.error(m);
};

interface SetFigures {
  name: string;
  role: string;
  demands: number;
  offers: number;
  matcher: Scores;
  baseline: Scores;
  unfittable: UnfittableScores;
  languageDetection: { listings: number; correct: number };
  perDemandMs: number;
}

function chosenSets(): LabelledSetFiles[] {
  if (values.listings || values.qrels) {
    if (!values.listings || !values.qrels) throw new Error('Usage: npm run match:eval -- --listings FILE --qrels FILE [--json]');
    return [{ name: 'custom', listings: values.listings, qrels: values.qrels, role: 'given on the command line' }];
  }
  if (!values.set?.length) return [...LABELLED_SETS];
  return values.set.map((name) => {
    const set = LABELLED_SETS.find((s) => s.name === name);
    if (!set) throw new Error(`No labelled set "${name}"; known: ${LABELLED_SETS.map((s) => s.name).join(', ')}`);
    return set;
  });
}

async function main() {
  const sets = chosenSets();
  // Sets over the same listings share one market (the real set's two halves).
  const byMarket = new Map<string, LabelledSetFiles[]>();
  for (const s of sets) byMarket.set(s.listings, [...(byMarket.get(s.listings) ?? []), s]);
  const figures: SetFigures[] = [];
  for (const [listingsFile, group] of byMarket) {
    const read = group.map((s) => ({ set: s, ...readLabelledSet(listingsFile, s.qrels) }));
    const listings = read[0]!.listings;
    const demands = [...new Set(read.flatMap((r) => [...r.qrels.keys()]))];
    log(`\n${group.map((s) => s.name).join(' + ')}: ${listingsFile}`);
    const ranked = await rankSet(listings, demands, log);
    for (const { set, qrels } of read) {
      if (values.explain) explain(set.name, qrels, ranked, new Map(listings.map((l) => [l.id, l.title])));
      figures.push({
        name: set.name,
        role: set.role,
        demands: qrels.size,
        offers: listings.filter((l) => l.kind === 'offer').length,
        matcher: evaluate(ranked.matcher, qrels),
        baseline: evaluate(ranked.baseline, qrels),
        unfittable: unfittable(ranked.best, qrels, STRONG_MATCH),
        languageDetection: ranked.languageDetection,
        perDemandMs: Math.round(ranked.perDemandMs * 10) / 10,
      });
    }
  }
  if (quiet) {
    console.log(JSON.stringify(figures.length === 1 ? figures[0] : figures));
    return;
  }
  for (const f of figures) print(f);
  const report = { date: new Date().toISOString(), machine: machineInfo(), strongMatch: STRONG_MATCH, sets: figures };
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `match-eval-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Figures written to ${path.relative(process.cwd(), file)}`);
}

/** Each demand's labelled offers and the matcher's top five, for looking into a set's failures. */
function explain(name: string, qrels: Map<string, Map<string, number>>, ranked: Awaited<ReturnType<typeof rankSet>>, titles: Map<string, string>) {
  for (const [demand, grades] of qrels) {
    console.log(`\n[${name}] ${demand}: ${titles.get(demand)}`);
    for (const [offer, grade] of grades) console.log(`   wants ${offer} (grade ${grade}): ${titles.get(offer)}`);
    for (const m of (ranked.details.get(demand) ?? []).slice(0, 5)) {
      const reasons = (m.reasons as { code: string; params: Record<string, unknown> }[]).map((r) => (r.code === 'shared_terms' ? `concepts:${(r.params.en as string[]).join('/')}` : r.code === 'rare_terms' ? `rare:${(r.params.terms as string[]).join('/')}` : r.code)).join(' ');
      console.log(`   ${grades.has(m.offer) ? '✓' : '✗'} ${String(m.score).padStart(3)} ${m.offer} ${titles.get(m.offer)?.slice(0, 60)} | ${reasons}`);
    }
    console.log(`   baseline: ${(ranked.baseline.get(demand) ?? []).slice(0, 5).map((o) => `${grades.has(o) ? '✓' : '✗'}${o}`).join(' ')}`);
  }
}

function print(f: SetFigures) {
  const fittable = f.demands - f.unfittable.demands;
  console.log(`\n${f.name} (${f.role}): ${f.demands} demands (${fittable} that some offer fits, ${f.unfittable.demands} that none fits), ${f.offers} offers`);
  console.log('              nDCG@5   P@3    R@10   top-1');
  for (const [name, s] of [['matcher', f.matcher], ['baseline', f.baseline]] as const) {
    console.log(`${name.padEnd(12)}  ${s.ndcg5.toFixed(3)}   ${s.p3.toFixed(3)}  ${s.r10.toFixed(3)}  ${s.top1.toFixed(3)}`);
  }
  const lead = f.matcher.ndcg5 - f.baseline.ndcg5;
  console.log(`The matcher ${lead > 0 ? 'beats' : 'does NOT beat'} the baseline on nDCG@5 by ${lead.toFixed(3)}.`);
  if (f.unfittable.demands) {
    console.log(`Demands no offer fits: ${(f.unfittable.noStrongMatch * 100).toFixed(0)} % given no strong match (≥ ${STRONG_MATCH}), ${(f.unfittable.noMatch * 100).toFixed(0)} % no match at all.`);
  }
  console.log(`Language detected right for ${f.languageDetection.correct} of ${f.languageDetection.listings} listings; ${f.perDemandMs} ms per demand (matcher and baseline).`);
}

main().catch((error) => {
  console.error(`match:eval failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
