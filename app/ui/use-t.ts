import { useRouteLoaderData } from '@remix-run/react';
import { DEFAULT_LANG, translator, type Lang, type Translate } from '../i18n/index.js';

export interface RootData {
  lang: Lang;
  user: { name: string; curator: boolean; orgAdmin: boolean; unread: number } | null;
}

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>('root');
}

export function useLang(): Lang {
  return useRootData()?.lang ?? DEFAULT_LANG;
}

export function useT(): Translate {
  return translator(useLang());
}
