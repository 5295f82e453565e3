// Accounts: sign up (confirmed by an emailed link, creating an organisation), sign in with
// rate limiting, sessions kept in PostgreSQL, and password reset by emailed one-time link.
// Nothing a stranger can ask here answers differently for an email that has an account: the
// lookups happen in a job (handleAccountRequests) that emails the address's owner.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../domain/actor.js';
import { newPasswordSchema, passwordResetRequestSchema, signInSchema, signUpSchema } from '../domain/account-input.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../auth/password.server.js';
import { hashToken, newToken } from '../auth/tokens.server.js';
import type { AppContext } from '../context.server.js';
import { askFor } from './jobs.server.js';
import { ConflictError, LinkExpiredError, RateLimitError, invalidField, parsed } from './errors.js';
import { queueEmail } from './mail.server.js';

export const SESSION_DAYS = 30;
const DAY = 86_400_000;
const RESET_MINUTES = 30;
const SIGN_UP_HOURS = 48;
/** Failures (and attempts being evaluated) in the window, per account and address together, and per address. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccountAndAddress: 5, perAddress: 20 };
/** Reset emails per account, and reset requests per address, in the window. */
export const RESET_LIMITS = { windowMinutes: 60, perAccount: 3, perAddress: 10 };
export const SIGN_UP_LIMITS = { windowMinutes: 60, perAddress: 10 };

type Meta = { userAgent?: string | null };


/**
 * Holds a transaction-scoped lock on one key (an address, a tax code, an email): whoever counts
 * or checks under it sees every write made before by others holding it.
 */
async function lockKey(trx: Transaction<DB>, kind: string, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${kind}:${key}`}, 0))`.execute(trx);
}

function minutesAgo(ctx: AppContext, minutes: number): Date {
  return new Date(ctx.clock().getTime() - minutes * 60_000);
}

async function createSession(ctx: AppContext, db: AppContext['db'], userId: string, meta: Meta) {
  const { token, hash } = newToken();
  await db
    .insertInto('sessions')
    .values({ id: hash, user_id: userId, expires_at: new Date(ctx.clock().getTime() + SESSION_DAYS * DAY), user_agent: meta.userAgent?.slice(0, 300) ?? null })
    .execute();
  return token;
}

async function taxCodeTaken(db: AppContext['db'], taxCode: string): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').where('tax_code', '=', taxCode).executeTakeFirst()) !== undefined;
}

/**
 * Records a sign-up for a new organisation; nothing is created until the emailed link is opened.
 * Answers the same whether or not the email has an account: the job tells its owner.
 */
export async function signUp(ctx: AppContext, input: unknown, meta: { ip: string }): Promise<void> {
  const v = parsed(signUpSchema, input);
  const passwordHash = await hashPassword(v.password);
  await ctx.db.transaction().execute(async (trx) => {
    await lockKey(trx, 'sign-up', meta.ip);
    const recent = await trx
      .selectFrom('sign_ups')
      .select(sql<string>`count(*)`.as('n'))
      .where('ip', '=', meta.ip)
      .where('created_at', '>', minutesAgo(ctx, SIGN_UP_LIMITS.windowMinutes))
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= SIGN_UP_LIMITS.perAddress) throw new RateLimitError(SIGN_UP_LIMITS.windowMinutes * 60);
    // The tax code identifies an organisation, not a person: the message names no one.
    if (await taxCodeTaken(trx, v.taxCode)) throw invalidField('taxCode', 'tax_code_taken');
    await trx
      .insertInto('sign_ups')
      .values({
        email: v.email,
        name: v.name,
        password_hash: passwordHash,
        organisation_name: v.organisationName,
        organisation_type: v.organisationType,
        tax_code: v.taxCode,
        province_code: v.province,
        website: v.website,
        description: v.description,
        legal_representative: v.legalRepresentative,
        registration_document: v.registrationDocument,
        ip: meta.ip,
        created_at: ctx.clock(),
        expires_at: new Date(ctx.clock().getTime() + SIGN_UP_HOURS * 3_600_000),
      })
      .execute();
  });
  await askFor(ctx, [['account-mail', {}]]);
}

/** The sign-up behind a confirmation link, for the page that asks to confirm it. */
export async function findSignUp(ctx: AppContext, token: string): Promise<{ email: string; organisationName: string }> {
  const row = await ctx.db
    .selectFrom('sign_ups')
    .select(['email', 'organisation_name'])
    .where('token_hash', '=', hashToken(token))
    .where('confirmed_at', 'is', null)
    .where('expires_at', '>', ctx.clock())
    .executeTakeFirst();
  if (!row) throw new LinkExpiredError('sign_up');
  return { email: row.email, organisationName: row.organisation_name };
}

