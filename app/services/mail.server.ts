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
/** How long a sender may take over a batch before another may send it. */
const CLAIM_MS = 10 * 60_000;

export async function deliverQueuedEmails(ctx: AppContext, send: SendEmail, limit = 50): Promise<number> {
  // Claim a batch and commit: no row lock or connection is held while the mail server answers.
  // A sender that dies leaves its claim to lapse, and the next run sends the emails then.
  const now = ctx.clock();
  const batch = await ctx.db
    .updateTable('emails')
    .set({ claimed_until: new Date(now.getTime() + CLAIM_MS) })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('emails')
        .select('id')
        .where('sent_at', 'is', null)
        .where('attempts', '<', 10)
        .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', now)]))
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'to', 'subject', 'text'])
    .execute();
  let sent = 0;
  for (const email of batch) {
    try {
      await send(email);
      await ctx.db.updateTable('emails').set({ sent_at: ctx.clock(), claimed_until: null }).where('id', '=', email.id).execute();
      sent += 1;
    } catch (error) {
      await ctx.db
        .updateTable('emails')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: String(error).slice(0, 500), claimed_until: null }))
        .where('id', '=', email.id)
        .execute();
    }
  }
  return sent;
}
