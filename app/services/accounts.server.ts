// Accounts: sign up (creating an organisation, or joining one by invitation), sign in with
// rate limiting, sessions kept in PostgreSQL, and password reset by emailed one-time link.
import { sql } from 'kysely';
import type { Actor } from '../domain/actor.js';
import { fieldErrors, signInSchema, signUpSchema } from '../domain/account-input.js';
import { z } from 'zod';
import { password as passwordRule, email as emailRule } from '../domain/account-input.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../auth/password.server.js';
import { hashToken, newToken } from '../auth/tokens.server.js';
import type { AppContext } from '../context.server.js';
import { InvalidInputError, NotFoundError, RateLimitError } from './errors.js';
import { queueEmail } from './mail.server.js';

export const SESSION_DAYS = 30;
const DAY = 86_400_000;
const RESET_MINUTES = 30;
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 5, perIp: 20 };

type Meta = { userAgent?: string | null };

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidInputError(fieldErrors(result.error));
  return result.data;
}

async function createSession(ctx: AppContext, db: AppContext['db'], userId: string, meta: Meta) {
  const { token, hash } = newToken();
  await db
    .insertInto('sessions')
    .values({ id: hash, user_id: userId, expires_at: new Date(ctx.clock().getTime() + SESSION_DAYS * DAY), user_agent: meta.userAgent?.slice(0, 300) ?? null })
    .execute();
  return token;
}