/** Opening the emailed link proves the email: the organisation and its admin are created. */
export async function confirmSignUp(ctx: AppContext, token: string, meta: Meta = {}): Promise<{ token: string; userId: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const s = await trx
      .updateTable('sign_ups')
      .set({ confirmed_at: ctx.clock() })
      .where('token_hash', '=', hashToken(token))
      .where('confirmed_at', 'is', null)
      .where('expires_at', '>', ctx.clock())
      .returningAll()
      .executeTakeFirst();
    if (!s) throw new LinkExpiredError('sign_up');
    // Two confirmations of the same email or tax code at once: the second waits, then sees the first.
    await lockKey(trx, 'email', s.email);
    await lockKey(trx, 'tax-code', s.tax_code);
    if (await trx.selectFrom('users').select('id').where('email', '=', s.email).executeTakeFirst()) {
      throw new ConflictError('email_taken');
    }
    if (await taxCodeTaken(trx, s.tax_code)) throw new ConflictError('organisation_taken');
    const org = await trx
      .insertInto('organisations')
      .values({
        slug: await uniqueSlug(trx, s.organisation_name),
        name: s.organisation_name,
        type: s.organisation_type,
        tax_code: s.tax_code,
        province_code: s.province_code,
        website: s.website,
        description: s.description,
        legal_representative: s.legal_representative,
        registration_document: s.registration_document,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await trx
      .insertInto('users')
      .values({ email: s.email, name: s.name, password_hash: s.password_hash, organisation_id: org.id, role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('audit_events').values({ entity_type: 'organisation', entity_id: org.id, action: 'create', actor_id: user.id, at: ctx.clock() }).execute();
    return { token: await createSession(ctx, trx, user.id, meta), userId: user.id };
  });
}

/**
 * Each attempt is reserved before it is evaluated, under a lock on its address: parallel
 * guesses cannot all pass the count. Limits count per (account, address) and per address, so a
 * stranger guessing slows only themself; the owner elsewhere still signs in.
 */
export async function signIn(ctx: AppContext, input: unknown, meta: Meta & { ip: string }): Promise<{ token: string; actor: Actor }> {
  const v = parsed(signInSchema, input);
  const attemptId = await reserveSignInAttempt(ctx, v.email, meta.ip);
  // A removed member's account stays (their name is on what they did) but signs in no more.
  const user = await ctx.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', v.email).where('removed_at', 'is', null).executeTakeFirst();
  const ok = user ? await verifyPassword(user.password_hash, v.password) : await verifyAgainstNothing(v.password);
  await ctx.db.updateTable('sign_in_attempts').set({ succeeded: ok }).where('id', '=', attemptId).execute();
  if (!user || !ok) throw invalidField('form', 'wrong_credentials');
  const token = await createSession(ctx, ctx.db, user.id, meta);
  const actor = await actorFromSession(ctx, token);
  if (!actor) throw new Error('A session just created was not found');
  return { token, actor };
}

async function reserveSignInAttempt(ctx: AppContext, email: string, ip: string): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockKey(trx, 'sign-in', ip);
    const failures = await trx
      .selectFrom('sign_in_attempts')
      .select([sql<string>`count(*) filter (where email = ${email})`.as('pair'), sql<string>`count(*)`.as('address')])
      .where('ip', '=', ip)
      .where('at', '>', minutesAgo(ctx, SIGN_IN_LIMITS.windowMinutes))
      .where((eb) => eb.or([eb('succeeded', '=', false), eb('succeeded', 'is', null)]))
      .executeTakeFirstOrThrow();
    if (Number(failures.pair) >= SIGN_IN_LIMITS.perAccountAndAddress || Number(failures.address) >= SIGN_IN_LIMITS.perAddress) {
      throw new RateLimitError(SIGN_IN_LIMITS.windowMinutes * 60);
    }
    const row = await trx.insertInto('sign_in_attempts').values({ email, ip, succeeded: null, at: ctx.clock() }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  });
}

/** The columns of a user and their organisation that make an Actor (joined as `u` and `o`). */
export const ACTOR_COLUMNS = ['u.id', 'u.name', 'u.email', 'u.role', 'u.platform_admin', 'u.may_sign', 'o.id as organisation_id', 'o.type as organisation_type'] as const;

type ActorRow = { id: string; name: string; email: string; role: Actor['role']; platform_admin: boolean; may_sign: boolean; organisation_id: string; organisation_type: Actor['organisationType'] };

export function actorOf(row: ActorRow): Actor {
  return {
    userId: row.id,
    name: row.name,
    email: row.email,
    organisationId: row.organisation_id,
    organisationType: row.organisation_type,
    role: row.role,
    platformAdmin: row.platform_admin,
    maySign: row.may_sign,
  };
}

