// The names the statistics' exports give their keys, in the reader's language.
import '../i18n/catalogues.js';
import { provinceName } from '../domain/provinces.js';
import type { Namer } from '../domain/stats-tables.js';
import { translator, type Lang, type MessageKey } from '../i18n/index.js';

export function statsNamer(lang: Lang): Namer {
  const t = translator(lang);
  return (kind, key) => (kind === 'province' ? provinceName(key, lang) : t(`${kind === 'sector' ? 'sector' : 'org.type'}.${key}` as MessageKey));
}
