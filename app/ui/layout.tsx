import { Form, Link, NavLink, useLocation } from '@remix-run/react';
import { LANGS } from '../i18n/index.js';
import { useLang, useRootData, useT } from './use-t.js';

export function SiteHeader() {
  const t = useT();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <div className="brand">
        <Link to="/" className="logo">OpenTEX</Link>
        <span className="tagline">{t('app.tagline')}</span>
      </div>
      <nav aria-label={t('nav.main')}>
        <ul>
          <li><NavLink to="/offers"><Sized wide={t('nav.offers')} narrow={t('nav.offersShort')} /></NavLink></li>
          <li><NavLink to="/demands"><Sized wide={t('nav.demands')} narrow={t('nav.demandsShort')} /></NavLink></li>
          <li><NavLink to="/search">{t('nav.search')}</NavLink></li>
        </ul>
      </nav>
      <UserMenu />
      <LanguageSwitch />
    </header>
  );
}

function UserMenu() {
  const t = useT();
  const user = useRootData()?.user;
  if (!user) {
    return (
      <ul className="user-menu">
        <li><NavLink to="/login">{t('auth.signIn')}</NavLink></li>
        <li><NavLink to="/signup">{t('auth.signUp')}</NavLink></li>
      </ul>
    );
  }
  return (
    <div className="user-menu">
      <NavLink to="/notifications" className="bell" aria-label={t('nav.notificationsCount', { count: user.unread })}>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="currentColor"><path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" /></svg>
        <span className="bell-count">{user.unread}</span>
      </NavLink>
      {/* Wide screens show the links in a row; phones open them from one button, without JavaScript. */}
      <AccountLinks className="account-links wide-only" />
      <details className="account-menu narrow-only">
        <summary>
          <span>{t('nav.menu')}</span>
          {user.dealsAwaiting ? <span className="bell-count" aria-hidden="true">{user.dealsAwaiting}</span> : null}
        </summary>
        <AccountLinks className="account-menu-links" />
      </details>
    </div>
  );
}

function AccountLinks({ className }: { className: string }) {
  const t = useT();
  const user = useRootData()?.user;
  if (!user) return null;
  return (
    <ul className={className} aria-label={t('nav.account')}>
      <li>
        <NavLink to="/my/deals" aria-label={user.dealsAwaiting ? t('nav.dealsAwaiting', { count: user.dealsAwaiting }) : undefined}>
          {t('nav.deals')}
          {user.dealsAwaiting ? <span className="bell-count deals-count">{user.dealsAwaiting}</span> : null}
        </NavLink>
      </li>
      <li><NavLink to="/my/listings">{t('nav.myListings')}</NavLink></li>
      <li><NavLink to="/my/matches">{t('match.mine')}</NavLink></li>
      <li><NavLink to="/my/searches">{t('savedSearch.short')}</NavLink></li>
      <li><NavLink to="/my/organisation">{t('nav.organisation')}</NavLink></li>
      {user.curator ? <li><NavLink to="/curator">{t('nav.curator')}</NavLink></li> : null}
      {user.curator ? <li><NavLink to="/curator/deals">{t('curatorDeals.title')}</NavLink></li> : null}
      {user.curator ? <li><NavLink to="/curator/stats">{t('stats.title')}</NavLink></li> : null}
      <li><NavLink to="/account">{user.name}</NavLink></li>
      <li>
        <Form method="post" action="/logout">
          <button type="submit" className="link-button">{t('auth.signOut')}</button>
        </Form>
      </li>
    </ul>
  );
}

/**
 * A label in full on a wide screen and short on a phone. Only one is displayed, so the name a
 * screen reader gives is always the text on screen.
 */
function Sized({ wide, narrow }: { wide: string; narrow: string }) {
  return (
    <>
      <span className="wide-only">{wide}</span>
      <span className="narrow-only">{narrow}</span>
    </>
  );
}

/** A plain form: the switch works before JavaScript loads, and returns to the same page. */
function LanguageSwitch() {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete('lang');
  const search = params.toString();
  const returnTo = `${location.pathname}${search ? `?${search}` : ''}`;
  return (
    <Form method="post" action="/language" reloadDocument className="language-switch" aria-label={t('lang.switch')}>
      <input type="hidden" name="returnTo" value={returnTo} />
      {LANGS.map((l) => (
        <button key={l} type="submit" name="lang" value={l} aria-pressed={l === lang} lang={l}>
          <Sized wide={t(`lang.${l}`)} narrow={l.toUpperCase()} />
        </button>
      ))}
    </Form>
  );
}

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <p>{t('footer.text')}</p>
      <p>
        <a href="/market">{t('market.title')}</a> · <a href="/api/docs">API</a>
      </p>
    </footer>
  );
}
