// What the public reads on a listing's page: its key facts and its text. One component for the
// public page and the curator's review, so a field the public will see is never missing from the review.
import type { ListingDetail } from '../domain/listing.js';
import { formatDate, type MessageKey } from '../i18n/index.js';
import { Owner, usePlaceName } from './owner.js';
import { Price } from './price.js';
import { useLang, useT } from './use-t.js';

export function ListingFacts({ listing }: { listing: ListingDetail }) {
  const t = useT();
  const lang = useLang();
  const placeName = usePlaceName();
  const isOffer = listing.kind === 'offer';
  return (
    <section aria-labelledby="facts-heading" className="facts">
      <h2 id="facts-heading">{t('listing.facts')}</h2>
      <dl>
        <dt>{t('listing.owner')}</dt>
        <dd><Owner owner={listing.owner} province={listing.province} region={listing.region} /></dd>
        <dt>{isOffer ? t('listing.trlReached') : t('listing.trlWanted')}</dt>
        <dd>{t('listing.trl', { trl: listing.trl })} — {t(`trl.${listing.trl}` as MessageKey)}</dd>
        <dt>{isOffer ? t('listing.price') : t('listing.budget')}</dt>
        <dd><Price min={listing.priceMin} max={listing.priceMax} negotiable={listing.priceNegotiable} /></dd>
        <dt>{t('listing.sectors')}</dt>
        <dd>{listing.sectors.map((s) => t(`sector.${s}`)).join(', ')}</dd>
        <dt>{t('listing.modes')}</dt>
        <dd>{listing.transferModes.map((m) => t(`mode.${m}`)).join(', ')}</dd>
        {listing.ipStatus ? (
          <>
            <dt>{t('listing.ip')}</dt>
            <dd>{t(`ip.${listing.ipStatus}`)}</dd>
          </>
        ) : null}
        {placeName(listing) ? (
          <>
            <dt>{listing.province ? t('listing.province') : t('listing.region')}</dt>
            <dd>{placeName(listing)}</dd>
          </>
        ) : null}
        <dt>{t('listing.language')}</dt>
        <dd>{t(`lang.${listing.language}`)}</dd>
        {listing.keywords.length ? (
          <>
            <dt>{t('listing.keywords')}</dt>
            <dd lang={listing.language}>{listing.keywords.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <p className="freshness">
        {listing.publishedAt ? <span>{t('listing.publishedOn', { date: formatDate(listing.publishedAt, lang) })}</span> : null}
        {listing.confirmedActiveAt ? <span>{t('listing.confirmedActive', { date: formatDate(listing.confirmedActiveAt, lang) })}</span> : null}
        {listing.expiresAt ? <span>{t('listing.expiresOn', { date: formatDate(listing.expiresAt, lang) })}</span> : null}
      </p>
    </section>
  );
}

/** What is innovative (offer) or sought (demand), the description, and the notice of confidential details. */
export function ListingText({ listing, descriptionHtml }: { listing: ListingDetail; descriptionHtml: string }) {
  const t = useT();
  const isOffer = listing.kind === 'offer';
  return (
    <>
      {listing.innovation ? (
        <section aria-labelledby="innovation-heading">
          <h2 id="innovation-heading">{isOffer ? t('listing.innovation.offer') : t('listing.innovation.demand')}</h2>
          <p lang={listing.language}>{listing.innovation}</p>
        </section>
      ) : null}
      <section aria-labelledby="description-heading">
        <h2 id="description-heading">{t('listing.description')}</h2>
        <div className="markdown" lang={listing.language} dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      </section>
      {listing.hasConfidentialDetails ? <p className="notice">{t('listing.confidential')}</p> : null}
    </>
  );
}
