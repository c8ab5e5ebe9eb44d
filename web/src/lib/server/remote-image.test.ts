import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchRemoteImage, RemoteImageError } from './remote-image.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('fetchRemoteImage', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/dish.png') response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else if (request.url === '/moved') response.writeHead(302, { location: '/dish.png' }).end();
      else if (request.url === '/page') response.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
      else if (request.url === '/drawing.svg')
        response.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg onload="alert(1)"/>');
      else if (request.url === '/huge')
        response.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(2048));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const allowLoopback = { timeoutMs: 2000, maxBytes: 1024, allowPrivate: () => true };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof RemoteImageError ? error.status : error),
    );

  it('passes a raster image through, following a redirect', async () => {
    expect(await fetchRemoteImage(`${base}/dish.png`, allowLoopback)).toEqual({ contentType: 'image/png', body: PNG });
    expect((await fetchRemoteImage(`${base}/moved`, allowLoopback)).body).toEqual(PNG);
  });

  it('refuses private addresses unless allowed, other schemes, pages, SVG, oversized bodies and errors', async () => {
    expect(await refusal(fetchRemoteImage(`${base}/dish.png`, { ...allowLoopback, allowPrivate: () => false }))).toBe(
      404,
    );
    expect(await refusal(fetchRemoteImage('file:///etc/passwd', allowLoopback))).toBe(404);
    expect(await refusal(fetchRemoteImage(`${base}/page`, allowLoopback))).toBe(502);
    expect(await refusal(fetchRemoteImage(`${base}/drawing.svg`, allowLoopback))).toBe(502);
    expect(await refusal(fetchRemoteImage(`${base}/huge`, allowLoopback))).toBe(502);
    expect(await refusal(fetchRemoteImage(`${base}/missing`, allowLoopback))).toBe(502);
  });
});
