import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with OWASP's first recommended parameter set (Password Storage Cheat Sheet): 19 MiB of
 * memory, 2 passes, 1 lane. The parameters are written into each PHC string, so raising them later
 * leaves existing hashes verifiable.
 */
const ARGON2ID = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export function verifyPassword(phc: string, password: string): Promise<boolean> {
  return verify(phc, password);
}

/**
 * Checked when the account is unknown, so that a wrong email takes as long as a wrong password
 * and the answer's timing does not tell which accounts exist.
 */
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('no account has this password');
  await verify(await decoy, password);
  return false;
}
