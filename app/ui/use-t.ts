import { useRouteLoaderData } from '@remix-run/react';
import { createContext, useContext } from 'react';
import { DEFAULT_LANG, isLang, translator, type Lang, type Translate } from '../i18n/index.js';

export interface RootData {
  lang: Lang;
  user: { name: string; curator: boolean; orgAdmin: boolean; unread: number; dealsAwaiting: number } | null;
}

/**
 * The reader's language when the root loader has no data (it failed, and the error boundary is
 * rendering): the server reads it from the request (app/entry.server.tsx), the browser from the
 * `lang` of the page the server sent (app/entry.client.tsx).
 */
const RequestLangContext = createContext<Lang | undefined>(undefined);

export const RequestLangProvider = RequestLangContext.Provider;

/** The language the server wrote on `<html lang>`, for the browser's copy of the page. */
export function documentLang(): Lang | undefined {
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang;
  return isLang(lang) ? lang : undefined;
}

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>('root');
}

export function useLang(): Lang {
  const fallback = useContext(RequestLangContext);
  return useRootData()?.lang ?? fallback ?? DEFAULT_LANG;
}

export function useT(): Translate {
  return translator(useLang());
}