/** The person behind a session cookie, or null when it is unknown or expired. */
export async function actorFromSession(ctx: AppContext, token: string | null | undefined): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const row = await ctx.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(ACTOR_COLUMNS)
    .where('s.id', '=', hashToken(token))
    .where('s.expires_at', '>', ctx.clock())
    .where('u.removed_at', 'is', null)
    .executeTakeFirst();
  return row ? actorOf(row) : null;
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

/**
 * Records the request and answers; the same whether or not the email has an account, and
 * in the same time: the lookup, the throttle per account and the email are the job's.
 */
export async function requestPasswordReset(ctx: AppContext, input: unknown, meta: { ip: string }): Promise<void> {
  const email = parsed(passwordResetRequestSchema, input).email;
  await ctx.db.transaction().execute(async (trx) => {
    await lockKey(trx, 'password-reset', meta.ip);
    const recent = await trx
      .selectFrom('password_reset_requests')
      .select(sql<string>`count(*)`.as('n'))
      .where('ip', '=', meta.ip)
      .where('at', '>', minutesAgo(ctx, RESET_LIMITS.windowMinutes))
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= RESET_LIMITS.perAddress) throw new RateLimitError(RESET_LIMITS.windowMinutes * 60);
    await trx.insertInto('password_reset_requests').values({ email, ip: meta.ip, at: ctx.clock() }).execute();
  });
  await askFor(ctx, [['account-mail', {}]]);
}

/**
 * The job behind sign-up and password reset: looks the emails up and writes to their owners.
 * Each request is marked handled in the transaction that queues its email, so a retry never
 * writes twice.
 */
export async function handleAccountRequests(ctx: AppContext, batchSize = 50): Promise<{ signUps: number; resets: number }> {
  const drain = async (batch: (ctx: AppContext, limit: number) => Promise<number>) => {
    let total = 0;
    for (let n = batchSize; n === batchSize; total += n) n = await batch(ctx, batchSize);
    return total;
  };
  const signUps = await drain(handleSignUps);
  const resets = await drain(handleResetRequests);
  if (signUps + resets > 0) await askFor(ctx, [['mail-delivery', {}]]);
  return { signUps, resets };
}

async function handleSignUps(ctx: AppContext, limit: number): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await trx
      .selectFrom('sign_ups')
      .select(['id', 'email', 'name', 'organisation_name'])
      .where('mailed_at', 'is', null)
      .orderBy('created_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const s of batch) {
      const user = await trx.selectFrom('users').select('name').where('email', '=', s.email).executeTakeFirst();
      if (user) {
        await trx.updateTable('sign_ups').set({ mailed_at: ctx.clock(), outcome: 'account_exists' }).where('id', '=', s.id).execute();
        await queueEmail(trx, {
          to: s.email,
          subject: 'OpenTEX: bạn đã có tài khoản / you already have an account',
          text:
            `Xin chào ${user.name},\n\nAi đó (có thể là bạn) vừa đăng ký OpenTEX bằng email này, nhưng email này đã có tài khoản. ` +
            `Hãy đăng nhập: ${ctx.publicUrl}/login\nQuên mật khẩu? ${ctx.publicUrl}/forgot-password\n\n` +
            `Hello ${user.name},\n\nSomeone (perhaps you) just signed up to OpenTEX with this email, but it already has an account. ` +
            `Sign in: ${ctx.publicUrl}/login\nForgot your password? ${ctx.publicUrl}/forgot-password\n\n` +
            'Nếu không phải bạn, hãy bỏ qua thư này. / If this was not you, ignore this email.',
        });
        continue;
      }
      const { token, hash } = newToken();
      await trx.updateTable('sign_ups').set({ mailed_at: ctx.clock(), outcome: 'confirmation_sent', token_hash: hash }).where('id', '=', s.id).execute();
      const link = `${ctx.publicUrl}/signup/confirm/${token}`;
      await queueEmail(trx, {
        to: s.email,
        subject: 'OpenTEX: xác nhận đăng ký / confirm your sign-up',
        text:
          `Xin chào ${s.name},\n\nĐể tạo tài khoản và hồ sơ ${s.organisation_name} trên OpenTEX, hãy mở liên kết sau trong ${SIGN_UP_HOURS} giờ:\n${link}\n\n` +
          `Hello ${s.name},\n\nTo create your account and the profile of ${s.organisation_name} on OpenTEX, open this link within ${SIGN_UP_HOURS} hours:\n${link}\n\n` +
          'Nếu bạn không đăng ký, hãy bỏ qua thư này. / If you did not sign up, ignore this email.',
      });
    }
    return batch.length;
  });
}

