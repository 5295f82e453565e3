// The baseline matcher: PostgreSQL full-text search of the demand's words over the offers'
// texts (any word may match, ranked by ts_rank_cd), with no structure and no vocabulary.
import { sql } from 'kysely';
import type { Database } from '../../db/connection.js';

/** The offers the demand's words find, best first, each with its rank (ties are the caller's to order). */
export async function baselineRanking(db: Database, demandId: string, limit = 30): Promise<{ id: string; rank: number }[]> {
  const demand = await db.selectFrom('listings').select(['title', 'summary']).where('id', '=', demandId).executeTakeFirstOrThrow();
  const words = [...new Set(`${demand.title} ${demand.summary}`.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [])];
  if (words.length === 0) return [];
  const query = sql`to_tsquery('simple', opentex_fold(${words.join(' | ')}))`;
  const rows = await db
    .selectFrom('listings')
    .select(['id', sql<number>`ts_rank_cd(search_vector, ${query})`.as('rank')])
    .where('kind', '=', 'offer')
    .where('status', '=', 'published')
    .where(sql<boolean>`search_vector @@ ${query}`)
    .orderBy('rank', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
}
