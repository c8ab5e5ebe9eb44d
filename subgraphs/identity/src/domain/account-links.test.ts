import { hashSecret } from './secrets.ts';
import { describeDuration, invitationStatus, linkUrl, maskEmail, newLinkToken } from './account-links.ts';

describe('account links', () => {
  it('makes distinct 256-bit tokens and keeps only their hash', () => {
    const a = newLinkToken();
    const b = newLinkToken();
    expect(a.token).toMatch(/^lk_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashSecret(a.token));
    expect(a.hash).not.toContain(a.token.slice(3));
  });

  it('derives an invitation status from its timestamps, acceptance and revocation first', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const later = new Date('2026-12-08T12:00:00Z');
    const earlier = new Date('2026-12-06T12:00:00Z');
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('PENDING');
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe('EXPIRED');
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('EXPIRED');
    expect(invitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe('REVOKED');
    expect(invitationStatus({ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe('ACCEPTED');
  });

  it('builds links at the public origin with the token encoded', () => {
    expect(linkUrl('https://shop.example', '/reset-password', 'lk_a+b')).toBe(
      'https://shop.example/reset-password?token=lk_a%2Bb',
    );
  });

  it('masks an address to its first letter and domain', () => {
    expect(maskEmail('anna@example.com')).toBe('a•••@example.com');
    expect(maskEmail('nonsense')).toBe('•••');
  });

  it('describes a link lifetime in the largest whole unit', () => {
    expect(describeDuration(1800)).toBe('30 minutes');
    expect(describeDuration(3600)).toBe('1 hour');
    expect(describeDuration(7 * 86_400)).toBe('7 days');
    expect(describeDuration(90)).toBe('2 minutes');
  });
});