async function handleResetRequests(ctx: AppContext, limit: number): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await trx
      .selectFrom('password_reset_requests')
      .select(['id', 'email'])
      .where('handled_at', 'is', null)
      .orderBy('at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const r of batch) {
      // The user's row lock serialises the throttle of one account across workers.
      // A removed member is answered as an unknown email: the account no longer signs in.
      const user = await trx.selectFrom('users').select(['id', 'name']).where('email', '=', r.email).where('removed_at', 'is', null).forUpdate().executeTakeFirst();
      const handled = { handled_at: ctx.clock(), user_id: user?.id ?? null };
      if (!user) {
        await trx.updateTable('password_reset_requests').set({ ...handled, outcome: 'unknown_email' }).where('id', '=', r.id).execute();
        continue;
      }
      const sent = await trx
        .selectFrom('password_reset_requests')
        .select(sql<string>`count(*)`.as('n'))
        .where('user_id', '=', user.id)
        .where('outcome', '=', 'sent')
        .where('at', '>', minutesAgo(ctx, RESET_LIMITS.windowMinutes))
        .executeTakeFirstOrThrow();
      if (Number(sent.n) >= RESET_LIMITS.perAccount) {
        await trx.updateTable('password_reset_requests').set({ ...handled, outcome: 'throttled' }).where('id', '=', r.id).execute();
        continue;
      }
      // A new link voids the older ones: only the latest email works.
      await trx.deleteFrom('password_resets').where('user_id', '=', user.id).where('used_at', 'is', null).execute();
      const { token, hash } = newToken();
      await trx
        .insertInto('password_resets')
        .values({ token_hash: hash, user_id: user.id, expires_at: new Date(ctx.clock().getTime() + RESET_MINUTES * 60_000) })
        .execute();
      await trx.updateTable('password_reset_requests').set({ ...handled, outcome: 'sent' }).where('id', '=', r.id).execute();
      const link = `${ctx.publicUrl}/reset-password/${token}`;
      await queueEmail(trx, {
        to: r.email,
        subject: 'OpenTEX: đặt lại mật khẩu / reset your password',
        text:
          `Xin chào ${user.name},\n\nĐể đặt mật khẩu mới, hãy mở liên kết sau trong ${RESET_MINUTES} phút:\n${link}\n\n` +
          `Hello ${user.name},\n\nTo choose a new password, open this link within ${RESET_MINUTES} minutes:\n${link}\n\n` +
          'Nếu bạn không yêu cầu, hãy bỏ qua thư này. / If you did not ask for this, ignore this email.',
      });
    }
    return batch.length;
  });
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

/** The page of a reset link: a link used or out of date says so, and offers a new one. */
export async function findPasswordReset(ctx: AppContext, token: string): Promise<void> {
  if (!(await passwordResetIsValid(ctx, token))) throw new LinkExpiredError('reset');
}

/** Sets the new password, uses up the link and ends every session (a stolen one too). */
export async function resetPassword(ctx: AppContext, token: string, input: unknown): Promise<void> {
  const v = parsed(newPasswordSchema, input);
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
    if (!reset) throw new LinkExpiredError('reset');
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: ctx.clock() }).where('id', '=', reset.user_id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute();
    await trx.deleteFrom('password_resets').where('user_id', '=', reset.user_id).where('used_at', 'is', null).execute();
    // Whoever opened the emailed link owns the account: the failed sign-ins that locked it count no more.
    const { email } = await trx.selectFrom('users').select('email').where('id', '=', reset.user_id).executeTakeFirstOrThrow();
    await trx.deleteFrom('sign_in_attempts').where('email', '=', email).where((eb) => eb.or([eb('succeeded', '=', false), eb('succeeded', 'is', null)])).execute();
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

/** Housekeeping: expired sessions, and attempts, requests and sign-ups over a day old (kept for the rate limits). */
export async function purgeExpiredAccess(ctx: AppContext): Promise<{ sessions: number; attempts: number }> {
  const now = ctx.clock();
  const sessions = await ctx.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  const attempts = await ctx.db.deleteFrom('sign_in_attempts').where('at', '<', new Date(now.getTime() - 86_400_000)).executeTakeFirst();
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await ctx.db.deleteFrom('password_resets').where('expires_at', '<', dayAgo).execute();
  await ctx.db.deleteFrom('password_reset_requests').where('at', '<', dayAgo).execute();
  await ctx.db.deleteFrom('sign_ups').where('expires_at', '<', dayAgo).execute();
  return { sessions: Number(sessions.numDeletedRows), attempts: Number(attempts.numDeletedRows) };
}
