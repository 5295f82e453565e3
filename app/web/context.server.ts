import type { AppLoadContext } from '@remix-run/node';
import type { AppContext } from '../context.server.js';

declare module '@remix-run/node' {
  interface AppLoadContext {
    app: AppContext;
    /** The client's address as the HTTP server saw it (behind a proxy: set TRUST_PROXY). */
    clientIp: string;
    /** This response's Content-Security-Policy nonce, for the scripts Remix inlines. */
    cspNonce: string;
  }
}

export function appContext(context: AppLoadContext): AppContext {
  return context.app;
}
