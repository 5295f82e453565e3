// The code on the payment page must scan back to exactly the payload, and a screen reader must
// announce it by its title. Chromium draws the SVG as a browser would; zbarimg (Debian's
// zbar-tools, installed by .ci/run) reads the picture as a phone's camera would.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietQrSvg } from '../../app/payments/vietqr-svg.server.js';
import { launchChromium } from '../support/browser.js';

const run = promisify(execFile);
const PAYLOAD = '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6';
const TITLE = 'Mã VietQR: chuyển 10.000 ₫ đến ACB 257678859';

let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  dir = await mkdtemp(path.join(tmpdir(), 'vietqr-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function show(svg: string) {
  await page.setContent(`<!doctype html><html lang="vi"><body style="margin:0;background:#fff"><div id="qr" style="width:300px;height:300px">${svg}</div></body></html>`);
  await page.addStyleTag({ content: '#qr svg { display: block; width: 300px; height: 300px; }' });
}

/** What a scanner reads from the code as the browser draws it. */
async function scan(name: string): Promise<string> {
  const file = path.join(dir, `${name}.png`);
  await writeFile(file, await page.locator('#qr').screenshot());
  const { stdout } = await run('zbarimg', ['--raw', '-q', file]);
  return stdout.replace(/\n$/, '');
}

describe('vietQrSvg', () => {
  it('draws a code that scans back to exactly the payload', async () => {
    await show(await vietQrSvg(PAYLOAD, TITLE));
    expect(await scan('dynamic')).toBe(PAYLOAD);
  });

  it('is an image named by its title for assistive technology', async () => {
    const svg = await vietQrSvg(PAYLOAD, TITLE);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*><title>Mã VietQR: chuyển 10\.000 ₫ đến ACB 257678859<\/title>/);
    await show(svg);
    await expect(page.getByRole('img', { name: TITLE }).count()).resolves.toBe(1);
  });

  it('escapes the title, so that a name cannot break out of it', async () => {
    const title = 'Công ty "A&B" <script>alert(1)</script> \'x\'';
    const svg = await vietQrSvg(PAYLOAD, title);
    expect(svg).toContain('<title>Công ty &quot;A&amp;B&quot; &lt;script&gt;alert(1)&lt;/script&gt; &#39;x&#39;</title>');
    expect(svg).not.toContain('<script>');
    await show(svg);
    await expect(page.getByRole('img', { name: title }).count()).resolves.toBe(1);
    expect(await scan('escaped')).toBe(PAYLOAD);
  });
});
