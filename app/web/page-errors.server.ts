import { data } from '@remix-run/node';
import { isExpectedFailure, statusOf } from './failure.server.js';

/**
 * A page's loader body: an expected failure becomes the error page of its status (404, 403, 409, …)
 * with its problem, which the error boundary renders in the reader's language; never a 500.
 */
export async function asPage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isExpectedFailure(error)) throw data({ error: error.problem.code, problem: error.problem }, { status: statusOf(error) });
    throw error;
  }
}
