import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, foldDiacritics, splitHighlight } from '../../app/domain/listing.js';
import { validateListingInput } from '../../app/domain/listing-input.js';
import { WASTEWATER_OFFER, WASTEWATER_DEMAND } from '../fixtures/market.js';

describe('search highlights', () => {
  it('split marked terms from plain text', () => {
    expect(splitHighlight(`xử lý ${S}nước thải${E} công nghiệp`)).toEqual([
      { text: 'xử lý ', marked: false },
      { text: 'nước thải', marked: true },
      { text: ' công nghiệp', marked: false },
    ]);
  });

  it('keep HTML in listings as text', () => {
    expect(splitHighlight('<script>x</script>')).toEqual([{ text: '<script>x</script>', marked: false }]);
  });

  it('fold Vietnamese diacritics like the search engines do', () => {
    expect(foldDiacritics('Nước thải Đà Nẵng')).toBe('nuoc thai da nang');
  });
});

describe('listing input', () => {
  it('accepts a complete offer and a complete demand', () => {
    expect(validateListingInput(WASTEWATER_OFFER).ok).toBe(true);
    expect(validateListingInput(WASTEWATER_DEMAND).ok).toBe(true);
  });

  it('names each field that breaks a rule', () => {
    const result = validateListingInput({
      ...WASTEWATER_OFFER,
      title: 'x'.repeat(201),
      sectors: [],
      trl: 10,
      priceMin: 2_000,
      priceMax: 1_000,
      ipStatus: null,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['ipStatus', 'priceMax', 'sectors', 'title', 'trl']);
  });

  it('refuses an IP status on a demand and more than three sectors', () => {
    const result = validateListingInput({ ...WASTEWATER_DEMAND, ipStatus: 'know_how', sectors: ['ict', 'ai_data', 'textiles', 'agrifood'] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['ipStatus', 'sectors']);
  });
});
