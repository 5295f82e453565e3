import { describe, expect, it } from 'vitest';
import { linkParts } from '../../app/domain/text-links.js';

describe('links in a message', () => {
  it('makes web addresses followable and leaves the rest as text', () => {
    expect(linkParts('Xem https://example.vn/tai-lieu.pdf, rồi trả lời.')).toEqual([
      { text: 'Xem ' },
      { text: 'https://example.vn/tai-lieu.pdf', href: 'https://example.vn/tai-lieu.pdf' },
      { text: ', rồi trả lời.' },
    ]);
  });

  it('never follows anything but http(s), and keeps markup as text', () => {
    expect(linkParts('javascript:alert(1) <a href="x">x</a>')).toEqual([{ text: 'javascript:alert(1) <a href="x">x</a>' }]);
    expect(linkParts('(https://a.vn/b)')).toEqual([{ text: '(' }, { text: 'https://a.vn/b', href: 'https://a.vn/b' }, { text: ')' }]);
  });
});
