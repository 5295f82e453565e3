// One i18next instance per language, created once, over the catalogues this side has. The server
// registers both (`catalogues.ts`, imported by the server's entry and the services that write
// text); a browser fetches only its reader's language before it hydrates (entry.client.tsx), so
// a page does not carry the other language's 70 KB.
import i18next, { type i18n, type TOptions } from 'i18next';
import type { MessageKey } from './vi.js';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'vi';

export type { MessageKey };
export type Translate = (key: MessageKey, options?: Record<string, unknown>) => string;

const catalogues = new Map<Lang, Readonly<Record<MessageKey, string>>>();
const instances = new Map<Lang, i18n>();

export function addCatalogue(lang: Lang, messages: Readonly<Record<MessageKey, string>>): void {
  catalogues.set(lang, messages);
  instances.delete(lang);
}

export function i18nFor(lang: Lang): i18n {
  let instance = instances.get(lang);
  if (!instance) {
    const messages = catalogues.get(lang);
    // Loud, not a page of raw keys: a server module that writes text imports './catalogues.js'.
    if (!messages) throw new Error(`No ${lang} catalogue is loaded on this side`);
    const vi = catalogues.get('vi');
    instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      fallbackLng: 'vi',
      initAsync: false,
      resources: { [lang]: { translation: messages }, ...(vi && lang !== 'vi' ? { vi: { translation: vi } } : {}) },
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    instances.set(lang, instance);
  }
  return instance;
}

export function translator(lang: Lang): Translate {
  const instance = i18nFor(lang);
  const t = instance.t as unknown as (key: string, options: TOptions) => string;
  return (key, options) => t(key, options ?? {});
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** Dates the way each language writes them; Vietnamese `22/11/2026`. */
export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { day: 'numeric', month: lang === 'vi' ? '2-digit' : 'short', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}

/** Date and time in Viet Nam's time zone, as each language writes them. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat('vi-VN').format(n);
}
