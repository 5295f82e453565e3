// What the public may learn of an anonymous listing's owner: a description of its kind and
// place coarse enough that at least K organisations fit it. Rule and reasons:
// docs/decisions/013-anonymity.md. Pure: the crowd is counted by the caller.
import type { OrganisationType } from './taxonomy.js';

/** An anonymous owner hides among at least this many organisations. */
export const ANONYMITY_K = 3;

export const REGIONS = ['red_river_delta', 'northern_midlands', 'north_central_coast', 'central_highlands', 'southeast', 'mekong_delta'] as const;
export type Region = (typeof REGIONS)[number];

/** Viet Nam's six socio-economic regions, over the 34 provincial units of 2025. */
const REGION_OF: Record<string, Region> = {
  'ha-noi': 'red_river_delta', 'hai-phong': 'red_river_delta', 'quang-ninh': 'red_river_delta',
  'bac-ninh': 'red_river_delta', 'hung-yen': 'red_river_delta', 'ninh-binh': 'red_river_delta',
  'cao-bang': 'northern_midlands', 'dien-bien': 'northern_midlands', 'lai-chau': 'northern_midlands',
  'son-la': 'northern_midlands', 'lang-son': 'northern_midlands', 'tuyen-quang': 'northern_midlands',
  'lao-cai': 'northern_midlands', 'thai-nguyen': 'northern_midlands', 'phu-tho': 'northern_midlands',
  'thanh-hoa': 'north_central_coast', 'nghe-an': 'north_central_coast', 'ha-tinh': 'north_central_coast',
  'quang-tri': 'north_central_coast', hue: 'north_central_coast', 'da-nang': 'north_central_coast',
  'quang-ngai': 'north_central_coast', 'khanh-hoa': 'north_central_coast',
  'gia-lai': 'central_highlands', 'dak-lak': 'central_highlands', 'lam-dong': 'central_highlands',
  'ho-chi-minh': 'southeast', 'dong-nai': 'southeast', 'tay-ninh': 'southeast',
  'can-tho': 'mekong_delta', 'vinh-long': 'mekong_delta', 'dong-thap': 'mekong_delta',
  'ca-mau': 'mekong_delta', 'an-giang': 'mekong_delta',
};

export function regionOf(province: string): Region | null {
  return REGION_OF[province] ?? null;
}

/** What the public sees of an anonymous owner; each null field is withheld. */
export interface AnonymousDescription {
  type: OrganisationType | null;
  province: string | null;
  region: Region | null;
}

/** An organisation the public can see in a place: it has a named, published listing there. */
export interface CrowdMember {
  organisationId: string;
  type: OrganisationType;
  province: string;
}

/**
 * The finest of (type, province), (type, region), (type), () that at least `k` organisations
 * fit — the owner and those the public sees with a named listing in that place. Browsing by
 * type and place then shows at least k − 1 other organisations beside the anonymous listing.
 */
export function describeAnonymousOwner(
  owner: { organisationId: string; type: OrganisationType; province: string },
  counted: CountedCrowd,
  k = ANONYMITY_K,
): AnonymousDescription {
  const region = regionOf(owner.province);
  const ofType = counted.get(owner.type);
  // The owner counts once, whether or not the public already sees it in that place.
  const count = (members: ReadonlySet<string> | undefined) => (members?.size ?? 0) + (members?.has(owner.organisationId) ? 0 : 1);
  if (count(ofType?.byProvince.get(owner.province)) >= k) return { type: owner.type, province: owner.province, region };
  if (region && count(ofType?.byRegion.get(region)) >= k) return { type: owner.type, province: null, region };
  if (count(ofType?.all) >= k) return { type: owner.type, province: null, region: null };
  return { type: null, province: null, region: null };
}

/** The crowd's organisations by type, and within a type by province and by region. */
export type CountedCrowd = ReadonlyMap<OrganisationType, { all: Set<string>; byProvince: Map<string, Set<string>>; byRegion: Map<Region, Set<string>> }>;

/**
 * Counted once, a crowd describes any number of owners at the cost of a lookup each: a reindex
 * describes thousands of anonymous owners against one crowd.
 */
export function countCrowd(crowd: readonly CrowdMember[]): CountedCrowd {
  const counted = new Map<OrganisationType, { all: Set<string>; byProvince: Map<string, Set<string>>; byRegion: Map<Region, Set<string>> }>();
  const add = <K>(map: Map<K, Set<string>>, key: K, id: string) => {
    const set = map.get(key);
    if (set) set.add(id);
    else map.set(key, new Set([id]));
  };
  for (const m of crowd) {
    let ofType = counted.get(m.type);
    if (!ofType) counted.set(m.type, (ofType = { all: new Set(), byProvince: new Map(), byRegion: new Map() }));
    ofType.all.add(m.organisationId);
    add(ofType.byProvince, m.province, m.organisationId);
    const region = regionOf(m.province);
    if (region) add(ofType.byRegion, region, m.organisationId);
  }
  return counted;
}

/** Nothing at all: what an anonymous owner shows when its crowd was not counted. */
export const WITHHELD: AnonymousDescription = { type: null, province: null, region: null };
