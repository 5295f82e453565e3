// The query mix: what people type into the search box — Vietnamese with and without
// diacritics, English, 1–4 words, some with filters or on page 2 — as the app's URL and as the
// JSON body the app itself sends to Meilisearch for it (search/queries.ts toSearchParams).
import { parseListingQuery } from '../../app/domain/listing-query.js';
import { PROVINCES } from '../../app/domain/provinces.js';
import { SECTORS } from '../../app/domain/taxonomy.js';
import { toSearchParams } from '../../search/queries.js';
import { createRng, foldDiacritics } from './prng.js';
import { QUALIFIERS, SECTOR_TERMS, USERS } from './vocabulary.js';

export type QueryStyle = 'vi' | 'vi-folded' | 'en';

export interface BenchQuery {
  style: QueryStyle;
  q: string;
  /** Path and query string of GET /api/v1/search. */
  appPath: string;
  /** Body of POST /indexes/<index>/search, exactly what the app sends for appPath. */
  meiliBody: string;
}

export function queryMix(seed: number, count: number): BenchQuery[] {
  const rng = createRng(seed ^ 0x5eed);
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = rng.next();
    const style: QueryStyle = r < 0.4 ? 'vi' : r < 0.65 ? 'vi-folded' : 'en';
    const lang = style === 'en' ? 1 : 0;
    const sector = rng.pick(SECTORS);
    const wanted = rng.int(1, 4);
    const words: string[] = [];
    // Words of one or two sector terms, now and then a qualifier or a user ("cho nông hộ").
    const sources = rng.sample(SECTOR_TERMS[sector], 2).map((term) => term[lang]);
    if (rng.chance(0.2)) sources.splice(1, 0, rng.pick(rng.chance(0.5) ? QUALIFIERS : USERS)[lang]);
    for (const source of sources) words.push(...source.split(' '));
    let q = words.slice(0, wanted).join(' ');
    if (style === 'vi-folded') q = foldDiacritics(q);
    if (rng.chance(0.3)) q = q.toLowerCase();

    const params = new URLSearchParams({ q });
    if (rng.chance(0.25)) params.set('kind', rng.chance(0.55) ? 'offer' : 'demand');
    if (rng.chance(0.2)) params.set('sector', sector);
    if (rng.chance(0.1)) params.set('trl_min', String(rng.int(4, 7)));
    if (rng.chance(0.05)) params.set('province', rng.pick(PROVINCES).code);
    if (rng.chance(0.05)) params.set('sort', 'newest');
    if (rng.chance(0.15)) params.set('page', '2');

    const query = parseListingQuery(params);
    queries.push({
      style,
      q,
      appPath: `/api/v1/search?${params.toString()}`,
      meiliBody: JSON.stringify({ q: query.q, ...toSearchParams(query) }),
    });
  }
  return queries;
}
