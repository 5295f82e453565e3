// `npm run match:eval -- --listings FILE --qrels FILE [--json]`: loads a labelled set into a
// fresh, isolated database and index (never the user's data), computes every demand's matches
// with the real matcher, and prints nDCG@5, P@3, R@10 and top-1 beside a full-text baseline.
import { parseArgs } from 'node:util';
import type { AppContext } from '../app/context.server.js';
import { PROVINCE_CODES } from '../app/domain/provinces.js';
import { importPublishedListings } from '../app/services/listing-import.server.js';
import { computeMatches } from '../app/services/matching.server.js';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createSearch } from '../search/client.js';
import { relayOutbox } from '../search/relay.js';
import { startInfra } from './lib/infra.js';
import { baselineRanking } from './matching/baseline.js';
import { readLabelledSet, type LabelledListing } from './matching/labelled-set.js';
import { evaluate } from './matching/metrics.js';

const { values } = parseArgs({ options: { listings: { type: 'string' }, qrels: { type: 'string' }, json: { type: 'boolean', default: false } } });
const quiet = values.json;
const log = (m: string) => {
  if (!quiet) console.error(m);
};

function asListingInput(l: LabelledListing) {
  const province = (PROVINCE_CODES as readonly string[]).includes(l.province_or_country) ? l.province_or_country : 'ha-noi';
  const price = l.kind === 'offer' ? [l.price_min ?? null, l.price_max ?? null] : [null, l.budget_max ?? null];
  return {
    kind: l.kind,
    title: l.title.slice(0, 200),
    summary: (l.summary || l.title).padEnd(10, '.').slice(0, 500),
    description: l.description.slice(0, 8000),
    sectors: l.sectors.slice(0, 3),
    keywords: (l.keywords ?? []).slice(0, 10),
    trl: l.trl ?? (l.kind === 'demand' ? 1 : 5),
    ipStatus: l.kind === 'offer' ? 'know_how' : null,
    transferModes: l.transfer_modes.length ? l.transfer_modes : ['technical_assistance'],
    priceMin: price[0],
    priceMax: price[1],
    priceNegotiable: price[0] === null && price[1] === null,
    province,
    // French texts are indexed like English ones: the index knows vi and en.
    language: l.language === 'vi' ? 'vi' : 'en',
  };
}

async function main() {
  if (!values.listings || !values.qrels) throw new Error('Usage: npm run match:eval -- --listings FILE --qrels FILE [--json]');
  const { listings, qrels } = readLabelledSet(values.listings, values.qrels);
  const infra = await startInfra(log);
  const db = createDb(infra.databaseUrl);
  const search = createSearch({ host: infra.meiliHost, apiKey: infra.meiliKey, indexName: infra.indexName, timeoutMs: 10_000 });
  try {
    await migrateToLatest(db);
    const ctx: AppContext = {
      db,
      search,
      clock: () => new Date(),
      publicUrl: 'http://eval.invalid',
      smtpConfigured: false,
      devMailbox: null,
      jobs: { enqueue: async () => {} },
    };
    log(`Loading ${listings.length} listings…`);
    // One organisation per listing: nothing is excluded as "the same owner".
    const idOf = new Map<string, string>();
    for (const [i, l] of listings.entries()) {
      const org = await db
        .insertInto('organisations')
        .values({ slug: `eval-${i}`, name: `Eval ${l.id}`, type: l.kind === 'offer' ? 'institute' : 'enterprise', tax_code: String(9_000_000_000 + i), province_code: 'ha-noi', description: '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { ids } = await importPublishedListings(ctx, org.id, [asListingInput(l)]);
      idOf.set(l.id, ids[0]!);
    }
    await relayOutbox(db, search);
    const labelOf = new Map([...idOf.entries()].map(([label, id]) => [id, label]));

    const matcher = new Map<string, string[]>();
    const baseline = new Map<string, string[]>();
    const started = performance.now();
    for (const demand of qrels.keys()) {
      const id = idOf.get(demand)!;
      await computeMatches(ctx, id, { announce: false });
      const rows = await db.selectFrom('matches').select('offer_id').where('demand_id', '=', id).orderBy('score', 'desc').orderBy('offer_id').execute();
      matcher.set(demand, rows.map((r) => labelOf.get(r.offer_id)!));
      baseline.set(demand, (await baselineRanking(db, id)).map((o) => labelOf.get(o)!));
    }
    const perDemandMs = (performance.now() - started) / Math.max(1, qrels.size);
    const result = { matcher: evaluate(matcher, qrels), baseline: evaluate(baseline, qrels) };
    if (quiet) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log(`\n${qrels.size} labelled demands, ${listings.filter((l) => l.kind === 'offer').length} offers (${perDemandMs.toFixed(1)} ms per demand, matcher and baseline)\n`);
    console.log('              nDCG@5   P@3    R@10   top-1');
    for (const [name, s] of Object.entries(result)) {
      console.log(`${name.padEnd(12)}  ${s.ndcg5.toFixed(3)}   ${s.p3.toFixed(3)}  ${s.r10.toFixed(3)}  ${s.top1.toFixed(3)}`);
    }
    const verdict = result.matcher.ndcg5 > result.baseline.ndcg5 ? 'beats' : 'does NOT beat';
    console.log(`\nThe matcher ${verdict} the baseline on nDCG@5.`);
  } finally {
    search.close();
    await db.destroy();
    await infra.stop();
  }
}

main().catch((error) => {
  console.error(`match:eval failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
