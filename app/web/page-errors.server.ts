import { data } from '@remix-run/node';
import { AuthenticationError, NotFoundError, PermissionError } from '../services/errors.js';

/** A page's loader body: a missing or forbidden thing becomes a 404/403 page, not a 500. */
export async function asPage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError) throw data({ error: error.message }, { status: 404 });
    if (error instanceof PermissionError) throw data({ error: error.message }, { status: 403 });
    if (error instanceof AuthenticationError) throw data({ error: error.message }, { status: 401 });
    throw error;
  }
}
