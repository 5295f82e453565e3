// Personal API tokens: a person makes one on /account for a program, which sends it as
// `Authorization: Bearer …` to /api/v1 and acts as that person (access.ts decides as for them;
// a `read` token never writes). Only the secret's SHA-256 is stored, and the secret is shown
// once. Each token is rate limited on its own row. Why so: docs/decisions/024-api-tokens.md.
import { sql } from 'kysely';
import { tokenAllowsMethod, type ApiTokenScope } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { apiTokenInputSchema } from '../domain/api-token-input.js';
import { hashToken, newToken } from '../auth/tokens.server.js';
import type { AppContext } from '../context.server.js';
import { ACTOR_COLUMNS, actorOf } from './accounts.server.js';
import { AuthenticationError, NotFoundError, PermissionError, RateLimitError, invalidField, parsed } from './errors.js';

/** Requests a token may make per window; more are answered 429 until the window ends. */
export const API_TOKEN_LIMITS = { windowSeconds: 60, perWindow: 120 };
/** Tokens say what they are, so a leaked one is recognised by secret scanners and people alike. */
export const API_TOKEN_PREFIX = 'otx_';
/** A person's live tokens at most: enough for every program, not a store of forgotten keys. */
const MAX_TOKENS_PER_PERSON = 20;
const DAY = 86_400_000;

export interface ApiTokenView {
  id: string;
  name: string;
  scope: ApiTokenScope;
  /** The secret's first characters, to tell tokens apart; never enough to use one. */
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** A new token for this person; `token` is the secret, shown once and never again. */
export async function createApiToken(ctx: AppContext, actor: Actor, input: unknown): Promise<ApiTokenView & { token: string }> {
  const v = parsed(apiTokenInputSchema, input);
  const token = `${API_TOKEN_PREFIX}${newToken().token}`;
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    // Locks the person's row: two creations at once cannot both pass the count.
    await trx.selectFrom('users').select('id').where('id', '=', actor.userId).forUpdate().executeTakeFirstOrThrow();
    const live = await trx
      .selectFrom('api_tokens')
      .select(sql<string>`count(*)`.as('n'))
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirstOrThrow();
    if (Number(live.n) >= MAX_TOKENS_PER_PERSON) throw invalidField('form', 'too_many', { max: MAX_TOKENS_PER_PERSON });
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: actor.userId,
        name: v.name,
        token_hash: hashToken(token),
        hint: token.slice(0, API_TOKEN_PREFIX.length + 4),
        scope: v.scope,
        created_at: now,
        expires_at: v.expiresInDays === null ? null : new Date(now.getTime() + v.expiresInDays * DAY),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('audit_events').values({ entity_type: 'api_token', entity_id: row.id, action: 'create', actor_id: actor.userId, payload: JSON.stringify({ scope: row.scope }), at: now }).execute();
    return { ...viewOf(row), token };
  });
}

/** This person's tokens, newest first, revoked ones left out. */
export async function listApiTokens(ctx: AppContext, actor: Actor): Promise<ApiTokenView[]> {
  const rows = await ctx.db.selectFrom('api_tokens').selectAll().where('user_id', '=', actor.userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
  return rows.map(viewOf);
}

/** Revokes one of this person's tokens; the next request with it is a 401. */
export async function revokeApiToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('api_token', id);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.clock() })
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new NotFoundError('api_token', id);
    await trx.insertInto('audit_events').values({ entity_type: 'api_token', entity_id: id, action: 'revoke', actor_id: actor.userId, at: ctx.clock() }).execute();
  });
}

/**
 * The person a Bearer token stands for, on a request with this method: counts the request in the
 * token's window and records its use. Unknown, revoked and expired tokens are one 401 (a guess
 * learns nothing); over the limit a 429; a `read` token on a write a 403.
 */
export async function actorFromApiToken(ctx: AppContext, token: string, method: string): Promise<Actor> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) throw new AuthenticationError('api_token_invalid');
  const now = ctx.clock();
  const windowStart = new Date(now.getTime() - API_TOKEN_LIMITS.windowSeconds * 1000);
  // One statement checks and counts under the row's lock: parallel requests cannot all pass.
  const fresh = sql<boolean>`window_started_at is not null and window_started_at > ${windowStart}`;
  const use = await ctx.db
    .updateTable('api_tokens')
    .set({
      window_started_at: sql`case when ${fresh} then window_started_at else ${now} end`,
      window_count: sql`case when ${fresh} then window_count + 1 else 1 end`,
      last_used_at: now,
    })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .returning(['user_id', 'scope', 'window_started_at', 'window_count'])
    .executeTakeFirst();
  if (!use) throw new AuthenticationError('api_token_invalid');
  if (use.window_count > API_TOKEN_LIMITS.perWindow) {
    const windowEnds = use.window_started_at!.getTime() + API_TOKEN_LIMITS.windowSeconds * 1000;
    throw new RateLimitError(Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)));
  }
  if (!tokenAllowsMethod(use.scope, method)) throw new PermissionError('api_token_read_only');
  const row = await ctx.db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(ACTOR_COLUMNS)
    .where('u.id', '=', use.user_id)
    // A member removed from the organisation acts no more, through a token as through a session.
    .where('u.removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AuthenticationError('api_token_invalid');
  return actorOf(row);
}

function viewOf(row: {
  id: string;
  name: string;
  scope: ApiTokenScope;
  hint: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
}): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    hint: row.hint,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
