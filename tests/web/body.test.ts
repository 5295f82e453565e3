// A body is counted as it arrives and reading stops at the limit (issue 7, finding 6): a chunked
// body without Content-Length cannot make the server buffer more than 1 MB.
import { describe, expect, it } from 'vitest';
import { readJson } from '../../app/web/api.server.js';
import { readForm } from '../../app/web/forms.server.js';

const CHUNK = 64 * 1024;

/** A body of `total` bytes, produced only as it is read; `pulled()` says how much was read. */
function endlessBody(total: number, contentType: string, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
    },
  }, { highWaterMark: 0 });
  const request = new Request('http://opentex.test/login', { method: 'POST', body, headers: { 'content-type': contentType, ...headers }, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

async function statusOf(promise: Promise<unknown>): Promise<number | string> {
  try {
    await promise;
    return 'read';
  } catch (error) {
    const init = (error as { init?: { status?: number } }).init;
    if (init?.status) return init.status;
    return (error as Error).name;
  }
}

describe('body limits', () => {
  it('a form stops being read just past 1 MB and is answered 413', async () => {
    const { request, pulled } = endlessBody(16 * 1024 * 1024, 'application/x-www-form-urlencoded');
    expect(await statusOf(readForm(request))).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(1024 * 1024 + 2 * CHUNK);
  });

  it('so does a JSON body', async () => {
    const { request, pulled } = endlessBody(16 * 1024 * 1024, 'application/json');
    expect(await statusOf(readJson(request))).toBe('BodyTooLargeError');
    expect(pulled()).toBeLessThanOrEqual(1024 * 1024 + 2 * CHUNK);
  });

  it('a form that declares more than 1 MB is refused before a byte is read', async () => {
    const { request, pulled } = endlessBody(16 * 1024 * 1024, 'application/x-www-form-urlencoded', { 'content-length': String(16 * 1024 * 1024) });
    expect(await statusOf(readForm(request))).toBe(413);
    expect(pulled()).toBe(0);
  });

  it('a form body that is not a form is a 400, not a 500', async () => {
    for (const type of ['multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain', '']) {
      const request = new Request('http://opentex.test/login', { method: 'POST', body: 'email=a', headers: type ? { 'content-type': type } : {} });
      if (!type) request.headers.delete('content-type');
      expect(await statusOf(readForm(request)), type).toBe(400);
    }
  });
});
