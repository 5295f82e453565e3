// The technology-transfer contract of an agreed deal, as facts: who the parties are, which
// technology, the term sheet both sides accepted (frozen), and the two facts that decide whether
// the law wants the contract registered. The wording is built from these facts in
// contract-text.ts; what both parties sign is the SHA-256 of `contractCanonical`
// (contract-canonical.ts), so a contract whose facts or wording change is a new version and
// voids every signature.
import { z } from 'zod';
import { termSheetSchema } from './deal-terms.js';
import { isValidTaxCode } from './tax-code.js';
import { IP_STATUSES } from './taxonomy.js';
import { cleaned } from './text.js';

/** A blank left to complete, as on a paper form (see contract-draft.ts): never a valid value, never signed. */
export const BLANK = '……………';

/** Seller = transferor (bên giao công nghệ); buyer = transferee (bên nhận công nghệ). */
export const CONTRACT_ROLES = ['seller', 'buyer'] as const;
export type ContractRole = (typeof CONTRACT_ROLES)[number];

/** Granted titles always carry a number; an application, know-how or copyright may have none. */
const NUMBERED_IP = ['patent_granted', 'utility_solution'] as const;

const line = (min: number, max: number) => cleaned(z.string().min(min).max(max));

const partySchema = z.object({
  organisationName: line(2, 300),
  /** Vietnamese tax code (MST); a party abroad gives its own country's tax number. */
  taxCode: line(1, 40),
  /** A street address, or just a province's name. */
  address: line(2, 300),
  legalRepresentative: line(2, 120),
  representativeTitle: line(2, 120),
  email: z.string().trim().email('email'),
});
export type ContractParty = z.output<typeof partySchema>;

const technologySchema = z.object({
  listingId: z.string().uuid('invalid_value'),
  listingTitle: line(1, 200),
  ip: z.object({
    kind: z.enum(IP_STATUSES, { message: 'choose_one' }),
    /** Patent, utility-solution or application number, when there is one. */
    number: line(1, 60).nullable().default(null),
    /** Who holds the rights (the seller, or whoever it holds them from). */
    owner: line(2, 300),
  }),
});
export type ContractTechnology = z.output<typeof technologySchema>;

export const contractInputSchema = z
  .object({
    /** OTX-<year>-<six digits>, given by the contract's process. */
    number: z.string().regex(/^OTX-\d{4}-\d{6}$/, 'invalid_value'),
    version: z.number().int('invalid_value').min(1, 'invalid_value'),
    parties: z.object({ seller: partySchema, buyer: partySchema }),
    technology: technologySchema,
    terms: termSheetSchema,
    /** SHA-256 of the term sheet both sides accepted. */
    agreedTermsSha256: z.string().regex(/^[0-9a-f]{64}$/, 'invalid_value'),
    generatedAt: z.union([z.date(), z.string().datetime({ offset: true })]).transform((at) => new Date(at).toISOString()),
    /** A party is outside Viet Nam (the transfer enters or leaves the country). */
    crossBorder: z.boolean(),
    /** The technology was developed with state capital or the state budget. */
    stateFunded: z.boolean(),
  })
  .superRefine((c, ctx) => {
    // Both parties in Viet Nam have a tax code (MST); across the border, at least one has.
    const withoutMst = CONTRACT_ROLES.filter((role) => c.parties[role].taxCode !== BLANK && !isValidTaxCode(c.parties[role].taxCode));
    for (const role of withoutMst) {
      if (!c.crossBorder || withoutMst.length === 2) ctx.addIssue({ code: 'custom', path: ['parties', role, 'taxCode'], message: 'tax_code' });
    }
    if ((NUMBERED_IP as readonly string[]).includes(c.technology.ip.kind) && c.technology.ip.number === null) {
      ctx.addIssue({ code: 'custom', path: ['technology', 'ip', 'number'], message: 'required' });
    }
    // The term sheet allows these pairs; a contract cannot say both.
    const { transferMode, exclusive } = c.terms;
    if ((transferMode === 'licence_exclusive' && !exclusive) || (transferMode === 'licence_non_exclusive' && exclusive)) {
      ctx.addIssue({ code: 'custom', path: ['terms', 'exclusive'], message: 'invalid_value' });
    }
  });

export type ContractContent = z.output<typeof contractInputSchema>;

/**
 * The contract's content from what the process gathered: checked, tidied, every text in NFC
 * (Vietnamese typed with combining marks becomes the same letters as precomposed ones).
 * Throws a ZodError listing what is wrong (messages are problem codes); a service that wants field
 * problems parses `contractInputSchema` itself.
 */
export function buildContractContent(input: unknown): ContractContent {
  return contractInputSchema.parse(nfcDeep(input));
}

/** Whether Art. 31 of the Law on Technology Transfer 2017 makes registration compulsory. */
export function registrationRequired(content: Pick<ContractContent, 'crossBorder' | 'stateFunded'>): boolean {
  return content.crossBorder || content.stateFunded;
}

/** Every string of a parsed-JSON-like value in NFC; dates and other objects pass through. */
function nfcDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), nfcDeep(v)]));
  }
  return value;
}
