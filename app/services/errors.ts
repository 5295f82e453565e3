// Expected failures of the use cases. Each carries a kind (which decides its HTTP status, in
// app/web/failure.server.ts) and a problem code with parameters, which i18n renders in the
// reader's language. Anything else is unexpected and reaches the error boundary and the log.
import type { z } from 'zod';
import { parseInput } from '../domain/form-input.js';
import type { EmailedLink, FailureKind, FieldProblems, Problem, ProblemCode, ProblemParams } from '../domain/problem.js';

export type Entity = 'deal' | 'contract' | 'milestone' | 'listing' | 'organisation' | 'invitation' | 'user' | 'sign_up' | 'page' | 'attachment' | 'match' | 'saved_search' | 'reset_link' | 'notification' | 'api_token';

export abstract class ExpectedFailure extends Error {
  abstract readonly kind: FailureKind;
  constructor(
    readonly problem: Problem,
    readonly fieldErrors: FieldProblems = {},
  ) {
    // The message is for logs only; people read the problem rendered in their language.
    super(`${problem.code}${problem.params ? ` ${JSON.stringify(problem.params)}` : ''}`);
  }
}

/** Nothing there, or nothing this person may know is there (404). */
export class NotFoundError extends ExpectedFailure {
  readonly kind = 'hidden';
  constructor(
    readonly entity: Entity,
    readonly id: string,
  ) {
    super({ code: 'not_found', params: { entity } });
    this.name = 'NotFoundError';
  }
}

/** What was sent breaks a rule of the market (400), field by field. */
export class InvalidInputError extends ExpectedFailure {
  readonly kind = 'invalid';
  constructor(fieldErrors: FieldProblems) {
    super(fieldErrors.form?.[0] ?? { code: 'invalid_value' }, fieldErrors);
    this.name = 'InvalidInputError';
  }
}

/** Not signed in (401). */
export class AuthenticationError extends ExpectedFailure {
  readonly kind = 'unauthenticated';
  constructor(code: ProblemCode = 'sign_in_first') {
    super({ code });
    this.name = 'AuthenticationError';
  }
}

/** Signed in, but this is not yours to do (403). */
export class PermissionError extends ExpectedFailure {
  readonly kind = 'forbidden';
  constructor(code: ProblemCode = 'forbidden', params?: ProblemParams) {
    super(params ? { code, params } : { code });
    this.name = 'PermissionError';
  }
}

/** Somebody else changed it first, or it is in a state that does not allow this (409). */
export class ConflictError extends ExpectedFailure {
  readonly kind: 'conflict' | 'wrong_state';
  constructor(code: ProblemCode, params?: ProblemParams, kind: 'conflict' | 'wrong_state' = 'conflict') {
    super(params ? { code, params } : { code });
    this.kind = kind;
    this.name = 'ConflictError';
  }
}

/**
 * An emailed link (password reset, invitation, sign-up confirmation) that was already used or is
 * out of date (410). A token that never existed answers the same: the page cannot tell, and a
 * guessed token learns nothing.
 */
export class LinkExpiredError extends ExpectedFailure {
  readonly kind = 'expired';
  constructor(readonly link: EmailedLink) {
    super({ code: 'link_expired', params: { link } });
    this.name = 'LinkExpiredError';
  }
}

/** Too many attempts (429). */
export class RateLimitError extends ExpectedFailure {
  readonly kind = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super({ code: 'too_many_attempts', params: { minutes: Math.ceil(retryAfterSeconds / 60) } });
    this.name = 'RateLimitError';
  }
}

/** One field's problem, as services report a rule the input breaks. */
export function invalidField(field: string, code: ProblemCode, params?: ProblemParams): InvalidInputError {
  return new InvalidInputError({ [field]: [params ? { code, params } : { code }] });
}

/** The typed value of `input` by `schema`, or an InvalidInputError (400) with its field problems. */
export function parsed<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = parseInput(schema, input);
  if (!result.ok) throw new InvalidInputError(result.problems);
  return result.value;
}
