// A form that carries files (multipart), read within an overall cap and a per-file limit. File
// names are cleaned like any text a person sends: no control or bidirectional characters.
import { cleanText } from '../domain/text.js';
import { data } from '@remix-run/node';
import { BodyTooLargeError, MAX_UPLOAD_BODY_BYTES, UnreadableBodyError, readFormData } from './body.server.js';
import { formValues, type FormFailure, type FormValues } from './forms.server.js';

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface UploadForm {
  values: FormValues;
  /** The first file sent under each field name. */
  files: Record<string, UploadedFile>;
}

/**
 * The fields and files of a multipart form. A file over `maxFileBytes`, or a body over the
 * upload cap, is a BodyTooLargeError; an unreadable body an UnreadableBodyError.
 */
export async function readUploadForm(request: Request, options: { maxFileBytes: number }): Promise<UploadForm> {
  const form = await readFormData(request, MAX_UPLOAD_BODY_BYTES);
  const files: Record<string, UploadedFile> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' || key in files) continue;
    if (value.size > options.maxFileBytes) throw new BodyTooLargeError(options.maxFileBytes);
    files[cleanText(key)] = { name: cleanText(value.name), type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { values: formValues(form), files };
}

/**
 * A page form that may carry a file. A file over the limit is a field error on `field` (what was
 * typed beside it is lost: the body was not read to its end), not the 413 page.
 */
export async function readPageUpload(request: Request, options: { maxFileBytes: number; field: string; intent: string }): Promise<UploadForm | { failure: FormFailure }> {
  try {
    return await readUploadForm(request, options);
  } catch (error) {
    if (error instanceof UnreadableBodyError) throw data({ error: 'unreadable_form', code: 'unreadable_form' }, { status: 400 });
    if (!(error instanceof BodyTooLargeError)) throw error;
    const mb = Math.floor(options.maxFileBytes / 1024 / 1024);
    return { failure: { ok: false, fieldErrors: { [options.field]: [{ code: 'file_too_large', params: { mb } }] }, message: null, values: { intent: options.intent } } };
  }
}
