import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { getActor } from './auth/session.server.js';
import { mayAdministerOrganisation, mayCurate } from './domain/access.js';
import { getLanguage } from './i18n/language.server.js';
import { unreadCount } from './services/notifications.server.js';
import { awaitingYouCount } from './services/deal-inbox.server.js';
import { appContext } from './web/context.server.js';
import { GeneralErrorBoundary } from './ui/error-boundary.js';
import { SiteFooter, SiteHeader } from './ui/layout.js';
import { useNonce } from './ui/nonce.js';
import { useLang } from './ui/use-t.js';
// Built with a hash in its name (public/build/_assets), so it is cached for good like the scripts.
import stylesheet from './styles.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await getActor(ctx, request);
  return {
    lang: await getLanguage(request),
    user: actor
      ? {
          name: actor.name,
          curator: mayCurate(actor),
          orgAdmin: mayAdministerOrganisation(actor, actor.organisationId),
          unread: await unreadCount(ctx, actor),
          dealsAwaiting: await awaitingYouCount(ctx, actor),
        }
      : null,
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useLang();
  const nonce = useNonce();
  // Marks the page once React has taken over (for styles that need JavaScript, and for tests).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader />
        <main id="main" tabIndex={-1} data-hydrated={hydrated ? 'true' : undefined}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
