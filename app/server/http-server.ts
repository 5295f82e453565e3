import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';
import type { AppContext } from '../context.server.js';

/** The Remix app behind Express, with our AppContext as the load context of every loader/action. */
export async function createHttpApp(context: AppContext, buildPath: string) {
  const build = (await import(path.resolve(buildPath))) as ServerBuild;
  const app = express();
  app.disable('x-powered-by');
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  app.use(express.static('public', { maxAge: '1h' }));
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV === 'development' ? 'development' : 'production',
      getLoadContext: () => ({ app: context }),
    }),
  );
  return app;
}
