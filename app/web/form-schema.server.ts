// Forms (and API bodies) parsed at the edge with one schema per route. A failed parse is an
// InvalidInputError, so inside `formAction` it becomes the same 400 FormFailure (fields beside
// their inputs, what was typed kept) as a service's own refusal, and in `apiResponse` the same
// 400 JSON body. Routes with several forms pass a `z.discriminatedUnion('intent', …)`.
import type { z } from 'zod';
import { parsed } from '../services/errors.js';
import { formAction, type FormValues } from './forms.server.js';

export { parsed };

/** A form's action: parse `values` with the route's schema, then run its one use case. */
export function schemaAction<S extends z.ZodTypeAny, T>(schema: S, values: FormValues, run: (input: z.output<S>) => Promise<T>) {
  return formAction(values, () => run(parsed(schema, values)));
}
