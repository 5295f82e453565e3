import { Link, isRouteErrorResponse, useRouteError } from '@remix-run/react';
import { useT } from './use-t.js';

/** The one error page: a useful 404, a readable 400, and no stack trace for anything else. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status >= 500) console.error(error);
  const [title, text] =
    status === 404
      ? [t('error.notFound.title'), t('error.notFound.text')]
      : status === 400
        ? [t('error.badRequest.title'), isRouteErrorResponse(error) ? String((error.data as { error?: string })?.error ?? '') : '']
        : [t('error.generic.title'), t('error.generic.text')];
  return (
    <section className="error-page">
      <h1>{title}</h1>
      <p className="error-status">{status}</p>
      {text ? <p>{text}</p> : null}
      <ul className="error-links">
        <li><Link to="/">{t('error.home')}</Link></li>
        <li><Link to="/search">{t('error.search')}</Link></li>
      </ul>
    </section>
  );
}
