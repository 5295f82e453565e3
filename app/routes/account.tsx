import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { destroySession, requireActor } from '../auth/session.server.js';
import { API_TOKEN_SCOPES } from '../domain/access.js';
import { API_TOKEN_MAX_DAYS, apiTokenInputSchema } from '../domain/api-token-input.js';
import { formatDate } from '../i18n/index.js';
import { activeSessions, signOutEverywhere } from '../services/accounts.server.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens.server.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('account.title') }));

// The page that shows a new token's secret must not be kept by any cache or the browser's history store.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const sessions = await activeSessions(ctx, actor);
  return {
    name: actor.name,
    email: actor.email,
    sessions: sessions.map((s) => ({ createdAt: s.created_at.toISOString(), userAgent: s.user_agent })),
    tokens: await listApiTokens(ctx, actor),
  };
}

/** The page's forms: make a token, revoke one, sign out everywhere (the form without an intent before tokens existed). */
const accountForms = z.discriminatedUnion('intent', [
  apiTokenInputSchema.extend({ intent: z.literal('create_token') }),
  z.object({ intent: z.literal('revoke_token'), tokenId: z.string() }),
  z.object({ intent: z.literal('sign_out_everywhere') }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const values = await readForm(request);
  return schemaAction(accountForms, { intent: 'sign_out_everywhere', ...values }, async (form) => {
    if (form.intent === 'create_token') {
      // The secret goes back in this one response and is never readable again.
      const token = await createApiToken(ctx, actor, form);
      return { ok: true as const, done: form.intent, created: { name: token.name, token: token.token } };
    }
    if (form.intent === 'revoke_token') {
      await revokeApiToken(ctx, actor, form.tokenId);
      return { ok: true as const, done: form.intent, created: null };
    }
    await signOutEverywhere(ctx, actor);
    throw redirect('/login', { headers: { 'Set-Cookie': await destroySession(request) } });
  });
}

export default function Account() {
  const t = useT();
  const lang = useLang();
  const { name, email, sessions, tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  return (
    <section className="narrow">
      <h1>{t('account.title')}</h1>
      <p>{name} — {email}</p>
      <h2>{t('account.sessions')}</h2>
      <ul>
        {sessions.map((s) => (
          <li key={s.createdAt}>{formatDate(s.createdAt, lang)} — {s.userAgent ?? '?'}</li>
        ))}
      </ul>
      <Form method="post">
        <button type="submit" name="intent" value="sign_out_everywhere">{t('account.signOutEverywhere')}</button>
      </Form>

      <h2 id="api-tokens">{t('account.tokens')}</h2>
      <p>
        {t('account.tokensLead')} <Link to="/api/docs">{t('account.tokensDocs')}</Link>
      </p>
      {result?.ok && result.created ? (
        <div className="notice" role="status">
          <p>{t('account.tokenCreated', { name: result.created.name })}</p>
          <p>
            <code data-testid="new-token">{result.created.token}</code>
          </p>
        </div>
      ) : null}
      {result?.ok && result.done === 'revoke_token' ? <p className="notice" role="status">{t('account.tokenRevoked')}</p> : null}
      {failed ? <FormMessage message={failed.message ?? (failed.fieldErrors.tokenId ? failed.fieldErrors.tokenId[0] : null)} /> : null}
      {tokens.length === 0 ? <p>{t('account.noTokens')}</p> : null}
      <ul className="api-tokens">
        {tokens.map((token) => (
          <li key={token.id}>
            <strong>{token.name}</strong> <code>{token.hint}…</code> — {t(`account.scope.${token.scope}`)};{' '}
            <span className="hint">
              {t('account.tokenCreatedAt', { date: formatDate(token.createdAt, lang) })},{' '}
              {token.lastUsedAt ? t('account.tokenLastUsed', { date: formatDate(token.lastUsedAt, lang) }) : t('account.tokenNeverUsed')},{' '}
              {token.expiresAt ? t('account.tokenExpires', { date: formatDate(token.expiresAt, lang) }) : t('account.tokenNoExpiry')}
            </span>
            <Form method="post" className="inline">
              <input type="hidden" name="tokenId" value={token.id} />
              <button type="submit" name="intent" value="revoke_token" className="secondary" aria-label={t('account.revokeTokenNamed', { name: token.name })}>
                {t('account.revokeToken')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h3>{t('account.newToken')}</h3>
      <Form method="post">
        <Field name="name" label={t('account.tokenName')} errors={failed?.fieldErrors.name}>
          <input {...inputProps('name', failed?.fieldErrors.name)} required maxLength={100} defaultValue={kept(failed?.values, 'name')} />
        </Field>
        <fieldset>
          <legend>{t('account.tokenScope')}</legend>
          {API_TOKEN_SCOPES.map((scope) => (
            <label key={scope}>
              <input type="radio" name="scope" value={scope} defaultChecked={kept(failed?.values, 'scope', 'read') === scope} /> {t(`account.scope.${scope}`)}
            </label>
          ))}
        </fieldset>
        <Field name="expiresInDays" label={t('account.tokenExpiry')} errors={failed?.fieldErrors.expiresInDays}>
          <input {...inputProps('expiresInDays', failed?.fieldErrors.expiresInDays)} type="number" min={1} max={API_TOKEN_MAX_DAYS} inputMode="numeric" defaultValue={kept(failed?.values, 'expiresInDays')} />
        </Field>
        <button type="submit" name="intent" value="create_token">{t('account.createToken')}</button>
      </Form>
    </section>
  );
}
