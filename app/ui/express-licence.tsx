import { Form } from '@remix-run/react';
import { formatCount } from '../i18n/index.js';
import { useT } from './use-t.js';

/** The owner's form for its offer's express licence price (empty: none). */
export function ExpressLicenceForm({ listingId, price, status }: { listingId: string; price: number | null; status: 'saved' | 'refused' | null }) {
  const t = useT();
  return (
    <section aria-labelledby="express-heading">
      <h2 id="express-heading">{t('listing.express.title')}</h2>
      <p className="hint">{t('listing.express.hint')}</p>
      {status ? (
        <p className={`notice${status === 'refused' ? ' notice-error' : ''}`} role="status">
          {t(status === 'saved' ? 'listing.express.saved' : 'listing.express.refused')}
        </p>
      ) : null}
      <Form method="post" action={`/my/listings/${listingId}/express`} className="stack narrow">
        <div className="form-field">
          <label htmlFor="express-price">{t('listing.express.price')}</label>
          <input id="express-price" name="price" inputMode="numeric" defaultValue={price === null ? '' : formatCount(price)} aria-describedby="express-price-hint" />
          <p className="hint" id="express-price-hint">{t('listing.express.priceHint')}</p>
        </div>
        <p className="actions">
          <button type="submit" className="secondary">{t('listing.express.save')}</button>
        </p>
      </Form>
    </section>
  );
}
