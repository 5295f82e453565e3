// The page's scripts wait behind what paints it. Remix writes a `modulepreload` link for every
// chunk a page needs; Chrome fetches those at high priority, so on a slow link they share the
// first round trips with the stylesheet and hold the first paint back (Lighthouse counts them as
// render-blocking). Marked `fetchpriority="low"`, they are fetched as soon as the page's own
// bytes are in: the page reads before JavaScript loads, and hydrates a moment later.
import { Transform, type TransformCallback } from 'node:stream';

const FROM = Buffer.from('<link rel="modulepreload" ');
const TO = Buffer.from('<link rel="modulepreload" fetchpriority="low" ');

export function lowPriorityScripts(): Transform {
  let held = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      const bytes = held.length ? Buffer.concat([held, chunk]) : chunk;
      // The link may straddle two chunks: keep back a tail that could begin it.
      const keep = partialTail(bytes);
      held = Buffer.from(bytes.subarray(bytes.length - keep));
      done(null, replaceAll(bytes.subarray(0, bytes.length - keep)));
    },
    flush(done: TransformCallback) {
      done(null, replaceAll(held));
    },
  });
}

function replaceAll(bytes: Buffer): Buffer {
  let at = bytes.indexOf(FROM);
  if (at === -1) return bytes;
  const parts: Buffer[] = [];
  let from = 0;
  while (at !== -1) {
    parts.push(bytes.subarray(from, at), TO);
    from = at + FROM.length;
    at = bytes.indexOf(FROM, from);
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

/** How many bytes at the end could be the start of the link (0 when none). */
function partialTail(bytes: Buffer): number {
  for (let n = Math.min(FROM.length - 1, bytes.length); n > 0; n -= 1) {
    if (bytes.subarray(bytes.length - n).equals(FROM.subarray(0, n))) return n;
  }
  return 0;
}
