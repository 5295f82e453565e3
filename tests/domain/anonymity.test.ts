import { describe, expect, it } from 'vitest';
import { ANONYMITY_K, countCrowd, describeAnonymousOwner, regionOf, type CrowdMember } from '../../app/domain/anonymity.js';
import { publicReasons, scoreMatch, type MatchSide } from '../../app/domain/match-score.js';
import { PROVINCE_CODES } from '../../app/domain/provinces.js';

const owner = { organisationId: 'owner', type: 'university', province: 'can-tho' } as const;
const uni = (id: string, province: string): CrowdMember => ({ organisationId: id, type: 'university', province });

describe('an anonymous owner is described as finely as at least k organisations share', () => {
  it('places every province in a region', () => {
    for (const p of PROVINCE_CODES) expect(regionOf(p), p).not.toBeNull();
    expect(ANONYMITY_K).toBe(3);
  });

  it('shows the province when k organisations of its type publish there, counting the owner once', () => {
    expect(describeAnonymousOwner(owner, countCrowd([uni('owner', 'can-tho'), uni('a', 'can-tho'), uni('b', 'can-tho')]))).toEqual({ type: 'university', province: 'can-tho', region: 'mekong_delta' });
  });

  it('falls back to the region, then the type, then nothing', () => {
    expect(describeAnonymousOwner(owner, countCrowd([uni('owner', 'can-tho'), uni('a', 'can-tho'), uni('b', 'an-giang')]))).toEqual({ type: 'university', province: null, region: 'mekong_delta' });
    expect(describeAnonymousOwner(owner, countCrowd([uni('a', 'ha-noi'), uni('b', 'hue')]))).toEqual({ type: 'university', province: null, region: null });
    expect(describeAnonymousOwner(owner, countCrowd([uni('a', 'ha-noi'), { organisationId: 'b', type: 'enterprise', province: 'can-tho' }]))).toEqual({ type: null, province: null, region: null });
  });

  it('does not count one organisation twice for listings in two provinces', () => {
    expect(describeAnonymousOwner(owner, countCrowd([uni('a', 'can-tho'), uni('a', 'an-giang')])).region).toBeNull();
  });
});

describe('matches beside an anonymous listing', () => {
  const side = (over: Partial<MatchSide>): MatchSide => ({ title: 'xử lý nước thải', summary: '', description: '', innovation: '', keywords: [], sectors: ['environment_water'], trl: 6, transferModes: ['turnkey'], priceMin: null, priceMax: null, province: 'can-tho', ...over });

  it('name no province and give it no weight', () => {
    const named = scoreMatch(side({}), side({}), 0.5);
    const hidden = scoreMatch(side({}), side({ anonymous: true }), 0.5);
    expect(named.reasons.map((r) => r.code)).toContain('same_province');
    expect(hidden.reasons.map((r) => r.code)).not.toContain('same_province');
    expect(hidden.components.province).toBe(0);
    expect(publicReasons(named.reasons, true).map((r) => r.code)).not.toContain('same_province');
  });
});
