import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { formatDate } from '../i18n/index.js';
import { organisationMatches } from '../services/matching.server.js';
import { MatchReasons, MatchScore } from '../ui/match-reasons.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('match.mine') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return { matches: await organisationMatches(ctx, actor) };
}

export default function MyMatches() {
  const t = useT();
  const lang = useLang();
  const { matches } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t('match.mine')}</h1>
      <p className="lead">{t('match.mineLead')}</p>
      {matches.length === 0 ? <p>{t('match.none')}</p> : null}
      <ol className="match-list">
        {matches.map((m) => (
          <li key={`${m.mine.id}-${m.theirs.id}`} className={m.saved ? 'saved' : undefined}>
            <div className="match-head">
              <MatchScore score={m.score} />
              <div>
                <h2 className="h3"><Link to={`/listings/${m.theirs.id}`}>{m.theirs.title}</Link></h2>
                <p className="listing-meta">
                  {t('match.forYour')} <Link to={`/listings/${m.mine.id}#matches`}>{m.mine.title}</Link> · {formatDate(m.firstSeenAt, lang)}
                  {m.saved ? <span className="badge">{t('match.saved')}</span> : null}
                </p>
              </div>
            </div>
            <MatchReasons reasons={m.reasons} />
          </li>
        ))}
      </ol>
    </section>
  );
}
