// After sign-in and a language switch the browser goes where `redirectTo`/`returnTo` says:
// only ever a path on this site (issue 7, finding 5).
import { describe, expect, it } from 'vitest';
import { safeRedirect } from '../../app/web/safe-redirect.js';

const HOSTILE = [
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\\\evil.example',
  'https://evil.example/phish',
  'javascript:alert(1)',
  'evil.example',
  '/\t/evil.example',
  '/%09/evil.example/phish',
  '/\n/evil.example',
  '/\r\nSet-Cookie: a=b',
  '/my/listings\r\nLocation: https://evil.example',
  '/%0d%0aSet-Cookie:%20a=b',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  '/%5C%5Cevil.example',
  '/%5cevil.example',
  '/..//evil.example',
  '/.//evil.example',
  '/a/../..//evil.example',
  '/\u0000/evil.example',
  '/%00',
  '/\u0085/evil.example',
  '/%E0%A4%A',
  '',
  null,
  undefined,
];

describe('safeRedirect', () => {
  it.each(HOSTILE.map((to) => [JSON.stringify(to), to]))('refuses %s', (_label, to) => {
    expect(safeRedirect(to, '/my/listings')).toBe('/my/listings');
  });

  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeRedirect('/my/listings')).toBe('/my/listings');
    expect(safeRedirect('/search?q=n%C6%B0%E1%BB%9Bc&sectors=ict#results')).toBe('/search?q=n%C6%B0%E1%BB%9Bc&sectors=ict#results');
    expect(safeRedirect('/search?q=a%2Fb')).toBe('/search?q=a%2Fb');
  });

  it('encodes what a Location header cannot carry instead of failing', () => {
    expect(safeRedirect('/tìm kiếm')).toBe('/t%C3%ACm%20ki%E1%BA%BFm');
  });
});
