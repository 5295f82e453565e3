import type { ReactNode } from 'react';
import type { ListingView } from '../domain/listing.js';
import { formatDate, type MessageKey } from '../i18n/index.js';
import { Owner, usePlaceName } from './owner.js';
import { Price } from './price.js';
import { useLang, useT } from './use-t.js';

interface Props {
  listing: ListingView;
  descriptionHtml: string;
  /** The line above the title (a link back, the kind). */
  meta: ReactNode;
  /** Between the key facts and the text: the public page's "express interest". */
  afterFacts?: ReactNode;
  /** After the text: attachments, matches, related listings. */
  children?: ReactNode;
}

/**
 * A listing as the public sees it: the public page and the owner's preview show this one view,
 * so the preview cannot drift from what goes public.
 */
export function ListingPublicView({ listing, descriptionHtml, meta, afterFacts, children }: Props) {
  return (
    <article className="listing-detail">
      {meta}
      <h1 lang={listing.language}>{listing.title}</h1>
      <p className="lead" lang={listing.language}>{listing.summary}</p>
      <ListingFacts listing={listing} />
      {afterFacts}
      <ListingText listing={listing} descriptionHtml={descriptionHtml} />
      {children}
    </article>
  );
}

/** The key facts as the public sees them (also on the curator's review page). */
export function ListingFacts({ listing }: { listing: ListingView }) {
  const t = useT();
  const lang = useLang();
  const isOffer = listing.kind === 'offer';
  const placeName = usePlaceName();
  const none = '—';
  return (
    <section aria-labelledby="facts-heading" className="facts">
        <h2 id="facts-heading">{t('listing.facts')}</h2>
        <dl>
          <dt>{t('listing.owner')}</dt>
          <dd><Owner owner={listing.owner} province={listing.province} region={listing.region} /></dd>
          <dt>{isOffer ? t('listing.trlReached') : t('listing.trlWanted')}</dt>
          <dd>{listing.trl === null ? none : <TrlFact trl={listing.trl} />}</dd>
          <dt>{isOffer ? t('listing.price') : t('listing.budget')}</dt>
          <dd><Price min={listing.priceMin} max={listing.priceMax} negotiable={listing.priceNegotiable} /></dd>
          <dt>{t('listing.sectors')}</dt>
          <dd>{listing.sectors.map((s) => t(`sector.${s}`)).join(', ') || none}</dd>
          <dt>{t('listing.modes')}</dt>
          <dd>{listing.transferModes.map((m) => t(`mode.${m}`)).join(', ') || none}</dd>
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

/** What is innovative or sought, the description, and whether details wait behind an NDA. */
export function ListingText({ listing, descriptionHtml }: { listing: ListingView; descriptionHtml: string }) {
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

/** A TRL with its name and what it means in plain words. */
export function TrlFact({ trl }: { trl: number }) {
  const t = useT();
  return (
    <>
      {t('listing.trl', { trl })} — {t(`trl.${trl}` as MessageKey)}
      <br />
      <small className="hint">{t(`trlHint.${trl}` as MessageKey)}</small>
    </>
  );
}
