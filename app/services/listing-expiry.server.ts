// Freshness: listings lapse a year after they were last confirmed; owners hear two weeks before.
import { EXPIRY_REMINDER_DAYS } from '../domain/listing-lifecycle.js';
import type { AppContext } from '../context.server.js';
import { applyListingTransition } from './listing-lifecycle.server.js';
import { notifyOrganisation } from './notifications.server.js';

export async function expireListings(ctx: AppContext): Promise<number> {
  const due = await ctx.db.selectFrom('listings').select('id').where('status', '=', 'published').where('expires_at', '<=', ctx.clock()).execute();
  let expired = 0;
  for (const { id } of due) {
    // Renewed or archived meanwhile: the transition refuses, and that is fine.
    await applyListingTransition(ctx, null, id, 'expire').then(() => (expired += 1), () => {});
  }
  return expired;
}

export async function sendExpiryReminders(ctx: AppContext): Promise<number> {
  const horizon = new Date(ctx.clock().getTime() + EXPIRY_REMINDER_DAYS * 86_400_000);
  return ctx.db.transaction().execute(async (trx) => {
    const due = await trx
      .updateTable('listings')
      .set({ expiry_reminder_sent_at: ctx.clock() })
      .where('status', '=', 'published')
      .where('expires_at', '<=', horizon)
      .where('expiry_reminder_sent_at', 'is', null)
      .returning(['id', 'title', 'organisation_id', 'expires_at'])
      .execute();
    for (const l of due) {
      await notifyOrganisation(ctx, trx, l.organisation_id, {
        kind: 'listing_expiring',
        params: { title: l.title, date: l.expires_at!.toISOString().slice(0, 10) },
        link: `/my/listings/${l.id}`,
      });
    }
    return due.length;
  });
}
