import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum recommendation).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/** Spends the time of a real check when the email is unknown, so timing does not reveal accounts. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hash('not-a-real-password');
  await verifyPassword(await dummy, password);
  return false;
}
