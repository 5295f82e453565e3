// Helpers for driving pages in Chromium: wait for conditions a reader would wait for, never for time.
import type { Browser, Page } from 'playwright-core';

/** After a navigation: the URL is right and, with JavaScript, Remix has finished rendering it. */
export async function arrived(page: Page, url: RegExp) {
  await page.waitForURL(url);
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string } } } }).__remixRouter;
    return !router || router.state.navigation.state === 'idle';
  });
}

/** Opens a page and, with JavaScript on, waits until React has hydrated it, as a reader would. */
export async function visit(page: Page, path: string, javaScript = true) {
  const response = await page.goto(path);
  if (javaScript) {
    await page.waitForFunction(() => {
      const router = (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter;
      return Boolean(router?.state.initialized) && document.querySelector('main')?.getAttribute('data-hydrated') === 'true';
    });
  }
  return response;
}

/** Waits for the page's main heading to read `text` (client-side renders land a moment after the URL). */
export async function heading(page: Page, text: string) {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
  return text;
}

export async function newPage(browser: Browser, baseURL: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, baseURL });
  const page = await context.newPage();
  // Shared 2-core machines under a full test run: a server-rendered step can take several seconds.
  page.setDefaultTimeout(20_000);
  return page;
}

