import type { MetaDescriptor } from '@remix-run/node';
import { DEFAULT_LANG, isLang, translator, type Translate } from '../i18n/index.js';

type Matches = readonly { id: string; data: unknown }[];

/** `<title>` and description in the reader's language, from the root loader's `lang`. */
export function pageMeta(matches: Matches, build: (t: Translate) => { title: string; description?: string }): MetaDescriptor[] {
  const root = matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined;
  const t = translator(isLang(root?.lang) ? root.lang : DEFAULT_LANG);
  const { title, description } = build(t);
  const full = `${title} · OpenTEX`;
  return description ? [{ title: full }, { name: 'description', content: description }] : [{ title: full }];
}
