// Every page a person can reach by following links, one of each kind: a crawl from a few start
// pages through same-origin links, each path reduced to its route (ids become `:id`) so that
// 95 listings count as one page. What the layout tests measure on each.
import type { Page } from 'playwright-core';

/** Links that change something, download a file or leave the pages. */
const NOT_A_PAGE = /^\/(logout|language)\b|\/(pdf|card|scan|files|template)\b|^\/attachments\/|^\/api\/|\.(pdf|csv|json|xlsx|svg)$|[?&]format=|\/curator\/stats\/[^/?]+$/;

/** The route a path belongs to: ids and slugs of things become placeholders. */
export function routeOf(href: string): string {
  const url = new URL(href, 'http://x');
  const path = url.pathname
    .replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, '/:id')
    .replace(/\/\d+(?=\/|$)/g, '/:n')
    .replace(/^\/organisations\/[^/]+/, '/organisations/:slug')
    .replace(/^\/(invitations|reset-password|signup\/confirm)\/[^/]+/, '/$1/:token');
  // A page with a query is another view of the same page; a search is worth one visit of its own.
  const query = url.searchParams.has('q') ? '?q' : '';
  return path + query;
}

export interface CrawlOptions {
  limit?: number;
  /** Called with each page's bytes as they came over the wire. */
  onBytes?: (path: string, body: Buffer) => void;
}

export async function crawl(page: Page, starts: string[], options: CrawlOptions = {}): Promise<string[]> {
  const limit = options.limit ?? 80;
  const seen = new Set<string>();
  const queue = [...starts];
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < limit) {
    const path = queue.shift()!;
    const route = routeOf(path);
    if (seen.has(route) || NOT_A_PAGE.test(path)) continue;
    seen.add(route);
    const response = await page.goto(path);
    if (!response || response.status() >= 400 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    visited.push(path);
    options.onBytes?.(path, await response.body());
    const origin = new URL(page.url()).origin;
    const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const next = url.pathname + url.search;
      if (!seen.has(routeOf(next))) queue.push(next);
    }
  }
  return visited;
}

// The measuring code runs in the page as written: a string, so that no compiler wraps its functions
// in helpers (esbuild's `__name`) that the page does not have.

/** Elements that stick out of the viewport sideways, unless a scrolling box of their own holds them. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
      (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
    const heldByScroller = (e) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return p.getBoundingClientRect().right <= width + 1;
      }
      return false;
    };
    for (const e of document.body.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (e.closest('.skip-link, .visually-hidden')) continue;
      if ((r.right > width + 1 || r.left < -1) && !heldByScroller(e)) out.push(describe(e) + ' (' + Math.round(r.left) + '–' + Math.round(r.right) + ' px)');
    }
    if (document.documentElement.scrollWidth > width + 1) out.unshift('the page is ' + document.documentElement.scrollWidth + ' px wide');
    return out.slice(0, 8);
  })()`);
}

/**
 * Controls smaller than 24 × 24 px (WCAG 2.2, 2.5.8). Links inside running text are exempt, as
 * the criterion says; a control inside its label is measured with its label, which clicks it too.
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const out = [];
    const controls = document.querySelectorAll('main button, main select, main summary, main input:not([type=hidden]), header a, header button, nav a, .pagination a, .actions a');
    for (const e of controls) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      let width = r.width, height = r.height;
      const label = e.labels && e.labels[0];
      if (label && label.contains(e)) { const l = label.getBoundingClientRect(); width = Math.max(width, l.width); height = Math.max(height, l.height); }
      if (width < 23.5 || height < 23.5) {
        const name = (e.getAttribute('aria-label') || e.textContent || e.name || '').trim().slice(0, 30);
        out.push(e.tagName.toLowerCase() + ' "' + name + '" ' + Math.round(width) + '×' + Math.round(height));
      }
    }
    return out.slice(0, 8);
  })()`);
}
