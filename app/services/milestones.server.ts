// A milestone's use cases: the buyer reports a bank transfer, the seller confirms it arrived (or
// that nothing did), the seller delivers, the buyer accepts or asks for changes. The platform
// records what the parties say; the money goes from buyer to seller directly. Each change of
// stage goes through the process runner, so a transfer confirmed twice counts once.
import type { Actor } from '../domain/actor.js';
import type { MilestoneTransitionName } from '../domain/milestone-process.js';
import type { AppContext } from '../context.server.js';
import { milestoneStore } from './contract-store.server.js';
import { runTransition, type TransitionOutcome } from './process-runner.server.js';

export interface MilestoneActionInput {
  version?: number | null;
  note?: string | null;
}

/** Any transition a side takes by hand on a milestone, with the payment rows a transfer writes. */
export async function takeMilestoneTransition(ctx: AppContext, actor: Actor, milestoneId: string, name: MilestoneTransitionName | string, input: MilestoneActionInput = {}): Promise<TransitionOutcome> {
  const note = input.note?.normalize('NFC').trim() || null;
  return runTransition(ctx, milestoneStore, milestoneId, {
    actor,
    name,
    input: { note, reason: note },
    expectedVersion: input.version ?? null,
    write: async (trx, facts, taken) => {
      const at = ctx.clock();
      if (taken === 'report_transfer') {
        await trx.insertInto('payments').values({ milestone_id: milestoneId, provider: 'bank_transfer', amount: facts.amount, status: 'reported', created_by: actor.userId, created_at: at }).execute();
      }
      if (taken === 'confirm_receipt' || taken === 'report_not_received') {
        await trx
          .updateTable('payments')
          .set({ status: taken === 'confirm_receipt' ? 'confirmed' : 'not_received', settled_at: at })
          .where('milestone_id', '=', milestoneId)
          .where('provider', '=', 'bank_transfer')
          .where('status', '=', 'reported')
          .execute();
      }
      return note ? { note } : undefined;
    },
  });
}
