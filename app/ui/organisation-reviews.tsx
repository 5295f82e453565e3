import type { OrganisationReviewsView } from '../domain/review-view.js';
import { formatDate } from '../i18n/index.js';
import { Stars } from './deal-reviews.js';
import { useLang, useT } from './use-t.js';

/** The reviews its partners wrote about an organisation, once visible, with their average ("4,5 / 5 từ 2 đánh giá"). */
export function OrganisationReviews({ reviews: view }: { reviews: OrganisationReviewsView }) {
  const t = useT();
  const lang = useLang();
  const average = view.average === null ? null : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(view.average);
  return (
    <section aria-labelledby="org-reviews-heading" className="org-reviews">
      <h2 id="org-reviews-heading">{t('org.reviews')}</h2>
      {average === null ? (
        <p>{t('org.noReviews')}</p>
      ) : (
        <p className="review-average">
          <strong>{t('org.reviewsAverage', { average, count: view.count })}</strong>
        </p>
      )}
      {view.reviews.length ? (
      <ul className="review-list">
        {view.reviews.map((r, i) => (
          <li key={i}>
            <p>
              <Stars rating={r.rating} /> · {r.reviewerName ?? t('review.anonymousReviewer')}
              {r.reviewerType ? <> ({t(`org.type.${r.reviewerType}`)})</> : null} · <time dateTime={r.createdAt}>{formatDate(r.createdAt, lang)}</time>
            </p>
            {r.comment ? <blockquote className="pre">{r.comment}</blockquote> : null}
          </li>
        ))}
      </ul>
      ) : null}
    </section>
  );
}