/** A new account with a new organisation; the person becomes its admin. */
export async function signUp(ctx: AppContext, input: unknown, meta: Meta = {}): Promise<{ token: string; userId: string }> {
  const v = parse(signUpSchema, input);
  const passwordHash = await hashPassword(v.password);
  return ctx.db.transaction().execute(async (trx) => {
    const errors: Record<string, string[]> = {};
    if (await trx.selectFrom('users').select('id').where('email', '=', v.email).executeTakeFirst()) {
      errors.email = ['an account with this email already exists: sign in or reset your password'];
    }
    if (await trx.selectFrom('organisations').select('id').where('tax_code', '=', v.taxCode).executeTakeFirst()) {
      errors.taxCode = ['this organisation is already on OpenTEX: ask its administrator to invite you'];
    }
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
    const org = await trx
      .insertInto('organisations')
      .values({
        slug: await uniqueSlug(trx, v.organisationName),
        name: v.organisationName,
        type: v.organisationType,
        tax_code: v.taxCode,
        province_code: v.province,
        website: v.website,
        description: v.description,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await trx
      .insertInto('users')
      .values({ email: v.email, name: v.name, password_hash: passwordHash, organisation_id: org.id, role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('audit_events').values({ entity_type: 'organisation', entity_id: org.id, action: 'create', actor_id: user.id }).execute();
    return { token: await createSession(ctx, trx, user.id, meta), userId: user.id };
  });
}

export async function signIn(ctx: AppContext, input: unknown, meta: Meta & { ip: string }): Promise<{ token: string }> {
  const v = parse(signInSchema, input);
  const since = new Date(ctx.clock().getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const failures = await ctx.db
    .selectFrom('sign_in_attempts')
    .select([
      sql<string>`count(*) filter (where email = ${v.email})`.as('account'),
      sql<string>`count(*) filter (where ip = ${meta.ip})`.as('ip'),
    ])
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .where((eb) => eb.or([eb('email', '=', v.email), eb('ip', '=', meta.ip)]))
    .executeTakeFirstOrThrow();
  if (Number(failures.account) >= SIGN_IN_LIMITS.perAccount || Number(failures.ip) >= SIGN_IN_LIMITS.perIp) {
    throw new RateLimitError(SIGN_IN_LIMITS.windowMinutes * 60);
  }
  const user = await ctx.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', v.email).executeTakeFirst();
  const ok = user ? await verifyPassword(user.password_hash, v.password) : await verifyAgainstNothing(v.password);
  await ctx.db.insertInto('sign_in_attempts').values({ email: v.email, ip: meta.ip, succeeded: ok, at: ctx.clock() }).execute();
  if (!user || !ok) throw new InvalidInputError({ form: ['wrong email or password'] });
  return { token: await createSession(ctx, ctx.db, user.id, meta) };
}

/** The person behind a session cookie, or null when it is unknown or expired. */
export async function actorFromSession(ctx: AppContext, token: string | null | undefined): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const row = await ctx.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.platform_admin', 'o.id as organisation_id', 'o.type as organisation_type'])
    .where('s.id', '=', hashToken(token))
    .where('s.expires_at', '>', ctx.clock())
    .executeTakeFirst();
  if (!row) return null;
  return {
    userId: row.id,
    name: row.name,
    email: row.email,
    organisationId: row.organisation_id,
    organisationType: row.organisation_type,
    role: row.role,
    platformAdmin: row.platform_admin,
  };
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Ends every session of this person, on every device. */
export async function signOutEverywhere(ctx: AppContext, actor: Actor): Promise<number> {
  const result = await ctx.db.deleteFrom('sessions').where('user_id', '=', actor.userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function activeSessions(ctx: AppContext, actor: Actor) {
  return ctx.db
    .selectFrom('sessions')
    .select(['created_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', actor.userId)
    .where('expires_at', '>', ctx.clock())
    .orderBy('created_at', 'desc')
    .execute();
}

/** Always answers the same, whether or not the email has an account. */
export async function requestPasswordReset(ctx: AppContext, input: unknown): Promise<void> {
  const email = parse(z.object({ email: emailRule }), input).email;
  const user = await ctx.db.selectFrom('users').select(['id', 'name']).where('email', '=', email).executeTakeFirst();
  if (!user) return;
  const { token, hash } = newToken();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({ token_hash: hash, user_id: user.id, expires_at: new Date(ctx.clock().getTime() + RESET_MINUTES * 60_000) })
      .execute();
    const link = `${ctx.publicUrl}/reset-password/${token}`;
    await queueEmail(trx, {
      to: email,
      subject: 'OpenTEX: đặt lại mật khẩu / reset your password',
      text:
        `Xin chào ${user.name},\n\nĐể đặt mật khẩu mới, hãy mở liên kết sau trong ${RESET_MINUTES} phút:\n${link}\n\n` +
        `Hello ${user.name},\n\nTo choose a new password, open this link within ${RESET_MINUTES} minutes:\n${link}\n\n` +
        'Nếu bạn không yêu cầu, hãy bỏ qua thư này. / If you did not ask for this, ignore this email.',
    });
  });
  await ctx.jobs.requestMailDelivery().catch(() => {});
}

/** Whether a reset link can still be used (the page shows a clear message if not). */
export async function passwordResetIsValid(ctx: AppContext, token: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('password_resets')
    .select('user_id')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', ctx.clock())
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets the new password, uses up the link and ends every session (a stolen one too). */
export async function resetPassword(ctx: AppContext, token: string, input: unknown): Promise<void> {
  const v = parse(z.object({ password: passwordRule }), input);
  const passwordHash = await hashPassword(v.password);
  await ctx.db.transaction().execute(async (trx) => {
    const reset = await trx
      .updateTable('password_resets')
      .set({ used_at: ctx.clock() })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', ctx.clock())
      .returning('user_id')
      .executeTakeFirst();
    if (!reset) throw new NotFoundError('user', 'reset link');
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: ctx.clock() }).where('id', '=', reset.user_id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute();
    await trx.insertInto('audit_events').values({ entity_type: 'user', entity_id: reset.user_id, action: 'password_reset', actor_id: reset.user_id }).execute();
  });
}

async function uniqueSlug(db: AppContext['db'], name: string): Promise<string> {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'org';
  for (let i = 0; ; i += 1) {
    const slug = i === 0 ? base.padEnd(2, '0') : `${base}-${i + 1}`;
    const taken = await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!taken) return slug;
  }
}


/** Housekeeping: expired sessions and old sign-in attempts (kept a day, for the rate limits). */
export async function purgeExpiredAccess(ctx: AppContext): Promise<{ sessions: number; attempts: number }> {
  const now = ctx.clock();
  const sessions = await ctx.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  const attempts = await ctx.db.deleteFrom('sign_in_attempts').where('at', '<', new Date(now.getTime() - 86_400_000)).executeTakeFirst();
  await ctx.db.deleteFrom('password_resets').where('expires_at', '<', new Date(now.getTime() - 86_400_000)).execute();
  return { sessions: Number(sessions.numDeletedRows), attempts: Number(attempts.numDeletedRows) };
}
