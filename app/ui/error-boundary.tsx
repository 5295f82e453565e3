import { Link, isRouteErrorResponse, useLocation, useRouteError } from '@remix-run/react';
import { isProblemCode, type Problem } from '../domain/problem.js';
import type { MessageKey } from '../i18n/index.js';
import { problemText } from '../i18n/problems.js';
import { useLang, useRootData, useT } from './use-t.js';

/** The statuses that have a page of their own; any other 4xx reads as 400, any 5xx as 500. */
const PAGES = [400, 401, 403, 404, 409, 410, 413, 429, 500] as const;
type Page = (typeof PAGES)[number];

type NextStep = 'reload' | 'signIn' | 'signInAgain' | 'home' | 'search' | 'forgotPassword' | 'signUp';

/** What a person can do next on each page; the first is the likeliest way on. */
const NEXT: Record<Page, NextStep[]> = {
  400: ['reload', 'home'],
  401: ['signIn', 'home'],
  403: ['signInAgain', 'home', 'search'],
  404: ['search', 'home'],
  409: ['reload', 'home'],
  410: ['home'],
  413: ['reload', 'home'],
  429: ['home', 'search'],
  500: ['reload', 'home'],
};

/** Each emailed link that has stopped working offers its own way on (app/domain/problem.ts). */
const NEXT_FOR_LINK: Record<string, NextStep[]> = {
  reset: ['forgotPassword', 'signIn'],
  invitation: ['signIn', 'home'],
  sign_up: ['signUp', 'signIn'],
};

interface ErrorData {
  problem?: Problem;
  code?: string;
}

/**
 * The one error page: for each status it says what happened (the problem the response carries,
 * in the reader's language) and what the person can do next. Unexpected errors are logged and
 * shown as the 500 page, never with a stack trace.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const lang = useLang();
  const signedIn = Boolean(useRootData()?.user);
  const location = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status >= 500) console.error(error);
  const page: Page = (PAGES as readonly number[]).includes(status) ? (status as Page) : status >= 500 ? 500 : 400;
  const body = isRouteErrorResponse(error) && typeof error.data === 'object' && error.data ? (error.data as ErrorData) : null;
  const problem = body?.problem && isProblemCode(body.problem.code) ? body.problem : null;

  const text =
    body?.code === 'unreadable_form' ? t('error.unreadableForm') : problem ? problemText(t, lang, problem) : t(`error.${page}.text` as MessageKey);
  const here = `${location.pathname}${location.search}`;
  const link = String(problem?.params?.link ?? '');
  const next = (page === 410 && NEXT_FOR_LINK[link]) || NEXT[page].filter((step) => step !== 'signInAgain' || signedIn);
  const href: Record<NextStep, string> = {
    reload: here,
    signIn: `/login?redirectTo=${encodeURIComponent(here)}`,
    signInAgain: `/login?redirectTo=${encodeURIComponent(here)}`,
    home: '/',
    search: '/search',
    forgotPassword: '/forgot-password',
    signUp: '/signup',
  };

  return (
    <section className="error-page" data-status={page}>
      <h1>{t(`error.${page}.title` as MessageKey)}</h1>
      <p className="error-status">{status}</p>
      <p>{text}</p>
      <p className="error-next">{t(page === 410 && NEXT_FOR_LINK[link] ? (`error.410.next.${link}` as MessageKey) : (`error.${page}.next` as MessageKey))}</p>
      <ul className="error-links">
        {next.map((step) => (
          // A plain link: the page after an error is loaded afresh, and reloading means a new GET.
          <li key={step}><Link to={href[step]} reloadDocument={step === 'reload'}>{t(`error.link.${step}` as MessageKey)}</Link></li>
        ))}
      </ul>
    </section>
  );
}
