import { signClientAddress, verifyClientAddress } from './client-address.ts';

const secret = 'e'.repeat(40);

describe('signed client address', () => {
  it('gives back the address the web server signed', () => {
    expect(verifyClientAddress(secret, signClientAddress(secret, '203.0.113.7'))).toBe('203.0.113.7');
    expect(verifyClientAddress(secret, signClientAddress(secret, '2001:db8::1'))).toBe('2001:db8::1');
  });

  it('refuses a missing, forged, altered, stale or future header', () => {
    const now = Date.now();
    const signed = signClientAddress(secret, '203.0.113.7', now);
    expect(verifyClientAddress(secret, undefined)).toBeNull();
    expect(verifyClientAddress(secret, '203.0.113.7')).toBeNull();
    expect(verifyClientAddress('f'.repeat(40), signed, now)).toBeNull();
    expect(verifyClientAddress(secret, signed.replace('203.0.113.7', '198.51.100.1'), now)).toBeNull();
    expect(verifyClientAddress(secret, signClientAddress(secret, '203.0.113.7', now - 120_000), now)).toBeNull();
    expect(verifyClientAddress(secret, signClientAddress(secret, '203.0.113.7', now + 30_000), now)).toBeNull();
    expect(verifyClientAddress(secret, `${'a'.repeat(100)};t=${now};s=${'0'.repeat(64)}`, now)).toBeNull();
  });
});
