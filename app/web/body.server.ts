// Request bodies are read only up to a limit, counted as they arrive: a body that declares
// more is refused before a byte is read, and one sent in chunks stops being read as soon as it
// passes the limit (docs/decisions/012-http-edge.md). Nothing else in the app buffers a body.
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment.js';

/** Every form and JSON body. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A form carrying a file: the file's own limit, plus room for the other fields and part headers. */
export const MAX_UPLOAD_BODY_BYTES = MAX_ATTACHMENT_BYTES + MAX_BODY_BYTES;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The body is not what its Content-Type says (truncated multipart, no boundary, no type). */
export class UnreadableBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableBodyError';
  }
}

/** Does the request announce a body longer than `limit`? */
export function declaresMoreThan(headers: Headers, limit: number): boolean {
  const length = Number(headers.get('content-length') ?? 0);
  return Number.isFinite(length) && length > limit;
}

/** The whole body, or BodyTooLargeError once more than `limit` bytes have been announced or sent. */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (declaresMoreThan(request.headers, limit)) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Not cancel(): that destroys the socket before the 413 is sent. The answer closes the
      // connection instead, and the rest is never read.
      reader.releaseLock();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * A urlencoded or multipart form read within `limit`. Multipart is parsed by the runtime's own
 * parser (undici's), which takes `;`, `=`, quotes and any script in a file name.
 */
export async function readFormData(request: Request, limit: number): Promise<FormData> {
  const type = request.headers.get('content-type') ?? '';
  const bytes = await readBodyBytes(request, limit);
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    throw new UnreadableBodyError('send the form as application/x-www-form-urlencoded or multipart/form-data');
  }
  try {
    return await new Response(bytes, { headers: { 'Content-Type': type } }).formData();
  } catch {
    throw new UnreadableBodyError('the form data could not be read (malformed or truncated)');
  }
}
