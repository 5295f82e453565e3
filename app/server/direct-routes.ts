// The public market's read API answered straight from its route modules' loaders. Remix matches
// every request against all ~150 routes twice (flattening and ranking them each time): 1.4 ms of
// the 3.3 ms of CPU a search cost in bench:search. These are resource routes without parameters,
// for which Remix runs the route's own loader and nothing else: the match is known beforehand, and
// the loader, its context and its Response are the same as through Remix (docs/decisions/031-direct-api-routes.md).
import type { ServerBuild } from '@remix-run/node';
import type { NextFunction, Request, Response } from 'express';

/** Path → route id in the build. Only GET resource routes whose loader always returns a Response. */
export const DIRECT_ROUTES: Readonly<Record<string, string>> = {
  '/api/v1/search': 'routes/api.v1.search',
  '/api/v1/listings': 'routes/api.v1.listings',
};

type Loader = (args: { request: globalThis.Request; context: unknown; params: Record<string, string> }) => Promise<unknown>;

export function directRoutes(build: ServerBuild, loadContext: (req: Request, res: Response) => unknown) {
  const loaders = new Map<string, Loader>();
  for (const [path, id] of Object.entries(DIRECT_ROUTES)) {
    const loader = build.routes[id]?.module.loader as Loader | undefined;
    if (loader) loaders.set(path, loader);
  }
  return async (req: Request, res: Response, next: NextFunction) => {
    const loader = req.method === 'GET' ? loaders.get(req.path) : undefined;
    if (!loader) return next();
    try {
      const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value);
        else if (value) for (const v of value) headers.append(key, v);
      }
      const value = await loader({ request: new globalThis.Request(url, { headers }), context: loadContext(req, res), params: {} });
      // A loader's plain value is JSON, as Remix sends it (these loaders always return a Response).
      const response = value instanceof globalThis.Response ? value : globalThis.Response.json(value);
      res.status(response.status);
      response.headers.forEach((value, key) => res.append(key, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      next(error);
    }
  };
}
