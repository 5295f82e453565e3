// One labelled market loaded into a fresh, isolated database and index (never the user's data),
// then every labelled demand's matches computed with the real matcher, beside the baseline.
import type { AppContext } from '../../app/context.server.js';
import { PROVINCE_CODES } from '../../app/domain/provinces.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { detectListingLanguage } from '../../app/services/listing-language.server.js';
import { computeMatches } from '../../app/services/matching.server.js';
import { createDb } from '../../db/connection.js';
import { markOutboxDone, pendingOutbox } from '../../db/outbox.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createSearch } from '../../search/client.js';
import { loadListingDocuments } from '../../search/documents.js';
import { ensureListingIndex } from '../../search/index-setup.js';
import { startInfra } from '../lib/infra.js';
import { baselineRanking } from './baseline.js';
import { byScoreThenTie } from './ties.js';
import type { LabelledListing } from './labelled-set.js';

export interface RankedSet {
  matcher: Map<string, string[]>;
  baseline: Map<string, string[]>;
  /** Each demand's best match score (null: no match at all). */
  best: Map<string, number | null>;
  /** Each demand's matches, best first, with their scores and reasons (for --explain). */
  details: Map<string, { offer: string; score: number; reasons: unknown }[]>;
  /** Listings whose detected language is the labelled one. */
  languageDetection: { listings: number; correct: number };
  perDemandMs: number;
}

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
    // Not given: detected from the text, as for an owner who leaves the language to the market.
    language: null,
  };
}

export async function rankSet(listings: readonly LabelledListing[], demands: readonly string[], log: (m: string) => void): Promise<RankedSet> {
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
    let correct = 0;
    for (const [i, l] of listings.entries()) {
      const org = await db
        .insertInto('organisations')
        .values({ slug: `eval-${i}`, name: `Eval ${l.id}`, type: l.kind === 'offer' ? 'institute' : 'enterprise', tax_code: String(9_000_000_000 + i), province_code: 'ha-noi', description: '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const input = asListingInput(l);
      if (detectListingLanguage(input) === l.language) correct += 1;
      const { ids } = await importPublishedListings(ctx, org.id, [input]);
      idOf.set(l.id, ids[0]!);
    }
    // The engine breaks equal rankings (and equal publication times) by the order documents came
    // in: the order of the tie key, not of the random ids. The relay would send them again in
    // another order, so its rows are marked done instead.
    const order = byScoreThenTie([...idOf.entries()], () => 0, ([label]) => label).map(([, id]) => id);
    // One moment of publication for the whole set (the engine keeps it to the second, and which
    // listings shared a second changed from run to run): the newest in a sector are then the
    // first in the tie order.
    await db.updateTable('listings').set({ published_at: new Date('2026-01-01T00:00:00Z') }).execute();
    await ensureListingIndex(search, search.indexName);
    const { upsert } = await loadListingDocuments(db, order);
    const documentOf = new Map(upsert.map((d) => [d.id, d]));
    await search.listings().addDocuments(order.map((id) => documentOf.get(id)!), { primaryKey: 'id' }).waitTask();
    await markOutboxDone(db, (await pendingOutbox(db, 'listing.changed', 10_000)).map((r) => r.id));
    const labelOf = new Map([...idOf.entries()].map(([label, id]) => [id, label]));

    const matcher = new Map<string, string[]>();
    const baseline = new Map<string, string[]>();
    const best = new Map<string, number | null>();
    const details = new Map<string, { offer: string; score: number; reasons: unknown }[]>();
    const started = performance.now();
    for (const demand of demands) {
      const id = idOf.get(demand)!;
      await computeMatches(ctx, id, { announce: false });
      const stored = await db.selectFrom('matches').select(['offer_id', 'score', 'reasons']).where('demand_id', '=', id).execute();
      const rows = byScoreThenTie(stored.map((r) => ({ ...r, label: labelOf.get(r.offer_id)! })), (r) => r.score, (r) => r.label);
      matcher.set(demand, rows.map((r) => r.label));
      best.set(demand, rows[0]?.score ?? null);
      details.set(demand, rows.map((r) => ({ offer: r.label, score: r.score, reasons: r.reasons })));
      const found = (await baselineRanking(db, id)).map((o) => ({ label: labelOf.get(o.id)!, rank: o.rank }));
      baseline.set(demand, byScoreThenTie(found, (o) => o.rank, (o) => o.label).slice(0, 10).map((o) => o.label));
    }
    return {
      matcher,
      baseline,
      best,
      details,
      languageDetection: { listings: listings.length, correct },
      perDemandMs: (performance.now() - started) / Math.max(1, demands.length),
    };
  } finally {
    search.close();
    await db.destroy();
    await infra.stop();
  }
}
