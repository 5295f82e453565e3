// What every response carries and every request must respect before the app sees it:
// security headers (with this request's CSP nonce) and the body limits announced by
// Content-Length (docs/decisions/012-http-edge.md).
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { en } from '../i18n/en.js';
import { vi, type MessageKey } from '../i18n/vi.js';
import { MAX_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } from '../web/body.server.js';
import { BODY_TOO_LARGE_MESSAGE } from '../web/api.server.js';

/**
 * Scripts only from our origin or carrying this response's nonce (what Remix inlines: the
 * route manifest, the hydration data, scroll restoration). No frame may embed us.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // A card payment and a seller's onboarding are form posts answered with a redirect to Stripe,
    // and browsers hold the redirect's target to form-action too.
    "form-action 'self' https://checkout.stripe.com https://connect.stripe.com",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sets the headers on every response (pages, JSON, redirects, static files, errors) and the nonce for Remix. */
export function securityHeaders(req: Request, res: Response, next: NextFunction) {
  const nonce = randomBytes(16).toString('base64');
  res.locals.cspNonce = nonce;
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  // `req.secure` believes X-Forwarded-Proto only from proxies that TRUST_PROXY names.
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
  next();
}

/**
 * A body announced larger than its limit is answered 413 at once, without reading it; the
 * connection is closed so the sender stops. Chunked bodies are counted where they are read
 * (app/web/body.server.ts).
 */
export function refuseOversizedBodies(req: Request, res: Response, next: NextFunction) {
  const limit = req.is('multipart/form-data') ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
  const length = Number(req.get('content-length') ?? 0);
  if (!(length > limit)) return next();
  res.set('Connection', 'close').status(413);
  if (req.path.startsWith('/api/')) {
    res.json({ error: BODY_TOO_LARGE_MESSAGE });
    return;
  }
  res.type('html').send(edgePage(413, 'error.tooLarge.title', 'error.tooLarge.text'));
}

/**
 * No route takes a control character in its path (slugs, ids and tokens are printable), and
 * PostgreSQL refuses NUL outright: such a path is a 400 here rather than a 500 in a service.
 */
export function refuseControlCharactersInPath(req: Request, res: Response, next: NextFunction) {
  if (!/%(?:[01][0-9a-f]|7f)/i.test(req.path)) return next();
  res.status(400);
  if (req.path.startsWith('/api/')) {
    res.json({ error: en['error.badPath'] });
    return;
  }
  res.type('html').send(edgePage(400, 'error.badRequest.title', 'error.badPath'));
}

let stylesheet: string | null = null;

/** The app's stylesheet (its name carries a hash of its content), for these pages too. */
export function setEdgeStylesheet(href: string | null): void {
  stylesheet = href;
}

/** Both languages: the reader's choice lives in a cookie that the app, not this guard, reads. */
function edgePage(status: number, title: MessageKey, text: MessageKey): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${status} — ${vi[title]}</title>${stylesheet ? `<link rel="stylesheet" href="${stylesheet}">` : ''}</head>
<body><main class="error-page">
<h1>${vi[title]}</h1><p class="error-status">${status}</p><p>${vi[text]}</p>
<div lang="en"><h2>${en[title]}</h2><p>${en[text]}</p></div>
<p><a href="/">${vi['error.home']}</a> · <a href="/" lang="en">${en['error.home']}</a></p>
</main></body></html>`;
}
