import { Form, Link } from '@remix-run/react';
import type { ListingCard } from '../domain/listing.js';
import type { MatchReason } from '../domain/match-score.js';
import { MatchReasons, MatchScore } from './match-reasons.js';
import { Owner } from './owner.js';
import { useT } from './use-t.js';

export interface MatchItem {
  listing: ListingCard;
  score: number;
  reasons: MatchReason[];
  state: 'saved' | 'dismissed' | null;
}

/** A listing's matches, with Save / Dismiss for those who may take them (app/domain/access.ts: the owner only). */
export function ListingMatches({ matches, mayAct, kind }: { matches: MatchItem[]; mayAct: boolean; kind: 'offer' | 'demand' }) {
  const t = useT();
  return (
    <section id="matches" aria-labelledby="matches-heading" className="matches">
      <h2 id="matches-heading">{kind === 'demand' ? t('match.offersThatFit') : t('match.demandsItServes')}</h2>
      {matches.length === 0 ? <p>{t('match.none')}</p> : null}
      <ol className="match-list">
        {matches.map((m) => (
          <li key={m.listing.id} className={m.state === 'saved' ? 'saved' : undefined}>
            <div className="match-head">
              <MatchScore score={m.score} />
              <div>
                <h3 lang={m.listing.language}>
                  <Link to={`/listings/${m.listing.id}`}>{m.listing.title}</Link>
                </h3>
                <p className="listing-meta">
                  <Owner owner={m.listing.owner} province={m.listing.province} region={m.listing.region} />
                  {m.state === 'saved' ? <span className="badge">{t('match.saved')}</span> : null}
                </p>
              </div>
            </div>
            <MatchReasons reasons={m.reasons} />
            {mayAct ? (
              <div className="actions">
                <Form method="post">
                  <input type="hidden" name="other" value={m.listing.id} />
                  {m.state === 'saved' ? (
                    <button type="submit" name="intent" value="unsave" className="secondary">{t('match.unsave')}</button>
                  ) : (
                    <button type="submit" name="intent" value="save" className="secondary">{t('match.save')}</button>
                  )}
                  <button type="submit" name="intent" value="dismiss" className="secondary">{t('match.dismiss')}</button>
                </Form>
                <Link to={`/listings/${m.listing.id}/interest`} className="button">{t('listing.expressInterest')}</Link>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
