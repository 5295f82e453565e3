import { Form, Link } from '@remix-run/react';
import { formatVnd } from '../domain/money.js';
import { useT } from './use-t.js';

type InterestOption = { kind: 'sign_in' | 'express'; expressPrice: number | null } | { kind: 'none' } | { kind: 'open_deal'; dealId: string };

/** The way from a listing to a deal: the interest form, the open deal, or signing in first; and an offer's express licence. */
export function InterestLink({ listingId, option }: { listingId: string; option: InterestOption }) {
  const t = useT();
  const form = `/listings/${listingId}/interest`;
  if (option.kind === 'none') return null;
  return (
    <>
      <p className="actions interest">
        {option.kind === 'open_deal' ? (
          <Link className="button" to={`/deals/${option.dealId}`}>{t('listing.openDeal')}</Link>
        ) : option.kind === 'sign_in' ? (
          <Link className="button secondary" to={`/login?redirectTo=${encodeURIComponent(form)}`}>{t('listing.expressInterestSignIn')}</Link>
        ) : (
          <>
            <Link className="button" to={form}>{t('listing.expressInterest')}</Link>
            <span className="hint">{t('listing.expressInterestHint')}</span>
          </>
        )}
      </p>
      {option.kind === 'express' && option.expressPrice !== null ? (
        <Form method="post" action={`/listings/${listingId}/buy`} className="actions express-licence">
          <button type="submit" className="secondary">{t('listing.express.buy', { price: formatVnd(option.expressPrice) })}</button>{' '}
          <span className="hint">{t('listing.express.hint')}</span>
        </Form>
      ) : option.kind === 'sign_in' && option.expressPrice !== null ? (
        <p className="hint">{t('listing.express.buy', { price: formatVnd(option.expressPrice) })} · {t('listing.express.hint')}</p>
      ) : null}
    </>
  );
}
