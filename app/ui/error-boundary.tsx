import { Link, isRouteErrorResponse, useRouteError } from '@remix-run/react';
import { useT } from './use-t.js';

/** The one error page: a useful 404, a readable 400 and 413, and no stack trace for anything else. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status >= 500) console.error(error);
  const body = isRouteErrorResponse(error) ? (error.data as { error?: string; code?: string } | null) : null;
  const [title, text] =
    status === 404
      ? [t('error.notFound.title'), t('error.notFound.text')]
      : status === 413
        ? [t('error.tooLarge.title'), t('error.tooLarge.text')]
        : status === 400
          ? [t('error.badRequest.title'), body?.code === 'unreadable_form' ? t('error.unreadableForm') : String(body?.error ?? '')]
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
