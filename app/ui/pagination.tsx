import { Link } from '@remix-run/react';
import { useT } from './use-t.js';

export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  const t = useT();
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          ← {t('pagination.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t('pagination.page', { page, total: totalPages })}</span>
      {page < totalPages ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t('pagination.next')} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
