// A reproducible synthetic market: organisations and published listings in Vietnamese and
// English, made only from the seeded PRNG (ids and dates included), so one seed is one market.
import type { NewListing, NewOrganisation } from '../../db/schema.js';
import { PROVINCES } from '../../app/domain/provinces.js';
import { IP_STATUSES, ORGANISATION_TYPES, SECTORS, TRANSFER_MODES, type Sector } from '../../app/domain/taxonomy.js';
import { createRng, type Rng } from './prng.js';
import {
  BENEFITS, DEMAND_OPENERS, OFFER_NOUNS, ORG_NAMES, ORG_PREFIXES, QUALIFIERS, SECTOR_TERMS, USERS, type Term,
} from './vocabulary.js';

/** "Today" of the synthetic market: fixed, so dates do not depend on when the bench runs. */
export const MARKET_NOW = new Date('2026-11-01T00:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

export type SyntheticOrganisation = NewOrganisation & { id: string };
export type SyntheticListing = NewListing & { id: string };

export function organisationCount(listings: number): number {
  return Math.max(16, Math.ceil(listings / 50));
}

export function syntheticOrganisations(seed: number, count: number): SyntheticOrganisation[] {
  const rng = createRng(seed ^ 0x0a0a0a0a);
  return Array.from({ length: count }, (_, i) => {
    const r = rng.next();
    const type = r < 0.5 ? 'enterprise' : r < 0.75 ? 'university' : r < 0.95 ? 'institute' : 'agency';
    const province = rng.pick(PROVINCES);
    return {
      id: rng.uuid(),
      slug: `bench-org-${i + 1}`,
      name: `${ORG_PREFIXES[type]} ${rng.pick(ORG_NAMES)} ${i + 1}`,
      type: type satisfies (typeof ORGANISATION_TYPES)[number],
      tax_code: String(3_000_000_000 + i),
      province_code: province.code,
      website: null,
      description: `${ORG_PREFIXES[type]} tại ${province.vi}.`,
      verified_at: rng.chance(0.7) ? new Date(MARKET_NOW.getTime() - rng.int(30, 900) * DAY) : null,
      created_at: new Date(MARKET_NOW.getTime() - 1000 * DAY),
    };
  });
}

/** The listings, one at a time: the same seed yields the same sequence whatever the batch size. */
export function* syntheticListings(seed: number, count: number, organisationIds: readonly string[]): Generator<SyntheticListing> {
  const rng = createRng(seed);
  for (let i = 0; i < count; i += 1) yield listing(rng, organisationIds);
}

function listing(rng: Rng, organisationIds: readonly string[]): SyntheticListing {
  const kind = rng.chance(0.55) ? 'offer' : 'demand';
  const language = rng.chance(0.6) ? 'vi' : 'en';
  const primary = rng.pick(SECTORS);
  const others = rng.sample(SECTORS.filter((s) => s !== primary), rng.int(0, 2));
  const sectors: Sector[] = [primary, ...others];
  const [t1, t2, t3, t4] = rng.sample(SECTOR_TERMS[primary], 4) as [Term, Term, Term, Term];
  const extra = others.length ? rng.pick(SECTOR_TERMS[others[0]!]) : t4;
  const l = language === 'vi' ? 0 : 1;
  const qual = rng.pick(QUALIFIERS);
  const user = rng.pick(USERS);
  const benefit = rng.pick(BENEFITS);
  const gain = rng.int(10, 70);
  const province = rng.pick(PROVINCES);

  let title: string;
  if (kind === 'offer') {
    const noun = rng.pick(OFFER_NOUNS);
    title = l === 0
      ? `${noun[0]} ${t1[0]} ${qual[0]} cho ${user[0]}`
      : `${cap(qual[1])} ${t1[1]} ${noun[1]} for ${user[1]}`;
  } else {
    const opener = rng.pick(DEMAND_OPENERS);
    title = l === 0
      ? `${opener[0]} ${t1[0]} ${qual[0]} cho ${user[0]}`
      : `${opener[1]} ${qual[1]} ${t1[1]} for ${user[1]}`;
  }
  const summary = l === 0
    ? `${cap(t1[0])} kết hợp ${t2[0]} và ${t3[0]}, giúp ${user[0]} ${benefit[0]}. Hiệu quả tăng ${gain}% so với cách làm truyền thống.`
    : `${cap(t1[1])} combined with ${t2[1]} and ${t3[1]} helps ${user[1]} ${benefit[1]}. Efficiency up ${gain}% over conventional practice.`;
  const months = rng.int(3, 36);
  const description = l === 0
    ? `## Giới thiệu\n\n${summary}\n\n## Tính năng chính\n\n- ${cap(t2[0])} ${rng.pick(QUALIFIERS)[0]}.\n- ${cap(t3[0])} tích hợp ${t4[0]} và ${extra[0]}.\n` +
      `- Vận hành ổn định tại ${province.vi} trong ${months} tháng.\n\n## Hình thức chuyển giao\n\n` +
      `Chuyển giao quyền sử dụng kèm đào tạo và hỗ trợ kỹ thuật, có thể hợp tác tùy biến theo nhu cầu của ${user[0]}.`
    : `## Background\n\n${summary}\n\n## Key features\n\n- ${cap(t2[1])}, ${rng.pick(QUALIFIERS)[1]}.\n- ${cap(t3[1])} integrated with ${t4[1]} and ${extra[1]}.\n` +
      `- In stable operation in ${province.en} for ${months} months.\n\n## Transfer\n\n` +
      `A licence with training and technical assistance; joint adaptation to the needs of ${user[1]} is possible.`;
  const innovation = l === 0
    ? `Lần đầu kết hợp ${t1[0]} với ${t2[0]} trong điều kiện Việt Nam.`
    : `The first combination of ${t1[1]} with ${t2[1]} under Vietnamese conditions.`;
  const priced = rng.chance(0.6);
  const priceMin = priced ? rng.int(5, 500) * 10_000_000 : null;
  const publishedAt = new Date(MARKET_NOW.getTime() - rng.int(0, 730) * DAY - rng.int(0, 86_399) * 1000);
  return {
    id: rng.uuid(),
    kind,
    organisation_id: rng.pick(organisationIds),
    status: 'published',
    title,
    summary,
    description,
    innovation,
    sectors,
    keywords: [t1, t2, t3, extra].slice(0, rng.int(3, 4)).map((t) => t[l]),
    trl: rng.int(1, 9),
    ip_status: kind === 'offer' ? rng.pick(IP_STATUSES) : null,
    transfer_modes: rng.sample(TRANSFER_MODES, rng.int(1, 3)),
    price_min: priceMin,
    price_max: priceMin === null ? null : priceMin * rng.int(1, 3),
    price_negotiable: rng.chance(0.3),
    province_code: province.code,
    language,
    anonymous: rng.chance(0.05),
    confidential_details: null,
    published_at: publishedAt,
    confirmed_active_at: publishedAt,
    expires_at: new Date(publishedAt.getTime() + 365 * DAY),
    created_at: publishedAt,
    updated_at: publishedAt,
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A synthetic listing as the listing form's input (importPublishedListings takes these). */
export function toListingInput(l: SyntheticListing) {
  return {
    kind: l.kind,
    title: l.title,
    summary: l.summary,
    description: l.description,
    innovation: l.innovation,
    sectors: l.sectors,
    keywords: l.keywords,
    trl: l.trl,
    ipStatus: l.ip_status ?? null,
    transferModes: l.transfer_modes,
    priceMin: l.price_min ?? null,
    priceMax: l.price_max ?? null,
    priceNegotiable: l.price_negotiable,
    province: l.province_code,
    language: l.language,
    anonymous: l.anonymous,
    confidentialDetails: null,
  };
}
