// In-app notifications (the bell) and their emails, written in the caller's transaction.
import '../i18n/catalogues.js';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../domain/actor.js';
import { translator } from '../i18n/index.js';
import type { MessageKey } from '../i18n/vi.js';
import type { AppContext } from '../context.server.js';
import { NotFoundError } from './errors.js';
import { isUuid } from './listings.server.js';
import { queueEmail } from './mail.server.js';

type Executor = Kysely<DB> | Transaction<DB>;

export const NOTIFICATION_KINDS = [
  'listing_approved',
  'listing_changes_requested',
  'listing_rejected',
  'listing_expiring',
  'listing_expired',
  'listing_submitted',
  'listing_revised',
  'listing_revision_approved',
  'listing_revision_declined',
  'deal_interest',
  'deal_accepted',
  'deal_declined',
  'deal_answer_due',
  'deal_expired',
  'deal_nda_proposed',
  'deal_nda_accepted',
  'deal_terms_proposed',
  'deal_agreed',
  'deal_withdrawn',
  'deal_terminated',
  'deal_message',
  'deal_introduced',
  'deal_consented',
  'deal_resolved',
  'deal_express_bought',
  'contract_ready',
  'contract_revised',
  'contract_signed_by_one',
  'contract_signed',
  'contract_paper_uploaded',
  'contract_completed',
  'contract_terminated',
  'milestone_transfer_reported',
  'milestone_paid',
  'milestone_not_received',
  'milestone_delivered',
  'milestone_changes_requested',
  'milestone_accepted',
  'milestone_auto_accepted',
  'milestone_payment_due',
  'milestone_overdue',
  'organisation_verified',
  'organisation_refused',
  'verification_requested',
  'new_match',
  'saved_search_hit',
  'deal_reviewed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The notification's sentence in one language, from its kind and params. */
export function notificationText(kind: string, params: Record<string, string>, lang: 'vi' | 'en'): string {
  const t = translator(lang);
  return t(`notification.${kind}` as MessageKey, params);
}

/** Someone who hears of something: in the app, and by email in their own language. */
export interface Recipient {
  id: string;
  email: string;
  language: 'vi' | 'en';
}

type Note = { kind: string; params: Record<string, string>; link: string };

/** The members of an organisation: the owner side of its listings. */
export async function organisationMembers(db: Executor, organisationId: string): Promise<Recipient[]> {
  return db.selectFrom('users').select(['id', 'email', 'language']).where('organisation_id', '=', organisationId).where('removed_at', 'is', null).execute();
}

/** Agency staff and platform admins: the curator side of everything. */
export async function curators(db: Executor): Promise<Recipient[]> {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.language'])
    .where((eb) => eb.or([eb('o.type', '=', 'agency'), eb('u.platform_admin', '=', true)]))
    .where('u.removed_at', 'is', null)
    .execute();
}

/** Tells every member of an organisation, in the app and by email. */
export async function notifyOrganisation(ctx: AppContext, db: Executor, organisationId: string, note: Note, options: { email?: boolean } = {}): Promise<boolean> {
  return notifyPeople(ctx, db, await organisationMembers(db, organisationId), note, options);
}

/** One person (a saved search's owner); email comes later, in the daily digest. */
export async function notifyUser(ctx: AppContext, db: Executor, user: { id: string }, note: Note): Promise<void> {
  const people = await db.selectFrom('users').select(['id', 'email', 'language']).where('id', '=', user.id).execute();
  await notifyPeople(ctx, db, people, note, { email: false });
}

/** Tells every curator, in the app (the review queue is their inbox). */
export async function notifyCurators(ctx: AppContext, db: Executor, note: Note): Promise<boolean> {
  return notifyPeople(ctx, db, await curators(db), note, { email: false });
}

/**
 * Writes the notifications in the caller's transaction, and queues each email in its recipient's
 * language; the mail job sends them after commit. True when an email was queued.
 */
export async function notifyPeople(ctx: Pick<AppContext, 'clock' | 'publicUrl'>, db: Executor, people: readonly Recipient[], note: Note, options: { email?: boolean } = {}): Promise<boolean> {
  if (people.length === 0) return false;
  const email = options.email !== false;
  await db
    .insertInto('notifications')
    .values(
      people.map((u) => ({
        user_id: u.id,
        kind: note.kind,
        params: JSON.stringify(note.params),
        link: note.link,
        created_at: ctx.clock(),
        // Emailed now, or left for the daily digest.
        emailed_at: email ? ctx.clock() : null,
      })),
    )
    .execute();
  if (!email) return false;
  for (const u of people) {
    const text = notificationText(note.kind, note.params, u.language);
    await queueEmail(db, { to: u.email, subject: `OpenTEX: ${text}`, text: `${text}\n\n${ctx.publicUrl}${note.link}` });
  }
  return true;
}

export async function unreadCount(ctx: AppContext, actor: Actor): Promise<number> {
  const row = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(ctx: AppContext, actor: Actor, limit = 50) {
  return ctx.db
    .selectFrom('notifications')
    .select(['id', 'kind', 'params', 'link', 'read_at', 'created_at'])
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * One notification opened by its reader: it is read from now on, and the reader goes where it
 * points (its list when it points nowhere). Someone else's notification is not found.
 */
export async function openNotification(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  if (!isUuid(id)) throw new NotFoundError('notification', id);
  const row = await ctx.db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(ctx.clock())) }))
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .returning('link')
    .executeTakeFirst();
  if (!row) throw new NotFoundError('notification', id);
  return row.link ?? '/notifications';
}

export async function markAllRead(ctx: AppContext, actor: Actor): Promise<void> {
  await ctx.db.updateTable('notifications').set({ read_at: ctx.clock() }).where('user_id', '=', actor.userId).where('read_at', 'is', null).execute();
}

const DIGEST_KINDS: NotificationKind[] = ['new_match', 'saved_search_hit'];

/**
 * The daily digest: for each organisation not emailed in the last 20 hours, every member gets
 * one email listing their match and saved-search notifications not yet emailed.
 */
export async function sendDigests(ctx: AppContext): Promise<number> {
  const since = new Date(ctx.clock().getTime() - 20 * 3_600_000);
  return ctx.db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select(['n.id', 'n.kind', 'n.params', 'n.link', 'u.id as user_id', 'u.email', 'u.language', 'o.id as organisation_id'])
      .where('n.kind', 'in', DIGEST_KINDS)
      .where('n.emailed_at', 'is', null)
      .where('u.removed_at', 'is', null)
      .where((eb) => eb.or([eb('o.digest_sent_at', 'is', null), eb('o.digest_sent_at', '<', since)]))
      .orderBy('n.created_at')
      .execute();
    const byUser = new Map<string, typeof pending>();
    for (const n of pending) byUser.set(n.user_id, [...(byUser.get(n.user_id) ?? []), n]);
    for (const notes of byUser.values()) {
      const lang = notes[0]!.language;
      const lines = notes.map((n) => `- ${notificationText(n.kind, n.params, lang)}\n  ${ctx.publicUrl}${n.link ?? ''}`);
      await queueEmail(trx, { to: notes[0]!.email, subject: `OpenTEX: ${translator(lang)('digest.subject', { count: notes.length })}`, text: lines.join('\n\n') });
    }
    if (pending.length) {
      await trx.updateTable('notifications').set({ emailed_at: ctx.clock() }).where('id', 'in', pending.map((n) => n.id)).execute();
      await trx.updateTable('organisations').set({ digest_sent_at: ctx.clock() }).where('id', 'in', [...new Set(pending.map((n) => n.organisation_id))]).execute();
    }
    return byUser.size;
  });
}
