import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { addCatalogue } from './i18n/index.js';
import { RequestLangProvider, documentLang } from './ui/use-t.js';

// Only the reader's language is fetched, in its own chunk; the page is readable meanwhile, as
// the server wrote it. A change of language reloads the page (the switch is a plain form).
const lang = documentLang() ?? 'vi';
const catalogue = lang === 'en' ? import('./i18n/en.js').then((m) => m.en) : import('./i18n/vi.js').then((m) => m.vi);

// Hydration waits for the first frame, so that the page the server wrote is painted before the
// script's heaviest work (on a slow phone, that is the difference between reading at once and
// staring at a blank screen while React walks the page).
const painted = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

void Promise.all([catalogue, painted]).then(([messages]) => {
  addCatalogue(lang, messages);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RequestLangProvider value={lang}>
          <RemixBrowser />
        </RequestLangProvider>
      </StrictMode>,
    );
  });
});
