// A contract's content hash: the SHA-256 of its canonical form. Both parties sign this value; a
// PDF shows it on every page, so a printed page can be matched to the content it came from.
import type { ContractContent } from '../domain/contract.js';
import { contractCanonical } from '../domain/contract-canonical.js';
import { contentSha256 } from './content-hash.server.js';

export function contractSha256(content: ContractContent): string {
  return contentSha256(contractCanonical(content));
}
