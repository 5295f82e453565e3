// Text as people send it, made safe to store, index and show. PostgreSQL refuses NUL in text,
// other control characters garble pages and exports, bidirectional overrides make a file name
// read differently from what it is ("Trojan Source"), and a title of zero-width spaces looks
// empty. The web edge applies `cleanText` to every field it reads; input schemas apply
// `tidyText` (through `cleaned`) so that other paths (imports, services) get the same rules.
import { z } from 'zod';

/** C0 and C1 control characters and DEL, except tab, line feed and carriage return. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Bidirectional embeddings, overrides (U+202A–202E) and isolates (U+2066–2069). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Half of a surrogate pair without its other half: not encodable as UTF-8. */
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * Characters that draw nothing: white space, controls, format characters (zero-width space,
 * joiners, marks, BOM), default-ignorable ones (Hangul fillers, variation selectors) and the
 * blank Braille pattern.
 */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
const INVISIBLE_AT_ENDS = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]+|[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]+$/gu;

/** Removes control characters (tab and line breaks stay), bidirectional controls and broken surrogates. */
export function cleanText(raw: string): string {
  return raw.replace(CONTROLS, '').replace(BIDI_CONTROLS, '').replace(LONE_SURROGATES, '');
}

/** `cleanText` applied to every string (keys included) of a parsed JSON value. */
export function cleanTextDeep(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanTextDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanTextDeep(v)]));
  }
  return value;
}

/** Does the text show anything at all? */
export function hasVisibleText(text: string): boolean {
  for (const char of text) if (!INVISIBLE.test(char)) return true;
  return false;
}

/** Clean, and without invisible characters at either end: a text of nothing visible becomes ''. */
export function tidyText(raw: string): string {
  return cleanText(raw).replace(INVISIBLE_AT_ENDS, '');
}

/** One line of text (a title, a name): tidy, and tabs or line breaks inside become spaces. */
export function tidyLine(raw: string): string {
  return tidyText(raw).replace(/[\t\r\n]+/g, ' ');
}

/**
 * A schema for text a person typed: the value is tidied before `schema` checks it, so a field
 * of zero-width spaces meets `min(…)`/"required" exactly as an empty one does.
 */
export function cleaned<T extends z.ZodTypeAny>(schema: T, options: { multiline?: boolean } = {}) {
  const tidy = options.multiline ? tidyText : tidyLine;
  return z.preprocess((value) => (typeof value === 'string' ? tidy(value) : value), schema);
}
