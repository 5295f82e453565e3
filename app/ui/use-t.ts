import { useRouteLoaderData } from '@remix-run/react';
import { DEFAULT_LANG, translator, type Lang, type Translate } from '../i18n/index.js';

export function useLang(): Lang {
  const data = useRouteLoaderData<{ lang: Lang }>('root');
  return data?.lang ?? DEFAULT_LANG;
}

export function useT(): Translate {
  return translator(useLang());
}
