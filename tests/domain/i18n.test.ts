import { describe, expect, it } from 'vitest';
import { LISTING_PROCESS } from '../../app/domain/listing-process.js';
import { IP_STATUSES, LISTING_STATUSES, ORGANISATION_TYPES, SECTORS, TRANSFER_MODES } from '../../app/domain/taxonomy.js';
import { en } from '../../app/i18n/en.js';
import { translator } from '../../app/i18n/index.js';
import { vi } from '../../app/i18n/vi.js';
import { PROBLEM_CODES } from '../../app/domain/problem.js';
import { problemText } from '../../app/i18n/problems.js';

describe('message catalogues', () => {
  it('have the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('label every word of the taxonomy in both languages', () => {
    const keys = [
      ...SECTORS.map((s) => `sector.${s}`),
      ...TRANSFER_MODES.map((m) => `mode.${m}`),
      ...IP_STATUSES.map((i) => `ip.${i}`),
      ...ORGANISATION_TYPES.map((o) => `org.type.${o}`),
      ...Array.from({ length: 9 }, (_, i) => `trl.${i + 1}`),
      ...LISTING_STATUSES.map((s) => `status.${s}`),
      // Every action the services write into a listing's history.
      ...['create', 'edit', 'seed', 'import', 'feature', 'unfeature', 'attach', 'approve_attachment', 'refuse_attachment', ...Object.keys(LISTING_PROCESS.transitions)].map((a) => `history.${a}`),
    ];
    for (const key of keys) {
      expect(vi, key).toHaveProperty([key]);
      expect(en, key).toHaveProperty([key]);
    }
  });

  it('count in English singular and plural, and in Vietnamese alike', () => {
    expect(translator('en')('deal.daysLeft', { count: 1 })).toBe('1 working day left');
    expect(translator('en')('deal.daysLeft', { count: 3 })).toBe('3 working days left');
    expect(translator('vi')('deal.daysLeft', { count: 1 })).toBe('còn 1 ngày làm việc');
  });

  it('translate with interpolation', () => {
    expect(translator('vi')('search.results', { count: 3 })).toBe('3 kết quả');
    expect(translator('en')('search.results', { count: 3 })).toBe('3 results');
  });
});

describe('problems', () => {
  it('have a sentence for every code in both languages', () => {
    for (const code of PROBLEM_CODES) {
      expect(vi, code).toHaveProperty([`problem.${code}`]);
      expect(en, code).toHaveProperty([`problem.${code}`]);
    }
  });

  it('are written with the reader’s numbers and words', () => {
    const tooLong = { code: 'too_long', params: { max: 2000 } } as const;
    expect(problemText(translator('vi'), 'vi', tooLong)).toBe('tối đa 2.000 ký tự');
    expect(problemText(translator('en'), 'en', tooLong)).toBe('at most 2,000 characters');
    expect(problemText(translator('vi'), 'vi', { code: 'wrong_state', params: { status: 'pending_review' } })).toBe('Không thể làm việc này khi tin đăng đang ở trạng thái “Chờ kiểm duyệt”.');
  });
});
