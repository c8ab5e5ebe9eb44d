import type { IncomingHttpHeaders } from 'node:http';
import { verifyClientAddress } from '@switchyard/shared/client-address';
import { TRUSTED_HEADERS, markRequest, requestSource } from './request-origin.ts';

const forwarded = {
  host: '127.0.0.1:3000',
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'switchyard.example.com',
  'x-forwarded-for': '203.0.113.7',
};

describe('requestSource', () => {
  it('takes a direct request as plain HTTP on the host the browser used', () => {
    expect(requestSource({ host: 'localhost:3000' }, '127.0.0.1', 0)).toEqual({
      protocol: 'http',
      host: 'localhost:3000',
      clientAddress: '127.0.0.1',
    });
  });

  it('ignores forwarded headers unless proxies are trusted', () => {
    expect(requestSource(forwarded, '198.51.100.1', 0)).toEqual({
      protocol: 'http',
      host: '127.0.0.1:3000',
      clientAddress: '198.51.100.1',
    });
  });

  it('believes a trusted proxy', () => {
    expect(requestSource(forwarded, '10.0.0.2', 1)).toEqual({
      protocol: 'https',
      host: 'switchyard.example.com',
      clientAddress: '203.0.113.7',
    });
  });

  it('takes what the nearest trusted proxy appended, not what the client sent before it', () => {
    const headers = { ...forwarded, 'x-forwarded-for': '6.6.6.6, 203.0.113.7', 'x-forwarded-proto': 'http, https' };
    expect(requestSource(headers, '10.0.0.2', 1)).toMatchObject({ protocol: 'https', clientAddress: '203.0.113.7' });
    expect(requestSource(headers, '10.0.0.2', 2)).toMatchObject({ protocol: 'http', clientAddress: '6.6.6.6' });
  });

  it('falls back to the connection for values a proxy got wrong', () => {
    const headers = { host: 'a.example:3000', 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'evil/path' };
    expect(requestSource(headers, '10.0.0.2', 1)).toEqual({
      protocol: 'http',
      host: 'a.example:3000',
      clientAddress: '10.0.0.2',
    });
  });
});

describe('markRequest', () => {
  it('replaces whatever a client sent under the trusted headers', () => {
    const headers: IncomingHttpHeaders = {
      host: 'localhost:3000',
      [TRUSTED_HEADERS.protocol]: 'https',
      [TRUSTED_HEADERS.host]: 'evil.example',
      [TRUSTED_HEADERS.clientAddress]: '6.6.6.6',
    };
    markRequest(headers, requestSource(headers, '127.0.0.1', 0));
    expect(headers).toMatchObject({
      [TRUSTED_HEADERS.protocol]: 'http',
      [TRUSTED_HEADERS.host]: 'localhost:3000',
      [TRUSTED_HEADERS.clientAddress]: '127.0.0.1',
    });
  });

  it('signs the client address for the gateway with the edge secret, never passing on a client copy', () => {
    const secret = 'edge-'.repeat(8);
    const headers: IncomingHttpHeaders = { host: 'localhost:3000', [TRUSTED_HEADERS.signedClientAddress]: 'forged' };
    markRequest(headers, requestSource(headers, '198.51.100.7', 0), secret);
    expect(verifyClientAddress(secret, headers[TRUSTED_HEADERS.signedClientAddress] as string)).toBe('198.51.100.7');

    const unsigned: IncomingHttpHeaders = { host: 'localhost:3000', [TRUSTED_HEADERS.signedClientAddress]: 'forged' };
    markRequest(unsigned, requestSource(unsigned, '198.51.100.7', 0));
    expect(unsigned).not.toHaveProperty(TRUSTED_HEADERS.signedClientAddress);
  });
});
