// Form posts: read the fields, and turn a service's expected failure into what the page shows
// (field errors with the typed values kept, or a message), with the right status code.
import { data } from '@remix-run/node';
import { cleanText } from '../domain/text.js';
import { BodyTooLargeError, MAX_BODY_BYTES, readFormData, UnreadableBodyError } from './body.server.js';
import type { FieldProblems, Problem } from '../domain/problem.js';
import { isExpectedFailure, statusOf } from './failure.server.js';

export type FormValues = Record<string, string | string[]>;

/**
 * Every field of a form (at most 1 MB), cleaned of control characters; fields sent several
 * times (checkboxes) become arrays. A body too large or unreadable is a 413 or 400 page.
 */
export async function readForm(request: Request): Promise<FormValues> {
  return formValues(await readPageForm(request, MAX_BODY_BYTES));
}

/** The text fields of a parsed form, cleaned (files are left out). */
export function formValues(form: FormData): FormValues {
  const out: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string').map(cleanText);
    out[cleanText(key)] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

/** A form read within `limit`, its failures thrown as the error page's 413 or 400. */
async function readPageForm(request: Request, limit: number): Promise<FormData> {
  try {
    return await readFormData(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      // Closing the connection stops the sender; otherwise Node would read the rest to discard it.
      throw data({ error: 'body_too_large', code: 'body_too_large' }, { status: 413, headers: { Connection: 'close' } });
    }
    if (error instanceof UnreadableBodyError) throw data({ error: 'unreadable_form', code: 'unreadable_form' }, { status: 400 });
    throw error;
  }
}

export interface FormFailure {
  ok: false;
  fieldErrors: FieldProblems;
  message: Problem | null;
  values: FormValues;
}

/** Runs a form's use case; expected failures come back as data for the form, never as a 500. */
export async function formAction<T>(values: FormValues, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (!isExpectedFailure(error)) throw error;
    const status = statusOf(error);
    // A thing that is not there, or not this person's to know, is the 404 page, not a form message;
    // an emailed link that no longer works is the 410 page that offers a new one.
    if (status === 404 || status === 410) throw data({ error: error.problem.code, problem: error.problem }, { status });
    const message = error.kind === 'invalid' ? (error.fieldErrors.form?.[0] ?? null) : error.problem;
    return data<FormFailure>({ ok: false, fieldErrors: error.fieldErrors, message, values: withoutSecrets(values) }, { status });
  }
}

function withoutSecrets(values: FormValues): FormValues {
  const { password: _password, ...rest } = values;
  return rest;
}

