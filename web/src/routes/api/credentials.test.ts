import { describe, expect, it } from '@jest/globals';
import { connectionParams, withCredentials } from './credentials.ts';

describe("the explorer's credentials", () => {
  it("sends the session's token when no credential was pasted, keeping the other headers", () => {
    expect(withCredentials({ 'x-trace': 'a' }, 'token')).toEqual({ 'x-trace': 'a', authorization: 'Bearer token' });
    expect(withCredentials(undefined, null)).toEqual({});
  });

  it('lets a pasted API key or Authorization header win over the session, whatever its case', () => {
    expect(withCredentials({ 'X-Api-Key': 'sk_1' }, 'token')).toEqual({ 'X-Api-Key': 'sk_1' });
    expect(withCredentials({ Authorization: 'Bearer other' }, 'token')).toEqual({ Authorization: 'Bearer other' });
  });

  it('carries the same credential to the websocket as the gateway expects it', () => {
    expect(connectionParams({ 'X-API-KEY': 'sk_1', accept: 'x' })).toEqual({ apiKey: 'sk_1' });
    expect(connectionParams({ authorization: 'Bearer t' })).toEqual({ authorization: 'Bearer t' });
    expect(connectionParams({})).toEqual({});
  });
});
