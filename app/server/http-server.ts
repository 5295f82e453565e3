import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppContext } from '../context.server.js';
import { directRoutes } from './direct-routes.js';
import { refuseControlCharactersInPath, refuseOversizedBodies, securityHeaders, setEdgeStylesheet } from './edge.js';

/** The Remix app behind Express, with our AppContext as the load context of every loader/action. */
export async function createHttpApp(
  context: AppContext,
  buildPath: string,
  options: { trustProxy?: boolean | number | string[] } = {},
) {
  const build = (await import(path.resolve(buildPath))) as ServerBuild;
  const rootLinks = build.routes.root?.module.links?.() ?? [];
  setEdgeStylesheet(rootLinks.map((l) => ('rel' in l && l.rel === 'stylesheet' ? l.href : undefined)).find(Boolean) ?? null);
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  else app.use(warnOnceOfUnbelievedProxy());
  app.use(securityHeaders);
  // gzip for pages, JSON, CSV and scripts: a page's 265 KB script went out raw before.
  app.use(compression());
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  // Other static files only for paths with an extension: a file lookup before every page and
  // API request cost ~6 % of the server's time in bench:search.
  const assets = express.static('public', { maxAge: '1h' });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? assets(req, res, next) : next()));
  app.use(refuseControlCharactersInPath);
  app.use(refuseOversizedBodies);
  app.use(rejectCrossSiteWrites);
  const getLoadContext = (req: Request, res: Response) => ({ app: context, clientIp: req.ip ?? 'unknown', cspNonce: String(res.locals.cspNonce) });
  app.use(directRoutes(build, getLoadContext));
  app.all('*', createRequestHandler({ build, mode: process.env.NODE_ENV === 'development' ? 'development' : 'production', getLoadContext }));
  return app;
}

/**
 * Cross-site request forgery: a browser always says where a POST comes from (Origin, else
 * Referer). A write whose origin is another site is refused; with the session cookie being
 * SameSite=Lax this closes the door (see docs/decisions/006-csrf.md).
 */
function rejectCrossSiteWrites(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  const source = req.get('origin') ?? req.get('referer');
  if (!source) return next();
  let host: string;
  try {
    host = new URL(source).host;
  } catch {
    host = '';
  }
  if (host === req.get('host')) return next();
  res.status(403).json({ error: 'Cross-site request refused: submit the form from OpenTEX itself' });
}

/**
 * Behind a proxy that TRUST_PROXY does not name, every client has the proxy's address and
 * shares one set of per-address limits: the operator is told once, not every request.
 */
function warnOnceOfUnbelievedProxy() {
  let warned = false;
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!warned && req.get('x-forwarded-for')) {
      warned = true;
      console.warn(
        `[opentex] Requests arrive through a proxy (X-Forwarded-For) but TRUST_PROXY is not set: every client counts as ${req.socket.remoteAddress ?? 'the proxy'} for the sign-in limits. Set TRUST_PROXY to the number of proxies or their addresses.`,
      );
    }
    next();
  };
}
