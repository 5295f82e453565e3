import type { AppLoadContext } from '@remix-run/node';
import type { AppContext } from '../context.server.js';

declare module '@remix-run/node' {
  interface AppLoadContext {
    app: AppContext;
  }
}

export function appContext(context: AppLoadContext): AppContext {
  return context.app;
}
