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

/**
 * The language of an API caller: `?lang=`, then the site's cookie (a browser that chose a
 * language), then Accept-Language; English when none says, as programs expect.
 */
export async function apiLanguage(request: Request): Promise<Lang> {
  const fromUrl = new URL(request.url).searchParams.get('lang');
  if (isLang(fromUrl)) return fromUrl;
  const fromCookie: unknown = await languageCookie.parse(request.headers.get('Cookie'));
  if (isLang(fromCookie)) return fromCookie;
  return acceptedLanguage(request.headers.get('Accept-Language')) ?? 'en';
}

/** The first of our languages in an Accept-Language header, by its weight (`vi-VN,vi;q=0.9,en;q=0.8`). */
export function acceptedLanguage(header: string | null): Lang | null {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0], weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((c) => c.lang).find(isLang) ?? null;
}
