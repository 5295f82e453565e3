// SHA-256 of a record's canonical form (app/domain/canonical.ts), as lower-case hex.
import { createHash } from 'node:crypto';
import { canonicalJson, type Canonical } from '../domain/canonical.js';

export function contentSha256(value: Canonical): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
