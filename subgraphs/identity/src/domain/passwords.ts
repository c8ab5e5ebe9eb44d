import argon2 from 'argon2';

/** argon2id's default memory cost (64 MiB, with the library's 3 passes): OWASP's recommended baseline. */
export const DEFAULT_PASSWORD_MEMORY_KIB = 65_536;

export function hashPassword(password: string, memoryKib = DEFAULT_PASSWORD_MEMORY_KIB): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryKib });
}

// Verified against when the email is unknown, so a miss costs as long as a wrong password: hashed
// at the cost new passwords get.
const decoyHashes = new Map<number, Promise<string>>();

/** The hash carries its own cost; `memoryKib` is the cost of a miss (see the decoy). */
export async function verifyPassword(
  hash: string | null,
  password: string,
  memoryKib = DEFAULT_PASSWORD_MEMORY_KIB,
): Promise<boolean> {
  try {
    if (!hash && !decoyHashes.has(memoryKib))
      decoyHashes.set(memoryKib, hashPassword('decoy password that matches nothing', memoryKib));
    return await argon2.verify(hash ?? (await decoyHashes.get(memoryKib)!), password);
  } catch {
    return false;
  }
}
