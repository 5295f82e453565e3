// React 18's streaming renderer sometimes writes its whole 2,048-byte buffer when a multi-byte
// character would straddle its end, the unwritten (zero) bytes included (facebook/react#26228,
// fixed upstream, never released in 18.x). Vietnamese text makes it frequent, and a NUL inside a
// page stops crawlers and breaks what screen readers say. HTML never holds a NUL of its own (the
// sanitiser removes them from people's text), so dropping every zero byte restores the page React
// meant to write.
import { Transform, type TransformCallback } from 'node:stream';

export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      if (chunk.indexOf(0) === -1) return done(null, chunk);
      done(null, Buffer.from(chunk.filter((byte) => byte !== 0)));
    },
  });
}
