// Expected failures of the use cases. Routes map them to 400/404/409 with a message a
// person understands; anything else is unexpected and reaches the error boundary.

export class NotFoundError extends Error {
  constructor(readonly entity: 'listing' | 'organisation', readonly id: string) {
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
