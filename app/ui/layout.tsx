import { Form, Link, NavLink, useLocation } from '@remix-run/react';
import { LANGS } from '../i18n/index.js';
import { useLang, useT } from './use-t.js';

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
          <li><NavLink to="/offers">{t('nav.offers')}</NavLink></li>
          <li><NavLink to="/demands">{t('nav.demands')}</NavLink></li>
          <li><NavLink to="/search">{t('nav.search')}</NavLink></li>
        </ul>
      </nav>
      <LanguageSwitch />
    </header>
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
    <Form method="post" action="/language" className="language-switch" aria-label={t('lang.switch')}>
      <input type="hidden" name="returnTo" value={returnTo} />
      {LANGS.map((l) => (
        <button key={l} type="submit" name="lang" value={l} aria-pressed={l === lang} lang={l}>
          {t(`lang.${l}`)}
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
      <p><a href="/api/v1/health">API</a></p>
    </footer>
  );
}
