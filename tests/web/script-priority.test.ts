// The transform that lowers the priority of the page's script preloads: every link is marked,
// wherever the stream's chunks happen to cut it, and nothing else changes.
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { lowPriorityScripts } from '../../app/web/script-priority.server.js';

const PAGE =
  '<html><head><link rel="stylesheet" href="/styles.css"/></head><body><p>Công nghệ xử lý nước thải</p>' +
  '<link rel="modulepreload" href="/build/entry.client-A.js"/><link rel="modulepreload" href="/build/_shared/chunk-B.js"/>' +
  '<script type="module" async="">import "/build/entry.client-A.js";</script></body></html>';
const EXPECTED = PAGE.replaceAll('<link rel="modulepreload" ', '<link rel="modulepreload" fetchpriority="low" ');

async function through(chunks: Buffer[]): Promise<string> {
  return text(Readable.from(chunks).pipe(lowPriorityScripts()));
}

describe('lowPriorityScripts', () => {
  it('marks every modulepreload link and leaves the rest byte for byte', async () => {
    expect(await through([Buffer.from(PAGE)])).toBe(EXPECTED);
  });

  it('marks a link cut across two chunks at any byte, Vietnamese text included', async () => {
    const bytes = Buffer.from(PAGE);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(await through([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(EXPECTED);
    }
  });

  it('passes a page without scripts unchanged, however it is cut', async () => {
    const page = '<p>Trang không có script: &lt;link rel="modulepreload"</p>';
    const bytes = Buffer.from(page);
    expect(await through([bytes.subarray(0, 20), bytes.subarray(20)])).toBe(page);
  });
});
