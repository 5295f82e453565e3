// Where to go after signing in or switching language: only a path on this site. Browsers
// forgive a lot in a Location header (they drop tabs and newlines, read `\` as `/`, and some
// proxies decode `%2F`), so anything that could become `//host` after such forgiveness falls
// back rather than being repaired.
const BASE = 'http://opentex.invalid';
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;

export function safeRedirect(to: unknown, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) return fallback;
  if (CONTROL_OR_BACKSLASH.test(to)) return fallback;
  const path = to.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return fallback;
  }
  if (decoded.startsWith('//') || CONTROL_OR_BACKSLASH.test(decoded)) return fallback;
  const url = new URL(to, BASE);
  // Dot segments can fold `/..//evil` into `//evil`: judge the path the browser will use.
  if (url.origin !== BASE || url.pathname.startsWith('//')) return fallback;
  // The URL parser percent-encodes what a Location header cannot carry (e.g. `/tìm`).
  return `${url.pathname}${url.search}${url.hash}`;
}
