import { describe, expect, it } from 'vitest';
import { ListingQueryError, listingQueryToParams, parseListingQuery } from '../../app/domain/listing-query.js';

const parse = (qs: string, kind?: 'offer' | 'demand') => parseListingQuery(new URLSearchParams(qs), kind);

describe('parseListingQuery', () => {
  it('gives defaults for an empty query: newest first, page 1 of 20', () => {
    expect(parse('')).toMatchObject({ q: '', kind: null, sectors: [], sort: 'newest', page: 1, perPage: 20 });
  });

  it('sorts by relevance by default once there are words to search for', () => {
    expect(parse('q=n%C6%B0%E1%BB%9Bc+th%E1%BA%A3i').sort).toBe('relevance');
  });

  it('reads repeated and comma-separated filters', () => {
    const q = parse('sector=agrifood&sector=ict,ai_data&mode=turnkey&trl_min=3&trl_max=7&province=ha-noi');
    expect(q.sectors).toEqual(['agrifood', 'ict', 'ai_data']);
    expect(q.transferModes).toEqual(['turnkey']);
    expect([q.trlMin, q.trlMax]).toEqual([3, 7]);
    expect(q.provinces).toEqual(['ha-noi']);
  });

  it.each([
    ['sector=space_travel', 'sector'],
    ['trl_min=0', 'trl_min'],
    ['trl_max=abc', 'trl_max'],
    ['trl_min=8&trl_max=3', 'trl_max'],
    ['sort=cheapest', 'sort'],
    ['page=0', 'page'],
    ['per_page=1000', 'per_page'],
    ['kind=service', 'kind'],
    ['province=paris', 'province'],
    [`q=${'a'.repeat(201)}`, 'q'],
  ])('rejects %s naming the parameter %s', (qs, parameter) => {
    try {
      parse(qs);
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ListingQueryError);
      expect((error as ListingQueryError).parameter).toBe(parameter);
      expect((error as Error).message).toContain(parameter);
    }
  });

  it('keeps the page kind on /offers whatever the URL says', () => {
    expect(parse('kind=demand', 'offer').kind).toBe('offer');
  });

  it('writes back the same query as URL parameters', () => {
    const q = parse('q=ocr&sector=ict&trl_min=4&mode=turnkey&sort=price_asc&page=3&kind=offer');
    expect(parseListingQuery(listingQueryToParams(q))).toEqual(q);
  });
});
