// Every kind of background work by name, and the use case it runs. The job queue (pg-boss, in
// app/server/jobs.ts) and the test market (tests/support/market.ts) run these same handlers.
import { relayOutbox } from '../../search/relay.js';
import type { AppContext, JobName, JobPayloads } from '../context.server.js';
import { handleAccountRequests, purgeExpiredAccess } from './accounts.server.js';
import { resumeImports, runImport } from './bulk-import-run.server.js';
import { deliverQueuedEmails, type SendEmail } from './mail.server.js';
import { matchPublishedListing, sweepMatching } from './matching-runs.server.js';
import { DEFAULT_STATS_QUERY } from '../domain/stats-query.js';
import { marketFigures, refreshMarketFacts } from './market-figures.server.js';
import { sendDigests } from './notifications.server.js';
import { runDueTimers } from './process-timers.server.js';
import { checkSearchIndex, describeSearchIndexCheck } from './search-index-check.server.js';

export type JobHandlers = { [N in JobName]: (ctx: AppContext, payload: JobPayloads[N]) => Promise<void> };

export function jobHandlers(deps: { sendEmail: SendEmail | null; log: (message: string) => void }): JobHandlers {
  const { sendEmail, log } = deps;
  return {
    'search-relay': async (ctx) => {
      await relayOutbox(ctx.db, ctx.search);
    },
    // Without a sender, email stays queued in the database (printed to the log by the server).
    'mail-delivery': async (ctx) => {
      if (sendEmail) await deliverQueuedEmails(ctx, sendEmail);
    },
    'listing-published': async (ctx, { id }) => {
      await matchPublishedListing(ctx, id);
    },
    // Sign-ups and reset requests wait as rows; a lost or failed run is caught up by the next one.
    'account-mail': async (ctx) => {
      await handleAccountRequests(ctx);
    },
    'process-timers': async (ctx) => {
      const { taken, movedOn } = await runDueTimers(ctx);
      if (taken + movedOn > 0) log(`Timers: ${taken} transition(s) taken, ${movedOn} no longer due`);
    },
    'stats-refresh': async (ctx) => {
      await refreshMarketFacts(ctx.db);
      // The dashboard as it first opens, computed now, so its first visitor does not wait for it.
      await marketFigures(ctx, DEFAULT_STATS_QUERY);
    },
    'daily-digest': async (ctx) => {
      if ((await sendDigests(ctx)) > 0) await ctx.jobs.enqueue('mail-delivery', {});
    },
    housekeeping: async (ctx) => {
      await purgeExpiredAccess(ctx);
    },
    'matching-sweep': async (ctx) => {
      const swept = await sweepMatching(ctx);
      if (swept.due) log(`Matching sweep: ${swept.matched} of ${swept.due} unmatched listing(s) matched`);
    },
    'bulk-import': async (ctx, { id }) => {
      if (id) await runImport(ctx, id);
      else if ((await resumeImports(ctx)) > 0) log('Bulk import: resumed imports left running');
    },
    'search-index-check': async (ctx) => {
      try {
        log(describeSearchIndexCheck(await checkSearchIndex(ctx)));
      } catch (error) {
        log(`Search index check failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    },
  };
}
