import type { MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { problem } from '../domain/problem.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('error.notFound.title') }));

export function loader() {
  throw data({ error: 'not_found', problem: problem('not_found', { entity: 'page' }) }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
