import type { MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('error.notFound.title') }));

export function loader() {
  throw data({ error: 'Not found' }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
