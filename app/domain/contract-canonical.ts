// What the parties of a contract agree to, and so what they sign: its facts and its full
// bilingual wording (with the wording's version), not the layout of a PDF. The SHA-256 of this
// value (app/services/contract-document.server.ts) is the contract's content hash.
import type { Canonical } from './canonical.js';
import type { ContractContent } from './contract.js';
import { CONTRACT_TEXT_VERSION, contractText } from './contract-text.js';

export function contractCanonical(content: ContractContent): Canonical {
  return {
    kind: 'opentex.contract',
    textVersion: CONTRACT_TEXT_VERSION,
    number: content.number,
    version: content.version,
    parties: content.parties,
    technology: content.technology,
    terms: content.terms,
    agreedTermsSha256: content.agreedTermsSha256,
    generatedAt: content.generatedAt,
    crossBorder: content.crossBorder,
    stateFunded: content.stateFunded,
    text: contractText(content),
  };
}
