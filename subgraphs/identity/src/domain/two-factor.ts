import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/*
 * Two-factor sign-in: TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, what every authenticator
 * app supports) and single-use recovery codes. Plain functions; the service keeps state.
 */

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Codes from the previous and the next step are accepted too: phones' clocks drift. */
const WINDOW_STEPS = 1;
const ISSUER = 'Switchyard';

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_CODE_LENGTH = 16;

/** A new TOTP secret: 160 random bits (RFC 4226's recommendation), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, account = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: account,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://totp/...` URI an authenticator app scans (as a QR code) to add the account. */
export function otpauthUri(secret: string, account: string): string {
  return totp(secret, account).toString();
}

/** The code for `at`: what an authenticator app shows (tests use it to sign in). */
export function totpCode(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

export function isTotpCode(code: string): boolean {
  return new RegExp(`^\\d{${DIGITS}}$`).test(code);
}

/**
 * The time step of the code if it is valid at `at` (within one step either way), else null. The
 * caller accepts it only once: a step at or before the last one used is a replay.
 */
export function totpStep(secret: string, code: string, at: Date): number | null {
  if (!isTotpCode(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: at.getTime(), window: WINDOW_STEPS });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** Ten codes of 80 random bits each, shown as XXXX-XXXX-XXXX-XXXX. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    // 32 symbols divide 256, so taking each byte modulo 32 keeps every symbol equally likely.
    const symbols = [...randomBytes(RECOVERY_CODE_LENGTH)].map((byte) => RECOVERY_ALPHABET[byte % 32]).join('');
    return symbols.match(/.{4}/g)!.join('-');
  });
}

/**
 * A recovery code as typed (any case, with or without dashes or spaces, O for 0, I or L for 1) in
 * its canonical form, or null when it cannot be one.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== RECOVERY_CODE_LENGTH || [...code].some((c) => !RECOVERY_ALPHABET.includes(c))) return null;
  return code;
}

/** 80 random bits cannot be brute-forced from their SHA-256, so a fast hash suffices (as for API keys). */
export function hashRecoveryCode(normalized: string): string {
  return createHash('sha256').update(`recovery:${normalized}`).digest('hex');
}
