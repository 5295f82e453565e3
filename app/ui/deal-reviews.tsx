import { Form } from '@remix-run/react';
import { fieldAttrs } from '../domain/form-constraints.js';
import type { FieldProblems } from '../domain/problem.js';
import type { DealReviewView, DealReviewsView } from '../domain/review-view.js';
import { RATINGS, reviewSchema } from '../domain/reviews.js';
import { formatDateTime, type MessageKey } from '../i18n/index.js';
import { Field, GroupErrors, inputProps, kept } from './field.js';
import { useLang, useT } from './use-t.js';

/** A rating as stars for the eye and as words for a screen reader. */
export function Stars({ rating }: { rating: number }) {
  const t = useT();
  return (
    <span className="stars" role="img" aria-label={t('review.starsOf', { rating })}>
      {'★'.repeat(rating)}
      {'☆'.repeat(5 - rating)}
    </span>
  );
}

/**
 * The review form: the rating as a radio group whose every choice says what it means in words,
 * and an optional comment. It posts to its own route, so it works without JavaScript from the
 * deal page and from the small page that shows its errors.
 */
export function ReviewForm({ dealId, windowEndsAt, errors = {}, values, titled = true }: { dealId: string; windowEndsAt: string; errors?: FieldProblems; values?: Record<string, string | string[]>; titled?: boolean }) {
  const t = useT();
  const lang = useLang();
  const chosen = kept(values, 'rating');
  const ratingError = errors.rating?.length ? 'rating-error' : undefined;
  return (
    <Form method="post" action={`/deals/${dealId}/review`} className="stack review-form">
      {titled ? <h3>{t('review.formTitle')}</h3> : null}
      <p className="hint">{t('review.windowCloses', { date: formatDateTime(windowEndsAt, lang) })}</p>
      <fieldset className={ratingError ? 'has-error' : undefined} aria-describedby={ratingError}>
        <legend>{t('review.rating')}</legend>
        <ul className="checkboxes rating-choices">
          {RATINGS.map((n) => (
            <li key={n}>
              <label>
                <input type="radio" name="rating" value={n} required defaultChecked={chosen === String(n)} aria-invalid={ratingError ? true : undefined} />{' '}
                <span className="stars" aria-hidden="true">{'★'.repeat(n)}</span> {t('review.stars', { count: n })} – {t(`review.rating.${n}` as MessageKey)}
              </label>
            </li>
          ))}
        </ul>
        <div id="rating-error">
          <GroupErrors errors={errors.rating} />
        </div>
      </fieldset>
      <Field name="comment" label={t('review.comment')} errors={errors.comment} hint={t('review.commentHint')}>
        <textarea {...inputProps('comment', errors.comment, true)} {...fieldAttrs(reviewSchema, 'comment')} rows={4} defaultValue={kept(values, 'comment')} />
      </Field>
      <p className="actions">
        <button type="submit">{t('review.submit')}</button>
      </p>
    </Form>
  );
}

function DealReview({ review }: { review: DealReviewView }) {
  const t = useT();
  const lang = useLang();
  return (
    <li>
      <h3>{t('review.of', { side: t(`deal.side.${review.party}` as MessageKey) })}</h3>
      <p>
        <Stars rating={review.rating} /> · {review.organisationName} · {review.authorName} · <time dateTime={review.createdAt}>{formatDateTime(review.createdAt, lang)}</time>
      </p>
      {review.comment ? <blockquote className="pre">{review.comment}</blockquote> : null}
    </li>
  );
}

/** A completed deal's reviews, as the reader may see them, and the form while the reader's side may still review. */
export function DealReviews({ reviews: view }: { reviews: DealReviewsView }) {
  const t = useT();
  const lang = useLang();
  const date = formatDateTime(view.windowEndsAt, lang);
  const ownPosted = view.party !== null && view.reviews.some((r) => r.party === view.party);
  // While hidden, the note says what the reader waits for; the form says it for a side yet to post.
  const note = view.visible
    ? view.reviews.length === 0
      ? t('review.none')
      : null
    : view.otherPosted
      ? t('review.otherPosted', { date })
      : ownPosted
        ? t('review.ownPosted', { date })
        : view.mayReview
          ? null
          : t('review.hiddenUntil', { date });
  return (
    <section id="reviews" aria-labelledby="reviews-heading" className="deal-reviews">
      <h2 id="reviews-heading">{t('review.title')}</h2>
      {view.reviews.length ? (
        <ul className="review-list">
          {view.reviews.map((r) => (
            <DealReview key={r.party} review={r} />
          ))}
        </ul>
      ) : null}
      {note ? <p className="hint">{note}</p> : null}
      {view.mayReview ? <ReviewForm dealId={view.dealId} windowEndsAt={view.windowEndsAt} /> : null}
    </section>
  );
}
