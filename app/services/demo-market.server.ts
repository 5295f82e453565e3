// The demo market of `npm start`: db/seed.ts writes the organisations, people and listings, and
// each listing is published by the listing process's `seed` transition, back-dated to its day.
import type { Database } from '../../db/connection.js';
import { seedDemoData } from '../../db/seed.js';
import { listingStore } from './listing-lifecycle.server.js';
import { runTransitionIn } from './process-runner.server.js';

export function seedDemoMarket(
  db: Database,
  options: { now?: Date; onProgress?: (done: number, total: number) => void; hashPassword?: (password: string) => Promise<string> } = {},
) {
  return seedDemoData(db, {
    ...options,
    // No one is told of a demo publication, so no link or job is needed: the relay's scheduled
    // run indexes the outbox rows the runner writes.
    publish: async (trx, listingId, at) => {
      await runTransitionIn({ clock: () => at, publicUrl: '' }, trx, listingStore, listingId, { actor: null, name: 'seed', input: {}, at });
    },
  });
}
