// The session cookie and "who is asking". Sessions themselves live in PostgreSQL
// (services/accounts.server.ts), so signing out everywhere really ends them.
import { createCookie, redirect } from '@remix-run/node';
import type { Actor } from '../domain/actor.js';
import type { AppContext } from '../context.server.js';
import { actorFromSession, SESSION_DAYS } from '../services/accounts.server.js';
import { actorFromApiToken } from '../services/api-tokens.server.js';
import { AuthenticationError } from '../services/errors.js';

const sessionCookie = createCookie('opentex_session', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  maxAge: SESSION_DAYS * 86_400,
});

/** The request's URL says https only if it came over HTTPS, or from a proxy that TRUST_PROXY believes. */
function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:';
}

export async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' ? value : null;
}

/** `Secure` whenever the request came over HTTPS (directly or behind a trusted proxy). */
export function commitSession(request: Request, token: string): Promise<string> {
  return sessionCookie.serialize(token, { secure: isHttps(request) });
}

export function destroySession(request: Request): Promise<string> {
  return sessionCookie.serialize('', { maxAge: 0, secure: isHttps(request) });
}

export async function getActor(ctx: AppContext, request: Request): Promise<Actor | null> {
  return actorFromSession(ctx, await sessionToken(request));
}

/** For pages: the signed-in person, or a redirect to sign in and come back. */
export async function requireActor(ctx: AppContext, request: Request): Promise<Actor> {
  const actor = await getActor(ctx, request);
  if (!actor) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return actor;
}

/** The API's one way to say who is calling; each request is resolved once (its token counted once). */
const apiCallers = new WeakMap<Request, Promise<Actor | null>>();

/**
 * Who calls the API: the person behind `Authorization: Bearer <token>` when the request carries
 * one (a bad token is a 401, never a fall-back to the cookie), else the browser's session. Only
 * /api/v1 reads tokens: pages ask `getActor`/`requireActor`, which know only the cookie.
 */
export function getApiActor(ctx: AppContext, request: Request): Promise<Actor | null> {
  let caller = apiCallers.get(request);
  if (!caller) {
    caller = resolveApiCaller(ctx, request);
    apiCallers.set(request, caller);
  }
  return caller;
}

async function resolveApiCaller(ctx: AppContext, request: Request): Promise<Actor | null> {
  const authorization = request.headers.get('Authorization');
  if (authorization === null || !isApiPath(request)) return getActor(ctx, request);
  const bearer = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization)?.[1];
  if (!bearer) throw new AuthenticationError('api_token_invalid');
  return actorFromApiToken(ctx, bearer, request.method);
}

export function isApiPath(request: Request): boolean {
  return new URL(request.url).pathname.startsWith('/api/v1/');
}

/** For the API: the caller (token or session), or a 401. */
export async function requireApiActor(ctx: AppContext, request: Request): Promise<Actor> {
  const actor = await getApiActor(ctx, request);
  if (!actor) throw new AuthenticationError();
  return actor;
}
