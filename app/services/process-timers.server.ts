// The one job that takes due timers, for every process: a listing's expiry and its reminder
// today, a deal's deadlines tomorrow. A timer whose stay has ended was cancelled by the runner;
// one whose transition is no longer possible (archived meanwhile) ends as `moved_on`, doing nothing.
import type { AppContext } from '../context.server.js';
import { askFor, type JobRequest } from './jobs.server.js';
import { contractStore, milestoneStore } from './contract-store.server.js';
import { dealStore } from './deal-store.server.js';
import { listingStore } from './listing-lifecycle.server.js';
import { isRefusal, runTransitionIn, type ProcessStore } from './process-runner.server.js';

// Each store keeps its own facts; the job only needs their ids and transition names.
const STORES = (ctx: AppContext): Record<string, ProcessStore<any, any>> => ({ listing: listingStore, deal: dealStore(ctx.clock), contract: contractStore, milestone: milestoneStore });

/** Takes every timer due by now, each in its own transaction; returns how many were taken and skipped. */
export async function runDueTimers(ctx: AppContext, limit = 1000): Promise<{ taken: number; movedOn: number }> {
  let taken = 0;
  let movedOn = 0;
  for (let i = 0; i < limit; i += 1) {
    const after: JobRequest[] = [];
    const done = await ctx.db.transaction().execute(async (trx) => {
      const timer = await trx
        .selectFrom('process_timers')
        .select(['id', 'entity_type', 'entity_id', 'transition'])
        .where('done_at', 'is', null)
        .where('due_at', '<=', ctx.clock())
        .orderBy('due_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!timer) return false;
      const store = STORES(ctx)[timer.entity_type];
      let outcome: 'taken' | 'moved_on' = 'moved_on';
      if (store) {
        try {
          const result = await runTransitionIn(ctx, trx, store, timer.entity_id, { actor: null, name: timer.transition, input: {} });
          after.push(...result.after);
          outcome = 'taken';
        } catch (error) {
          // Refused before any write (the runner decides first): the stay moved on.
          if (!isRefusal(error)) throw error;
        }
      }
      await trx.updateTable('process_timers').set({ done_at: ctx.clock(), outcome }).where('id', '=', timer.id).execute();
      if (outcome === 'taken') taken += 1;
      else movedOn += 1;
      return true;
    });
    await askFor(ctx, after);
    if (!done) break;
  }
  return { taken, movedOn };
}
