// Every kind of public page, in Vietnamese and English, streamed to a browser and rendered whole
// for a crawler, holds no NUL or other control character (React 18's stray buffer bytes are
// dropped on the way out), and goes out compressed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { seedDemoDeals, seedDemoMarket } from '../../app/services/demo-market.server.js';
import { refreshMarketFacts } from '../../app/services/market-figures.server.js';
import { withoutNulBytes } from '../../app/web/clean-html.server.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

let market: TestMarket;
let server: Awaited<ReturnType<typeof startTestServer>>;
let pages: string[] = [];

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const CRAWLER = 'Googlebot/2.1 (+http://www.google.com/bot.html)';

beforeAll(async () => {
  market = await createTestMarket();
  await seedDemoMarket(market.db, { hashPassword });
  await market.relay();
  await seedDemoDeals(market.ctx);
  await refreshMarketFacts(market.db);
  const listing = await market.db.selectFrom('listings').select('id').where('status', '=', 'published').orderBy('published_at').executeTakeFirstOrThrow();
  const organisation = await market.db.selectFrom('organisations').select('slug').where('slug', '=', 'hbk').executeTakeFirstOrThrow();
  pages = ['/', '/offers', '/demands', '/search?q=nuoc%20thai', '/search?q=n%C6%B0%E1%BB%9Bc%20th%E1%BA%A3i', `/listings/${listing.id}`, `/organisations/${organisation.slug}`, '/market', '/login', '/signup', '/no-such-page'];
  server = await startTestServer(market.ctx);
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('the bytes of every page', () => {
  it('hold no control character, streamed or whole, in Vietnamese and English', async () => {
    let checked = 0;
    for (const page of pages) {
      for (const lang of ['vi', 'en']) {
        for (const agent of [BROWSER, CRAWLER]) {
          const url = `${server.url}${page}${page.includes('?') ? '&' : '?'}lang=${lang}`;
          const res = await fetch(url, { headers: { 'user-agent': agent } });
          const bytes = new Uint8Array(await res.arrayBuffer());
          expect(bytes.includes(0), `${url} (${agent.slice(0, 9)}) has a NUL byte`).toBe(false);
          expect(new TextDecoder().decode(bytes).match(CONTROL), `${url} (${agent.slice(0, 9)})`).toBeNull();
          checked += 1;
        }
      }
    }
    expect(checked).toBe(pages.length * 4);
  });

  it('go out compressed when the browser accepts it', async () => {
    const res = await fetch(`${server.url}/search?q=nuoc%20thai`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('</html>');
  });
});

describe('the transform that drops stray NUL bytes', () => {
  it('removes them wherever they fall and leaves every other byte, Vietnamese included', async () => {
    const text = Buffer.from('Lĩnh vực: nước thải', 'utf8');
    const chunks = [Buffer.concat([text.subarray(0, 5), Buffer.alloc(3)]), Buffer.concat([Buffer.alloc(1), text.subarray(5)]), Buffer.from('<p>ok</p>')];
    const out: Buffer[] = [];
    const transform = withoutNulBytes();
    transform.on('data', (c: Buffer) => out.push(c));
    const ended = new Promise((resolve) => transform.on('end', resolve));
    for (const c of chunks) transform.write(c);
    transform.end();
    await ended;
    expect(Buffer.concat(out).toString('utf8')).toBe('Lĩnh vực: nước thải<p>ok</p>');
  });
});
