// The organisation's matches, strongest first, a page at a time, filtered by listing, strength
// and saved; each saved or dismissed in place (plain forms, so before JavaScript loads too).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireActor } from '../auth/session.server.js';
import { INBOX_MATCH_FLOOR, INBOX_PAGE_SIZE, matchInboxParams, parseMatchInboxQuery } from '../domain/match-inbox.js';
import { STRONG_MATCH } from '../domain/match-score.js';
import { problem } from '../domain/problem.js';
import { formatCount, formatDate } from '../i18n/index.js';
import { problemText } from '../i18n/problems.js';
import { organisationMatches, setMatchState } from '../services/matching.server.js';
import { MatchReasons, MatchScore } from '../ui/match-reasons.js';
import { Pagination } from '../ui/pagination.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { safeRedirect } from '../web/safe-redirect.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('match.mine') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const parsed = parseMatchInboxQuery(new URL(request.url).searchParams);
  const found = await organisationMatches(ctx, actor, parsed.query);
  return data({ ...found, query: parsed.query, invalidParameter: parsed.ok ? null : parsed.parameter }, { status: parsed.ok ? 200 : 400 });
}

const MATCH_STATES = { save: 'saved', unsave: null, dismiss: 'dismissed' } as const;
const matchForm = z.object({ intent: z.enum(['save', 'unsave', 'dismiss']), mine: z.string(), other: z.string(), back: z.string().optional() });

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return schemaAction(matchForm, await readForm(request), async (form) => {
    await setMatchState(ctx, actor, form.mine, form.other, MATCH_STATES[form.intent]);
    // Back to the same page of the same filters, the match now saved or gone.
    return redirect(safeRedirect(form.back, '/my/matches'));
  });
}

export default function MyMatches() {
  const t = useT();
  const lang = useLang();
  const { matches, total, listings, query, invalidParameter } = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const hrefFor = (page: number) => {
    const s = matchInboxParams(query, page).toString();
    return s ? `/my/matches?${s}` : '/my/matches';
  };
  const here = hrefFor(query.page);
  return (
    <section>
      <h1>{t('match.mine')}</h1>
      <p className="lead">{t('match.mineLead', { floor: INBOX_MATCH_FLOOR, strong: STRONG_MATCH })}</p>
      <Form method="get" className="filters inline-filters" aria-label={t('filters.title')}>
        <p className="field">
          <label htmlFor="match-listing">{t('match.filterListing')}</label>
          <select id="match-listing" name="listing" defaultValue={query.listing ?? ''}>
            <option value="">{t('match.allListings')}</option>
            {listings.map((l) => (
              <option key={l.id} value={l.id}>{l.title}</option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor="match-strength">{t('match.filterStrength')}</label>
          <select id="match-strength" name="strength" defaultValue={query.strength}>
            <option value="all">{t('match.strengthAll', { floor: INBOX_MATCH_FLOOR })}</option>
            <option value="strong">{t('match.strengthStrong', { strong: STRONG_MATCH })}</option>
          </select>
        </p>
        <p className="field">
          <label>
            <input type="checkbox" name="saved" value="1" defaultChecked={query.saved} /> {t('match.savedOnly')}
          </label>
        </p>
        <p className="actions">
          <button type="submit">{t('filters.apply')}</button>
        </p>
      </Form>
      {invalidParameter ? (
        <p className="notice notice-error" role="alert">{problemText(t, lang, problem('query_parameter', { parameter: invalidParameter }))}</p>
      ) : null}
      <h2 aria-live="polite">{t('match.count', { count: formatCount(total) as unknown as number })}</h2>
      {matches.length === 0 ? <p>{query.page > pages ? t('pagination.beyond', { page: query.page, total: pages }) : t('match.none')}</p> : null}
      <ol className="match-list">
        {matches.map((m) => (
          <li key={`${m.mine.id}-${m.theirs.id}`} className={m.saved ? 'saved' : undefined}>
            <div className="match-head">
              <MatchScore score={m.score} />
              <div>
                <h3><Link to={`/listings/${m.theirs.id}`}>{m.theirs.title}</Link></h3>
                <p className="listing-meta">
                  {t('match.forYour')} <Link to={`/listings/${m.mine.id}#matches`}>{m.mine.title}</Link> · {formatDate(m.firstSeenAt, lang)}
                  {m.saved ? <span className="badge">{t('match.saved')}</span> : null}
                </p>
              </div>
            </div>
            <MatchReasons reasons={m.reasons} />
            <Form method="post" className="actions">
              <input type="hidden" name="mine" value={m.mine.id} />
              <input type="hidden" name="other" value={m.theirs.id} />
              <input type="hidden" name="back" value={here} />
              {m.saved ? (
                <button type="submit" name="intent" value="unsave" className="secondary">{t('match.unsave')}</button>
              ) : (
                <button type="submit" name="intent" value="save" className="secondary">{t('match.save')}</button>
              )}
              <button type="submit" name="intent" value="dismiss" className="secondary">{t('match.dismiss')}</button>
            </Form>
          </li>
        ))}
      </ol>
      {query.page <= pages ? <Pagination page={query.page} totalPages={pages} hrefFor={hrefFor} /> : null}
    </section>
  );
}
