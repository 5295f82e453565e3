import { sql } from 'kysely';
import type { AppContext } from '../context.server.js';

export interface MarketHeadlines {
  offers: number;
  demands: number;
  organisations: number;
  verifiedOrganisations: number;
  /** Published listings per sector (a listing counts in each of its sectors). */
  bySector: Record<string, { offers: number; demands: number }>;
}

export async function marketHeadlines(ctx: AppContext): Promise<MarketHeadlines> {
  const kinds = await ctx.db
    .selectFrom('listings')
    .select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', '=', 'published')
    .groupBy('kind')
    .execute();
  const orgs = await ctx.db
    .selectFrom('organisations')
    .select([
      (eb) => eb.fn.countAll<string>().as('n'),
      sql<string>`count(*) filter (where verified_at is not null)`.as('verified'),
    ])
    .executeTakeFirstOrThrow();
  const sectors = await ctx.db
    .selectFrom(
      ctx.db
        .selectFrom('listings')
        .select(['kind', sql<string>`unnest(sectors)`.as('sector')])
        .where('status', '=', 'published')
        .as('s'),
    )
    .select(['s.sector', 's.kind', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['s.sector', 's.kind'])
    .execute();
  const bySector: MarketHeadlines['bySector'] = {};
  for (const row of sectors) {
    const entry = (bySector[row.sector] ??= { offers: 0, demands: 0 });
    entry[row.kind === 'offer' ? 'offers' : 'demands'] = Number(row.n);
  }
  const count = (k: string) => Number(kinds.find((r) => r.kind === k)?.n ?? 0);
  return {
    offers: count('offer'),
    demands: count('demand'),
    organisations: Number(orgs.n),
    verifiedOrganisations: Number(orgs.verified),
    bySector,
  };
}
