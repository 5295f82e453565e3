// Email goes into the `emails` table in the caller's transaction; a job sends it through SMTP,
// or without SMTP prints it to the server's log. The development mailbox (/dev/mailbox) shows
// them too, but only when switched on (DEV_MAILBOX=true) and only to this machine: its reset and
// invitation links open accounts (docs/decisions/010-account-emails-and-limits.md).
import { timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AppContext } from '../context.server.js';
import { NotFoundError } from './errors.js';

type Executor = Kysely<DB> | Transaction<DB>;

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export async function queueEmail(db: Executor, email: Email): Promise<void> {
  await db.insertInto('emails').values(email).execute();
}

/** The latest emails, for a developer at this machine holding the key; nobody else learns the page exists. */
export async function developmentMailbox(ctx: AppContext, request: { fromThisMachine: boolean; key: string | null }, limit = 50) {
  if (!ctx.devMailbox || ctx.smtpConfigured || !request.fromThisMachine || !sameSecret(request.key, ctx.devMailbox)) {
    throw new NotFoundError('page', '/dev/mailbox');
  }
  return ctx.db
    .selectFrom('emails')
    .select(['id', 'to', 'subject', 'text', 'created_at', 'sent_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

function sameSecret(given: string | null, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type SendEmail = (email: Email) => Promise<void>;

/** Sends queued emails through `send`; each is marked sent only once the server accepted it. */
export async function deliverQueuedEmails(ctx: AppContext, send: SendEmail, limit = 50): Promise<number> {
  let sent = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const batch = await trx
      .selectFrom('emails')
      .select(['id', 'to', 'subject', 'text'])
      .where('sent_at', 'is', null)
      .where('attempts', '<', 10)
      .orderBy('created_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const email of batch) {
      try {
        await send(email);
        await trx.updateTable('emails').set({ sent_at: ctx.clock() }).where('id', '=', email.id).execute();
        sent += 1;
      } catch (error) {
        await trx
          .updateTable('emails')
          .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: String(error).slice(0, 500) }))
          .where('id', '=', email.id)
          .execute();
      }
    }
  });
  return sent;
}
