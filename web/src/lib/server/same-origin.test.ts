import { describe, expect, it } from '@jest/globals';
import { isCrossSiteRequest } from './same-origin.ts';

const url = new URL('http://switchyard.test:3000/auth/refresh');
const post = (headers: Record<string, string>) => new Request(url, { method: 'POST', headers });

describe('same-origin check of the session endpoints', () => {
  it('lets a post from a page of this origin through', () => {
    expect(isCrossSiteRequest(post({ origin: 'http://switchyard.test:3000' }), url)).toBe(false);
  });

  it('refuses a post from another origin, or without an Origin header', () => {
    expect(isCrossSiteRequest(post({ origin: 'https://evil.example' }), url)).toBe(true);
    expect(isCrossSiteRequest(post({ origin: 'http://switchyard.test:3001' }), url)).toBe(true);
    expect(isCrossSiteRequest(post({ origin: 'null' }), url)).toBe(true);
    expect(isCrossSiteRequest(post({}), url)).toBe(true);
    const logout = new URL('/auth/logout', url);
    expect(isCrossSiteRequest(new Request(logout, { method: 'POST' }), logout)).toBe(true);
  });

  it('leaves reads and other paths to their own rules', () => {
    expect(isCrossSiteRequest(new Request(url), url)).toBe(false);
    const graphql = new URL('/graphql', url);
    expect(isCrossSiteRequest(new Request(graphql, { method: 'POST' }), graphql)).toBe(false);
  });
});
