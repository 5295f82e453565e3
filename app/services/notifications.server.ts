// In-app notifications (the bell) and their emails, written in the caller's transaction.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../domain/actor.js';
import { translator } from '../i18n/index.js';
import type { MessageKey } from '../i18n/vi.js';
import type { AppContext } from '../context.server.js';
import { queueEmail } from './mail.server.js';

type Executor = Kysely<DB> | Transaction<DB>;

export const NOTIFICATION_KINDS = [
  'listing_approved',
  'listing_changes_requested',
  'listing_rejected',
  'listing_expiring',
  'listing_expired',
  'listing_submitted',
  'organisation_verified',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The notification's sentence in one language, from its kind and params. */
export function notificationText(kind: string, params: Record<string, string>, lang: 'vi' | 'en'): string {
  const t = translator(lang);
  return t(`notification.${kind}` as MessageKey, params);
}

/** Tells every member of an organisation, in the app and by email (both languages). */
export async function notifyOrganisation(
  ctx: AppContext,
  db: Executor,
  organisationId: string,
  note: { kind: NotificationKind; params: Record<string, string>; link: string },
): Promise<void> {
  const members = await db.selectFrom('users').select(['id', 'email']).where('organisation_id', '=', organisationId).execute();
  await notifyUsers(ctx, db, members, note);
}

/** Tells every curator (agency staff and platform admins). */
export async function notifyCurators(
  ctx: AppContext,
  db: Executor,
  note: { kind: NotificationKind; params: Record<string, string>; link: string },
): Promise<void> {
  const curators = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email'])
    .where((eb) => eb.or([eb('o.type', '=', 'agency'), eb('u.platform_admin', '=', true)]))
    .execute();
  await notifyUsers(ctx, db, curators, note, { email: false });
}

async function notifyUsers(
  ctx: AppContext,
  db: Executor,
  users: { id: string; email: string }[],
  note: { kind: NotificationKind; params: Record<string, string>; link: string },
  options: { email?: boolean } = {},
) {
  if (users.length === 0) return;
  await db
    .insertInto('notifications')
    .values(users.map((u) => ({ user_id: u.id, kind: note.kind, params: JSON.stringify(note.params), link: note.link, created_at: ctx.clock() })))
    .execute();
  if (options.email === false) return;
  const vi = notificationText(note.kind, note.params, 'vi');
  const en = notificationText(note.kind, note.params, 'en');
  for (const u of users) {
    await queueEmail(db, { to: u.email, subject: `OpenTEX: ${vi}`, text: `${vi}\n${en}\n\n${ctx.publicUrl}${note.link}` });
  }
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

export async function markAllRead(ctx: AppContext, actor: Actor): Promise<void> {
  await ctx.db.updateTable('notifications').set({ read_at: ctx.clock() }).where('user_id', '=', actor.userId).where('read_at', 'is', null).execute();
}
