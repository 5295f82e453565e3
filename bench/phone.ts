// `npm run bench:phone`: Lighthouse's mobile performance score (a mid-range phone on a slow 4G
// link, simulated) for the pages issue 13 names: the home page, a search, a listing and a deal
// page (signed in). The market is the one `npm start` makes, demo data and deals included, on a
// throw-away data directory. Beside each page, in the same run, the same page with its scripts
// blocked: the floor that the HTML and the stylesheet alone reach, so what the scripts cost is
// the difference. Figures, not a test: it prints them and writes bench/results/phone-<date>.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { readConfig } from '../app/config.server.js';
import { createHttpApp } from '../app/server/http-server.js';
import { startMarket } from '../app/server/runtime.js';
import { DEMO_PASSWORD } from '../db/seed.js';
import { ensureBuild, BUILD } from './lib/app-server.js';
import { numberArgs } from './lib/args.js';
import { machineInfo } from './lib/report.js';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

const args = numberArgs({ runs: 3 });
const runs = Math.max(1, Math.floor(args.runs));
const log = (m: string) => console.log(`[bench] ${m}`);
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;

interface Measure { score: number; metrics: Record<string, number>; bytes: number; scriptBytes: number }

async function main() {
  ensureBuild(log);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'opentex-bench-phone-'));
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'true',
    NODE_ENV: 'production',
    EMBEDDED_PG_PORT: String(await freePort()),
    EMBEDDED_MEILI_PORT: String(await freePort()),
  });
  for (const name of ['DATABASE_URL', 'MEILI_HOST', 'MEILI_MASTER_KEY', 'SMTP_URL']) delete process.env[name];
  const market = await startMarket(readConfig(), { log, jobs: false });
  const app = await createHttpApp(market.context, BUILD);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const db = market.context.db;
    const listing = await db.selectFrom('listings').select('id').where('status', '=', 'published').where('kind', '=', 'offer').orderBy('published_at', 'desc').executeTakeFirstOrThrow();
    const deal = await db.selectFrom('deals').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const cookie = await signIn(url, 'mekongxanh.admin@opentex.demo');
    const pages: { name: string; path: string; cookie?: string }[] = [
      { name: 'home', path: '/' },
      { name: 'search', path: '/search?q=nuoc%20thai' },
      { name: 'listing', path: `/listings/${listing.id}` },
      { name: 'deal (signed in)', path: `/deals/${deal.id}`, cookie },
    ];
    const results: Record<string, { withScripts: Measure; scriptsBlocked: Measure }> = {};
    for (const page of pages) {
      const withScripts = await median(page, chrome.port, url, false);
      const scriptsBlocked = await median(page, chrome.port, url, true);
      results[page.name] = { withScripts, scriptsBlocked };
      log(`${page.name.padEnd(18)} score ${withScripts.score} (scripts blocked: ${scriptsBlocked.score}) · FCP ${ms(withScripts.metrics['first-contentful-paint'])} · LCP ${ms(withScripts.metrics['largest-contentful-paint'])} · TBT ${ms(withScripts.metrics['total-blocking-time'])} · CLS ${withScripts.metrics['cumulative-layout-shift']?.toFixed(3)} · ${kib(withScripts.bytes)} (${kib(withScripts.scriptBytes)} of scripts)`);
    }
    const report = { date: new Date().toISOString(), machine: machineInfo(), runs, lighthouse: '12', formFactor: 'mobile, simulated slow 4G and 4× CPU slowdown', results };
    mkdirSync('bench/results', { recursive: true });
    const file = path.join('bench/results', `phone-${report.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2));
    log(`written ${file}`);
  } finally {
    await chrome.kill();
    server.closeAllConnections();
    server.close();
    await market.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The median run by score, of `runs` Lighthouse runs of one page. */
async function median(page: { path: string; cookie?: string }, port: number, url: string, blockScripts: boolean): Promise<Measure> {
  const measures: Measure[] = [];
  for (let i = 0; i < runs; i += 1) {
    const result = await lighthouse(`${url}${page.path}`, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
      blockedUrlPatterns: blockScripts ? ['*.js'] : undefined,
    });
    if (!result) throw new Error(`Lighthouse gave nothing for ${page.path}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.message}`);
    const requests = (lhr.audits['network-requests']?.details as { items?: { transferSize?: number; resourceType?: string }[] } | undefined)?.items ?? [];
    measures.push({
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      metrics: Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m]?.numericValue ?? NaN])),
      bytes: requests.reduce((n, r) => n + (r.transferSize ?? 0), 0),
      scriptBytes: requests.filter((r) => r.resourceType === 'Script').reduce((n, r) => n + (r.transferSize ?? 0), 0),
    });
  }
  measures.sort((a, b) => a.score - b.score);
  return measures[Math.floor(measures.length / 2)]!;
}

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error(`Could not sign in as ${email} (status ${response.status})`);
  return cookie;
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : `${Math.round(n)} ms`);
const kib = (n: number) => `${Math.round(n / 1024)} KiB`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
