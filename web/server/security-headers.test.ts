import { securityHeaders } from './security-headers.ts';

describe('security headers', () => {
  it('forbids sniffing and framing and keeps the referrer on this origin', () => {
    expect(securityHeaders({ protocol: 'http' })).toEqual({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
    });
  });

  it('asks for HTTPS from now on only when the request came over HTTPS', () => {
    expect(securityHeaders({ protocol: 'https' })['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(securityHeaders({ protocol: 'http' })).not.toHaveProperty('strict-transport-security');
  });
});
