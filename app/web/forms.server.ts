// Form posts: read the fields, and turn a service's expected failure into what the page shows
// (field errors with the typed values kept, or a message), with the right status code.
import { data } from '@remix-run/node';
import { AuthenticationError, ConflictError, InvalidInputError, NotFoundError, PermissionError, RateLimitError } from '../services/errors.js';

export type FormValues = Record<string, string | string[]>;

/** Every field of a form; fields sent several times (checkboxes) become arrays. */
export async function readForm(request: Request): Promise<FormValues> {
  const form = await request.formData();
  const out: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

export interface FormFailure {
  ok: false;
  fieldErrors: Record<string, string[]>;
  message: string | null;
  values: FormValues;
}

/** Runs a form's use case; expected failures come back as data for the form, never as a 500. */
export async function formAction<T>(values: FormValues, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    const fail = (status: number, message: string | null, fieldErrors: Record<string, string[]> = {}) =>
      data<FormFailure>({ ok: false, fieldErrors, message, values: withoutSecrets(values) }, { status });
    if (error instanceof InvalidInputError) return fail(400, error.fieldErrors.form?.[0] ?? null, error.fieldErrors);
    if (error instanceof ConflictError) return fail(409, error.message);
    if (error instanceof RateLimitError) return fail(429, error.message);
    if (error instanceof PermissionError) return fail(403, error.message);
    if (error instanceof AuthenticationError) return fail(401, error.message);
    if (error instanceof NotFoundError) throw data({ error: error.message }, { status: 404 });
    throw error;
  }
}

function withoutSecrets(values: FormValues): FormValues {
  const { password: _password, ...rest } = values;
  return rest;
}
