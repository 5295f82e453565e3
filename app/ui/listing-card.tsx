import { Link } from '@remix-run/react';
import type { ListingCard as Card } from '../domain/listing.js';
import { formatDate } from '../i18n/index.js';
import { Highlight } from './highlight.js';
import { Owner, usePlaceName } from './owner.js';
import { Price } from './price.js';
import { useLang, useT } from './use-t.js';

export function ListingCard({ card, headingLevel = 3 }: { card: Card; headingLevel?: 2 | 3 }) {
  const t = useT();
  const lang = useLang();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const placeName = usePlaceName();
  return (
    <article className={`listing-card listing-${card.kind}`} lang={card.language}>
      <p className="listing-meta">
        <span className={`kind kind-${card.kind}`} lang={lang}>{t(`kind.${card.kind}`)}</span>
        <span className="trl" title={`${t(`trl.${card.trl}` as 'trl.1')}: ${t(`trlHint.${card.trl}` as 'trlHint.1')}`} lang={lang}>{t('listing.trl', { trl: card.trl })}</span>
        {placeName(card) ? <span lang={lang}>{placeName(card)}</span> : null}
      </p>
      <Heading className="listing-title">
        <Link to={`/listings/${card.id}`}>
          <Highlight value={card.highlight?.title ?? card.title} />
        </Link>
      </Heading>
      <p className="listing-summary">
        <Highlight value={card.highlight?.summary ?? card.summary} />
      </p>
      <p className="listing-footer" lang={lang}>
        <Owner owner={card.owner} province={card.province} region={card.region} />
        <Price min={card.priceMin} max={card.priceMax} negotiable={card.priceNegotiable} />
        {card.publishedAt ? <time dateTime={card.publishedAt}>{formatDate(card.publishedAt, lang)}</time> : null}
      </p>
      <ul className="tags" aria-label={t('listing.sectors')} lang={lang}>
        {card.sectors.map((s) => (
          <li key={s}>{t(`sector.${s}`)}</li>
        ))}
      </ul>
    </article>
  );
}
