// What every browser test starts with: a clean market (optionally the demo data, indexed and
// matched), the built app serving it, and Chromium.
import type { Browser } from 'playwright-core';
import { hashPassword } from '../../app/auth/password.server.js';
import { rematchAll } from '../../app/services/matching.server.js';
import { seedDemoMarket } from '../../app/services/demo-market.server.js';
import { launchChromium } from './browser.js';
import { createTestMarket, type TestMarket } from './market.js';
import { startTestServer } from './server.js';

export interface BrowserMarket {
  market: TestMarket;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserMarket(options: { demoData?: boolean; prepare?: (market: TestMarket) => Promise<void>; clock?: () => Date } = {}): Promise<BrowserMarket> {
  const market = await createTestMarket(options.clock ? { clock: options.clock } : {});
  if (options.demoData) {
    await seedDemoMarket(market.db, { hashPassword });
    await market.relay();
    await rematchAll(market.ctx);
  }
  await options.prepare?.(market);
  const server = await startTestServer(market.ctx);
  const browser = await launchChromium();
  return {
    market,
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await market.close();
    },
  };
}
