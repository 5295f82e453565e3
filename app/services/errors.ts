// Expected failures of the use cases. Routes map them to 400/401/403/404/409/429 with a message
// a person understands; anything else is unexpected and reaches the error boundary.

export class NotFoundError extends Error {
  constructor(readonly entity: 'listing' | 'organisation' | 'invitation' | 'user' | 'sign_up' | 'page', readonly id: string) {
    super(`${entity} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

export class InvalidInputError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`Invalid input: ${Object.entries(fieldErrors).map(([f, e]) => `${f}: ${e.join(', ')}`).join('; ')}`);
    this.name = 'InvalidInputError';
  }
}

/** Not signed in (401). */
export class AuthenticationError extends Error {
  constructor(message = 'Sign in first') {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** Signed in, but this is not yours to do (403). */
export class PermissionError extends Error {
  constructor(message = 'You may not do this') {
    super(message);
    this.name = 'PermissionError';
  }
}

/** Somebody else changed it first, or it is in a state that does not allow this (409). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Too many attempts (429). */
export class RateLimitError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`);
    this.name = 'RateLimitError';
  }
}
