// Under the Content-Security-Policy (issue 7, finding 7) pages still hydrate and work with
// JavaScript in real Chromium, with no violation reported; no other site can frame them; and
// a hostile redirectTo lands on the market after sign-in, with JavaScript on.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
import { startBrowserMarket, type BrowserMarket } from '../support/e2e.js';
import { arrived, heading, newPage, visit } from '../support/pages.js';

let world: BrowserMarket;

beforeAll(async () => {
  world = await startBrowserMarket({
    prepare: async (market) => {
      const org = await createOrganisation(market.db, { slug: 'vien-csp', name: 'Viện CSP', type: 'institute', taxCode: '0100000081' });
      await createUser(market.db, { email: 'csp@vien.vn', organisationId: org, passwordHash: await hashPassword('mat-khau-thu-nghiem') });
    },
  });
});

afterAll(() => world?.close());

/** A page that records every CSP violation and every console message that mentions the policy. */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await newPage(world.browser, world.url);
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    page,
    violations: async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))],
  };
}

describe('the Content-Security-Policy', () => {
  it('lets pages hydrate, navigate on the client, switch language and sign in, with no violation', async () => {
    const { page, violations } = await watchedPage();
    const response = await visit(page, '/');
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    await page.getByRole('link', { name: 'Công nghệ chào bán' }).first().click();
    await arrived(page, /\/offers$/);
    await heading(page, 'Công nghệ chào bán');
    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, 'Technology offers');

    await visit(page, '/login?redirectTo=%2F%09%2Fevil.example%2Fphish');
    await page.getByLabel('Email').fill('csp@vien.vn');
    await page.getByLabel('Password').fill('mat-khau-thu-nghiem');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await arrived(page, /\/my\/listings$/);
    expect(new URL(page.url()).host).toBe(new URL(world.url).host);
    expect(await violations()).toEqual([]);

    // The policy is enforced: a script injected without the nonce does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await page.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0);
  });

  it('keeps other sites from framing a page', async () => {
    const { page } = await watchedPage();
    const blocked = new Promise<void>((resolve) => page.on('console', (m) => /frame-ancestors/.test(m.text()) && resolve()));
    await page.setContent(`<iframe src="${world.url}/login"></iframe>`);
    await blocked;
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.locator('input[name="email"]').count()).toBe(0);
  });
});
