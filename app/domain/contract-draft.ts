// What a contract is made from, gathered from the market's records, and what is still missing.
// A contract is generated the moment a deal is agreed, whatever the organisations have filled
// in: a missing address or representative shows as a blank to complete (as on a paper form),
// and nobody may sign until the parties have completed them and a new version was made.
import { BLANK, type ContractParty } from './contract.js';
import { isValidTaxCode } from './tax-code.js';
import type { TermSheet } from './deal-terms.js';
import type { IpStatus } from './taxonomy.js';

export { BLANK };

export interface OrganisationRecord {
  name: string;
  taxCode: string;
  address: string | null;
  legalRepresentative: string | null;
  representativeTitle: string | null;
  /** Where the contract's notices go: the organisation's first admin. */
  email: string;
  provinceName: string;
}

export interface ContractSources {
  number: string;
  version: number;
  seller: OrganisationRecord;
  buyer: OrganisationRecord;
  listing: { id: string; title: string; ipStatus: IpStatus | null };
  /** The patent or utility-solution number the seller gave for this contract. */
  ipNumber: string | null;
  /** The seller declared the technology made with state capital or budget: the transfer must be registered. */
  stateFunded: boolean;
  terms: TermSheet;
  agreedTermsSha256: string;
  generatedAt: Date;
}

/** A field still blank, by party and field (`seller.address`, `technology.ipNumber`). */
export type ContractGap = `${'seller' | 'buyer'}.${'taxCode' | 'address' | 'legalRepresentative' | 'representativeTitle'}` | 'technology.ipNumber';

const NUMBERED = ['patent_granted', 'utility_solution'];

function party(role: 'seller' | 'buyer', o: OrganisationRecord, gaps: ContractGap[]): ContractParty {
  const filled = (field: 'address' | 'legalRepresentative' | 'representativeTitle', value: string | null) => {
    if (value && value.trim().length >= 2) return value.trim();
    gaps.push(`${role}.${field}`);
    return BLANK;
  };
  return {
    organisationName: o.name,
    // A tax code that does not check out (an old record) is a blank the curator has to correct.
    taxCode: isValidTaxCode(o.taxCode) ? o.taxCode : (gaps.push(`${role}.taxCode`), BLANK),
    address: filled('address', o.address),
    legalRepresentative: filled('legalRepresentative', o.legalRepresentative),
    representativeTitle: filled('representativeTitle', o.representativeTitle),
    email: o.email,
  };
}

/** The contract's input (for `buildContractContent`) and its blanks. Both parties are in Viet Nam (organisations have a Vietnamese tax code), so no transfer is cross-border. */
export function contractDraft(s: ContractSources): { input: unknown; gaps: ContractGap[] } {
  const gaps: ContractGap[] = [];
  const seller = party('seller', s.seller, gaps);
  const buyer = party('buyer', s.buyer, gaps);
  const kind = s.listing.ipStatus ?? 'know_how';
  let number = s.ipNumber?.trim() || null;
  if (NUMBERED.includes(kind) && !number) {
    gaps.push('technology.ipNumber');
    number = BLANK;
  }
  return {
    input: {
      number: s.number,
      version: s.version,
      parties: { seller, buyer },
      technology: { listingId: s.listing.id, listingTitle: s.listing.title, ip: { kind, number, owner: s.seller.name } },
      terms: s.terms,
      agreedTermsSha256: s.agreedTermsSha256,
      generatedAt: s.generatedAt,
      crossBorder: false,
      stateFunded: s.stateFunded,
    },
    gaps,
  };
}

/** The blanks left in a generated contract's content (read back from what was stored). */
export function gapsOf(content: { parties: Record<'seller' | 'buyer', Record<string, string>>; technology: { ip: { number: string | null } } }): ContractGap[] {
  const gaps: ContractGap[] = [];
  for (const role of ['seller', 'buyer'] as const) {
    for (const field of ['taxCode', 'address', 'legalRepresentative', 'representativeTitle'] as const) if (content.parties[role]![field] === BLANK) gaps.push(`${role}.${field}`);
  }
  if (content.technology.ip.number === BLANK) gaps.push('technology.ipNumber');
  return gaps;
}
