// A page carries the scripts of its reader's language only: the browser fetches one catalogue of
// messages (70–95 KB) before it hydrates, not both, and the page still comes alive in each.
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.js';
import { vi } from '../../app/i18n/vi.js';
import { startBrowserMarket, type BrowserMarket } from '../support/e2e.js';
import { newPage, visit } from '../support/pages.js';

let world: BrowserMarket;

beforeAll(async () => {
  world = await startBrowserMarket({ demoData: true });
});

afterAll(() => world?.close());

/** What esbuild writes for a string in a script: non-ASCII characters as \xXX or \uXXXX escapes. */
const asInScript = (text: string) =>
  text.replace(/[\u0080-\uffff]/g, (c) => {
    const code = c.charCodeAt(0).toString(16).toUpperCase();
    return c.charCodeAt(0) < 0x100 ? `\\x${code}` : `\\u${code.padStart(4, '0')}`;
  });

describe('the scripts of a page', () => {
  for (const [lang, own, other] of [['vi', vi, en], ['en', en, vi]] as const) {
    it(`in ${lang} hold that language's messages and not the other's, and hydrate the page`, async () => {
      let page = await newPage(world.browser, world.url);
      if (lang === 'en') {
        await visit(page, '/');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { level: 1, name: 'Connecting technology with business' }).waitFor();
        // A fresh tab of the same browser (the language is in its cookie), so that only the
        // measured page's scripts are read.
        page = await page.context().newPage();
      }
      const scripts: Promise<string>[] = [];
      page.on('response', (r: Response) => {
        if (r.request().resourceType() === 'script') scripts.push(r.text());
      });
      await visit(page, '/search?q=nuoc%20thai');
      expect(await page.getByRole('link', { name: own['nav.search'], exact: true }).count()).toBe(1);
      const text = (await Promise.all(scripts)).join('\n');
      const mine = asInScript(own['filters.apply']);
      const theirs = asInScript(other['filters.apply']);
      expect(text.includes(mine) || text.includes(own['filters.apply'])).toBe(true);
      expect(text.includes(theirs) || text.includes(other['filters.apply'])).toBe(false);
      // The scripts wait behind what paints the page (app/web/script-priority.server.ts); React
      // drops the links once it has hydrated, so the page is read as the server sent it.
      const html = await (await page.request.get('/search?q=nuoc%20thai')).text();
      const preloads = html.match(/<link rel="modulepreload"[^>]*>/g) ?? [];
      expect(preloads.length).toBeGreaterThan(0);
      expect(preloads.filter((link) => !link.includes('fetchpriority="low"'))).toEqual([]);
    });
  }
});
