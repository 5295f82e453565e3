import { createCookie } from '@remix-run/node';
import { DEFAULT_LANG, isLang, type Lang } from './index.js';

export const languageCookie = createCookie('lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The reader's language: `?lang=` first (shareable links), then the cookie, then Vietnamese. */
export async function getLanguage(request: Request): Promise<Lang> {
  const fromUrl = new URL(request.url).searchParams.get('lang');
  if (isLang(fromUrl)) return fromUrl;
  const fromCookie: unknown = await languageCookie.parse(request.headers.get('Cookie'));
  return isLang(fromCookie) ? fromCookie : DEFAULT_LANG;
}
