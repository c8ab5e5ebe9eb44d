import { randomBytes } from 'node:crypto';
import { parseEncryptionKey } from './encryption-key.ts';
import { createTokenCipher } from './token-cipher.ts';
import { createWebhookSecrets } from './webhook-secret.ts';

describe('HARDWARE_ENCRYPTION_KEY', () => {
  it('takes 32 bytes as hex or base64(url), derives from a long secret, refuses a short one', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKey(key.toString('hex'))).toEqual(key);
    expect(parseEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(parseEncryptionKey(key.toString('base64url'))).toEqual(key);
    const derived = parseEncryptionKey('correct horse battery staple, but longer than 32');
    expect(derived).toHaveLength(32);
    expect(parseEncryptionKey('correct horse battery staple, but longer than 32')).toEqual(derived);
    expect(parseEncryptionKey('too short')).toBeNull();
  });
});

describe('access tokens at rest', () => {
  const cipher = createTokenCipher(randomBytes(32));

  it('round-trips, never shows the plaintext, and differs on every encryption', () => {
    const sealed = cipher.encrypt('4f0c1a2b-token', 'hub-1');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('4f0c1a2b');
    expect(cipher.encrypt('4f0c1a2b-token', 'hub-1')).not.toBe(sealed);
    expect(cipher.decrypt(sealed, 'hub-1')).toBe('4f0c1a2b-token');
  });

  it('refuses a ciphertext moved to another hub, a tampered one, or another key', () => {
    const sealed = cipher.encrypt('token', 'hub-1');
    expect(() => cipher.decrypt(sealed, 'hub-2')).toThrow();
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => cipher.decrypt(tampered, 'hub-1')).toThrow();
    expect(() => createTokenCipher(randomBytes(32)).decrypt(sealed, 'hub-1')).toThrow();
  });
});

describe('webhook secrets', () => {
  const secrets = createWebhookSecrets(randomBytes(32));

  it('derives a stable secret per hub and generation, and verifies it against its hash only', () => {
    const secret = secrets.secretFor('hub-1', 1);
    expect(secrets.secretFor('hub-1', 1)).toBe(secret);
    expect(secrets.secretFor('hub-1', 2)).not.toBe(secret);
    expect(secrets.secretFor('hub-2', 1)).not.toBe(secret);
    const hash = secrets.hash(secret);
    expect(hash).not.toContain(secret);
    expect(secrets.matches(secret, hash)).toBe(true);
    expect(secrets.matches(secrets.secretFor('hub-2', 1), hash)).toBe(false);
    expect(secrets.matches('', hash)).toBe(false);
  });
});
