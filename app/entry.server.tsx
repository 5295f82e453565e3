import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import './i18n/catalogues.js';
import { getLanguage } from './i18n/language.server.js';
import { NonceProvider } from './ui/nonce.js';
import { withoutNulBytes } from './web/clean-html.server.js';
import { lowPriorityScripts } from './web/script-priority.server.js';
import { RequestLangProvider } from './ui/use-t.js';

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The edge (app/server/edge.ts) sent this nonce in the Content-Security-Policy header.
  const nonce = loadContext.cspNonce;
  // Bots and no-JS readers get the whole page at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '');
  // The error boundary speaks the reader's language even when the root loader failed.
  const lang = await getLanguage(request);
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestLangProvider value={lang}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RequestLangProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          // React's stray NUL bytes are dropped on the way out (app/web/clean-html.server.ts), and
          // the scripts wait behind the first paint (app/web/script-priority.server.ts).
          resolve(new Response(createReadableStreamFromReadable(body.pipe(withoutNulBytes()).pipe(lowPriorityScripts())), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
