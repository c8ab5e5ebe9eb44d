import {
  RECOVERY_CODE_COUNT,
  TOTP_PERIOD_SECONDS,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUri,
  totpCode,
  totpStep,
} from './two-factor.ts';

// RFC 6238, appendix B: the SHA-1 test secret "12345678901234567890" in base32, and its 8-digit
// codes; a 6-digit code is the last six digits of the same value (RFC 4226's truncation).
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('computes the RFC 6238 test vectors', () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCode(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCode(RFC_SECRET, new Date(1_234_567_890_000))).toBe('005924');
    expect(totpCode(RFC_SECRET, new Date(2_000_000_000_000))).toBe('279037');
  });

  it('accepts the current code and one step either way, and names its time step', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-12-07T06:00:10Z');
    const step = Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
    const shifted = (steps: number) => new Date(at.getTime() + steps * TOTP_PERIOD_SECONDS * 1000);
    expect(totpStep(secret, totpCode(secret, at), at)).toBe(step);
    expect(totpStep(secret, totpCode(secret, shifted(-1)), at)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, shifted(1)), at)).toBe(step + 1);
    expect(totpStep(secret, totpCode(secret, shifted(-2)), at)).toBeNull();
    expect(totpStep(secret, totpCode(newTotpSecret(), at), at)).toBeNull();
    expect(totpStep(secret, 'abcdef', at)).toBeNull();
    expect(totpStep(secret, '1234567', at)).toBeNull();
  });

  it('makes 160-bit base32 secrets and an otpauth URI that authenticator apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(otpauthUri(secret, 'ann@example.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Switchyard:ann@example.test');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      secret,
      issuer: 'Switchyard',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes of 16 symbols in groups of four', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('reads a code as typed (case, dashes, spaces, O for 0, I or L for 1) and refuses anything else', () => {
    const [code] = newRecoveryCodes() as [string];
    const canonical = code.replace(/-/g, '');
    expect(normalizeRecoveryCode(code)).toBe(canonical);
    expect(normalizeRecoveryCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(canonical);
    expect(normalizeRecoveryCode('O1IL-0000-0000-0000')).toBe('0111000000000000');
    expect(normalizeRecoveryCode('ABCD-EFGH')).toBeNull();
    expect(normalizeRecoveryCode('UUUU-UUUU-UUUU-UUUU')).toBeNull();
    expect(normalizeRecoveryCode('123456')).toBeNull();
  });

  it('stores a hash that does not contain the code and matches only the same code', () => {
    const [a, b] = newRecoveryCodes().map((c) => normalizeRecoveryCode(c)!) as [string, string];
    expect(hashRecoveryCode(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(a)).not.toContain(a);
    expect(hashRecoveryCode(a)).toBe(hashRecoveryCode(a));
    expect(hashRecoveryCode(a)).not.toBe(hashRecoveryCode(b));
  });
});
