// The one place where an expected failure becomes an HTTP status, for pages, forms and the API.
import type { FailureKind } from '../domain/problem.js';
import { ExpectedFailure } from '../services/errors.js';

const STATUS: Record<FailureKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  hidden: 404,
  wrong_state: 409,
  conflict: 409,
  // An emailed link that was used or is out of date: it existed and will not work again.
  expired: 410,
  rate_limited: 429,
};

export function statusOf(failure: ExpectedFailure): number {
  return STATUS[failure.kind];
}

export function isExpectedFailure(error: unknown): error is ExpectedFailure {
  return error instanceof ExpectedFailure;
}
