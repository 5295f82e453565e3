import { Link } from '@remix-run/react';
import type { DealView } from '../domain/deal-view.js';
import { formatVnd } from '../domain/money.js';
import { formatDate, type MessageKey } from '../i18n/index.js';
import { useLang, useT } from './use-t.js';

/** Working days left to answer an inquiry; the last day says so. */
export function DaysLeft({ days }: { days: number }) {
  const t = useT();
  return <strong className="days-left">{days > 0 ? t('deal.daysLeft', { count: days }) : t('deal.dueToday')}</strong>;
}

export function DealFacts({ deal }: { deal: DealView }) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="facts-heading" className="facts">
      <h2 id="facts-heading">{t('deal.facts')}</h2>
      <dl>
        <dt>{t('deal.stage')}</dt>
        <dd>{t(`deal.stage.${deal.stage}` as MessageKey)}</dd>
        <dt>{t('deal.listing')}</dt>
        <dd>
          <Link to={`/listings/${deal.listing.id}`} lang={deal.listing.language}>{deal.listing.title}</Link> ({t(`kind.${deal.listing.kind}`)})
        </dd>
        <dt>{t('deal.owner')}</dt>
        <dd>{deal.listing.ownerName ?? t('deal.anonymousOwner')} — {t(`deal.party.${deal.owner}` as MessageKey)}</dd>
        <dt>{t('deal.interested')}</dt>
        <dd>{deal.interestedName} — {t(`deal.party.${deal.owner === 'seller' ? 'buyer' : 'seller'}` as MessageKey)}</dd>
        <dt>{t('deal.youAre')}</dt>
        <dd>{deal.party ? t(`deal.party.${deal.party}` as MessageKey) : t('deal.curatorView')}</dd>
        {deal.answerDueAt && deal.stage === 'inquiry' ? (
          <>
            <dt>{t('deal.answerDue')}</dt>
            <dd>
              {formatDate(deal.answerDueAt, lang)}
              {deal.daysLeft !== null ? <> · <DaysLeft days={deal.daysLeft} /></> : null}
            </dd>
          </>
        ) : null}
        {deal.declineReason ? (
          <>
            <dt>{t('deal.declinedFor')}</dt>
            <dd>{t(`deal.declineReason.${deal.declineReason}` as MessageKey)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** What the interested party wrote first: the three questions, the mode and the price it has in mind. */
export function DealInterest({ deal }: { deal: DealView }) {
  const t = useT();
  const i = deal.interest;
  return (
    <section aria-labelledby="interest-heading">
      <h2 id="interest-heading">{t('deal.interestHeading')}</h2>
      <dl className="facts">
        <dt>{t('deal.interest.cooperation')}</dt>
        <dd className="pre">{i.cooperation}</dd>
        {i.unclear ? (
          <>
            <dt>{t('deal.interest.unclear')}</dt>
            <dd className="pre">{i.unclear}</dd>
          </>
        ) : null}
        {i.aboutUs ? (
          <>
            <dt>{t('deal.interest.aboutUs')}</dt>
            <dd className="pre">{i.aboutUs}</dd>
          </>
        ) : null}
        {i.transferMode ? (
          <>
            <dt>{t('deal.interest.transferMode')}</dt>
            <dd>{t(`mode.${i.transferMode}` as MessageKey)}</dd>
          </>
        ) : null}
        <dt>{t('deal.interest.priceIndication')}</dt>
        <dd>{i.priceIndication !== null ? formatVnd(i.priceIndication) : t('deal.noPrice')}</dd>
      </dl>
    </section>
  );
}

/** What the NDA opens: the listing's confidential details and the contact persons of both sides. */
export function DealInside({ deal }: { deal: DealView }) {
  const t = useT();
  return (
    <>
      {deal.listing.hasConfidentialDetails ? (
        <section aria-labelledby="confidential-heading" className="confidential">
          <h2 id="confidential-heading">{t('deal.confidential.title')}</h2>
          {deal.listing.confidentialDetails !== null ? <p className="pre" lang={deal.listing.language}>{deal.listing.confidentialDetails}</p> : <p className="hint">{t('deal.confidential.locked')}</p>}
        </section>
      ) : null}
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{t('deal.contacts.title')}</h2>
        {deal.contacts ? (
          <dl className="facts">
            {(['seller', 'buyer'] as const).map((party) => (
              <div key={party}>
                <dt>{t(`deal.party.${party}` as MessageKey)}</dt>
                {deal.contacts![party].map((c) => (
                  <dd key={c.email}>
                    {c.name} — <a href={`mailto:${c.email}`}>{c.email}</a>
                  </dd>
                ))}
              </div>
            ))}
          </dl>
        ) : (
          <p className="hint">{t('deal.contacts.locked')}</p>
        )}
      </section>
    </>
  );
}
