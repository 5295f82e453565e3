import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { RequestLangProvider, documentLang } from './ui/use-t.js';

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RequestLangProvider value={documentLang()}>
        <RemixBrowser />
      </RequestLangProvider>
    </StrictMode>,
  );
});
