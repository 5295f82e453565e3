// How many published listings use each word: the market's word counts, for weighting the words
// two listings share by their rarity (app/domain/market-terms.ts). PostgreSQL already keeps every
// listing's words (`search_vector`, folded); ts_stat counts them. The counts are kept in memory
// and counted again when the market has grown or shrunk by a twentieth, or after ten minutes (a
// large market's size is asked every half minute, not at every match): a
// rarity is a statistic, a little staleness changes nothing, and a word the counts do not know yet
// is simply taken as rare.
import { sql } from 'kysely';
import type { Database } from '../../db/connection.js';
import type { TermRarity } from '../domain/market-terms.js';

const MAX_AGE_MS = 10 * 60_000;

export interface MarketWords extends TermRarity {
  /** The languages published listings are written in (a query in a language no listing uses finds nothing). */
  languages: ReadonlySet<string>;
}

interface Counted extends MarketWords {
  countedAt: number;
}

interface State {
  known: Counted | null;
  counting: Promise<Counted> | null;
  /** When the market's size was last asked (a large market's is asked at most every CHECK_EVERY_MS). */
  checkedAt: number;
}

/** A market of this size changes its rarities slowly: its size is asked at most every CHECK_EVERY_MS. */
const LARGE_MARKET = 10_000;
const CHECK_EVERY_MS = 30_000;

const states = new WeakMap<Database, State>();
async function countTerms(db: Database, listings: number): Promise<Counted> {
  // Words of one listing only are left out: absent means "this listing's own".
  const { rows } = await sql<{ word: string; ndoc: number }>`
    select word, ndoc from ts_stat('select search_vector from listings where status = ''published''') where ndoc > 1
  `.execute(db);
  const counts = new Map(rows.map((r) => [r.word, Number(r.ndoc)]));
  const languages = await db.selectFrom('listings').select('language').distinct().where('status', '=', 'published').execute();
  return { listings, listingsWith: (term) => counts.get(term) ?? 1, languages: new Set(languages.map((l) => l.language)), countedAt: Date.now() };
}

async function publishedCount(db: Database): Promise<number> {
  const row = await db.selectFrom('listings').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The market's word counts, counted again when stale. */
export async function termRarity(db: Database): Promise<MarketWords> {
  let state = states.get(db);
  if (!state) states.set(db, (state = { known: null, counting: null, checkedAt: 0 }));
  const { known } = state;
  if (known && known.listings >= LARGE_MARKET && Date.now() - state.checkedAt < CHECK_EVERY_MS) return known;
  state.checkedAt = Date.now();
  const listings = await publishedCount(db);
  const fresh = known && Math.abs(known.listings - listings) <= Math.floor(known.listings / 20) && Date.now() - known.countedAt < MAX_AGE_MS;
  if (fresh) return known;
  const s = state;
  const counting = (s.counting ??= countTerms(db, listings)
    .then((c) => (s.known = c))
    .finally(() => (s.counting = null)));
  // A large market keeps matching with the old counts while new ones are made.
  if (known && known.listings >= LARGE_MARKET) {
    counting.catch(() => {});
    return known;
  }
  return counting;
}
