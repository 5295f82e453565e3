// The agency's view of every deal: open ones oldest-unanswered first, with filters a curator
// shares as a link (stage, overdue, sector, province).
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../domain/actor.js';
import { DEAL_STAGES, OPEN_STAGES } from '../domain/deal-process.js';
import { PROVINCE_CODES } from '../domain/provinces.js';
import { SECTORS } from '../domain/taxonomy.js';
import { workingDaysLeft } from '../domain/working-days.js';
import type { AppContext } from '../context.server.js';
import { requireCurator } from './curation.server.js';
import { parsed } from './errors.js';

export const curatorDealFilterSchema = z.object({
  stage: z.enum(DEAL_STAGES).optional().catch(undefined),
  overdue: z.literal('1').optional().catch(undefined),
  sector: z.enum(SECTORS).optional().catch(undefined),
  province: z.enum(PROVINCE_CODES).optional().catch(undefined),
});
export type CuratorDealFilter = z.output<typeof curatorDealFilterSchema>;

export async function curatorDeals(ctx: AppContext, actor: Actor, query: Record<string, string>) {
  requireCurator(actor);
  const filter = parsed(curatorDealFilterSchema, query);
  const now = ctx.clock();
  let q = ctx.db
    .selectFrom('deals as d')
    .innerJoin('listings as l', 'l.id', 'd.listing_id')
    .innerJoin('organisations as b', 'b.id', 'd.buyer_organisation_id')
    .innerJoin('organisations as s', 's.id', 'd.seller_organisation_id')
    .select(['d.id', 'd.stage', 'd.created_at', 'd.updated_at', 'd.answer_due_at', 'd.answered_at', 'l.title', 'l.sectors', 'l.province_code', 'b.name as buyer_name', 's.name as seller_name']);
  if (filter.stage) q = q.where('d.stage', '=', filter.stage);
  if (filter.overdue) q = q.where('d.stage', 'in', ['introduced', 'inquiry']).where('d.answer_due_at', '<', now);
  if (filter.sector) q = q.where(sql<boolean>`${filter.sector} = any(l.sectors)`);
  if (filter.province) q = q.where('l.province_code', '=', filter.province);
  // Open deals first, the longest waiting for an answer at the top.
  const rows = await q.orderBy('d.answer_due_at', 'asc').orderBy('d.created_at', 'asc').limit(500).execute();
  const open = (stage: string) => (OPEN_STAGES as readonly string[]).includes(stage);
  return {
    filter,
    deals: rows
      .map((r) => ({
        id: r.id,
        stage: r.stage,
        title: r.title,
        buyer: r.buyer_name,
        seller: r.seller_name,
        openedAt: r.created_at.toISOString(),
        answerDueAt: r.answer_due_at?.toISOString() ?? null,
        workingDaysLeft: r.answer_due_at && !r.answered_at && open(r.stage) ? workingDaysLeft(now, r.answer_due_at) : null,
        overdue: Boolean(r.answer_due_at && !r.answered_at && open(r.stage) && r.answer_due_at < now),
      }))
      .sort((a, b) => Number(open(b.stage)) - Number(open(a.stage))),
  };
}
