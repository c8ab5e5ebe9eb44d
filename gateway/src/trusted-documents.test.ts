import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import type { Principal } from '@switchyard/shared';
import { canonicalDocument, createTrustedDocuments, mustSendRegistered } from './trusted-documents.ts';

const USER = { kind: 'user', userId: 'u1', role: 'VIEWER', scopes: null, sessionId: 's1', apiKeyId: null } as Principal;
const API_KEY = {
  kind: 'apiKey',
  userId: 'u2',
  role: 'OPERATOR',
  scopes: [],
  sessionId: null,
  apiKeyId: 'k1',
} as Principal;
const CALLERS = { user: USER, apiKey: API_KEY, anonymous: null };

const STORE = `query Store($id: ID!) {
  store(id: $id) {
    ...StoreFields
    owner {
      ...Person
    }
  }
}

fragment Person on User {
  id
  displayName
}

fragment StoreFields on Store {
  id
  name
}`;
const STORE_HASH = createHash('sha256').update(STORE).digest('hex');
const trustedWith = (mode: Parameters<typeof createTrustedDocuments>[0]['mode']) =>
  createTrustedDocuments({ mode, registered: new Map([[STORE_HASH, { operationName: 'Store', document: STORE }]]) });
const codeOf = (trusted: ReturnType<typeof trustedWith>, source: string, principal: Principal | null) =>
  trusted.check(source, parse(source), principal)?.extensions.code ?? 'ok';

describe('who must send a registered document', () => {
  it.each([
    ['enforce', { user: true, apiKey: true, anonymous: true }],
    ['allow-unregistered-for-api-keys', { user: true, apiKey: false, anonymous: true }],
    ['off', { user: false, apiKey: false, anonymous: false }],
  ] as const)('%s', (mode, expected) => {
    for (const [caller, principal] of Object.entries(CALLERS))
      expect([caller, mustSendRegistered(mode, principal)]).toEqual([
        caller,
        expected[caller as keyof typeof expected],
      ]);
  });
});

describe('trusted documents', () => {
  it('refuses an unregistered document with UNREGISTERED_DOCUMENT to the callers the mode names, and only to them', () => {
    const madeUp = '{ stores(first: 50) { edges { node { id } } } }';
    expect(codeOf(trustedWith('enforce'), madeUp, USER)).toBe('UNREGISTERED_DOCUMENT');
    expect(codeOf(trustedWith('enforce'), madeUp, API_KEY)).toBe('UNREGISTERED_DOCUMENT');
    expect(codeOf(trustedWith('allow-unregistered-for-api-keys'), madeUp, null)).toBe('UNREGISTERED_DOCUMENT');
    expect(codeOf(trustedWith('allow-unregistered-for-api-keys'), madeUp, USER)).toBe('UNREGISTERED_DOCUMENT');
    expect(codeOf(trustedWith('allow-unregistered-for-api-keys'), madeUp, API_KEY)).toBe('ok');
    expect(codeOf(trustedWith('off'), madeUp, null)).toBe('ok');
    for (const principal of Object.values(CALLERS)) expect(codeOf(trustedWith('enforce'), STORE, principal)).toBe('ok');
  });

  it('accepts another spelling of a registered document, and not a changed one', () => {
    const trusted = trustedWith('enforce');
    // Reformatted, commented, fragments reordered, and __typename added everywhere as urql's cache does.
    const respelled = `
      # the store page
      fragment StoreFields on Store { id, name, __typename }
      query Store($id: ID!) { store(id: $id) { ...StoreFields owner { ...Person __typename } __typename } }
      fragment Person on User { id displayName __typename }`;
    expect(canonicalDocument(parse(respelled))).toBe(canonicalDocument(parse(STORE)));
    expect(codeOf(trusted, respelled, USER)).toBe('ok');
    // Again, as a browser sends it again: now remembered.
    expect(codeOf(trusted, respelled, USER)).toBe('ok');
    const widened = STORE.replace('displayName', 'displayName\n  email');
    expect(codeOf(trusted, widened, USER)).toBe('UNREGISTERED_DOCUMENT');
    const aliasedTypename = STORE.replace('  id\n  name', '  id\n  name\n  kind: __typename');
    expect(codeOf(trusted, aliasedTypename, USER)).toBe('UNREGISTERED_DOCUMENT');
  });

  it('fills in a registered document sent over HTTP by hash alone, and leaves other hashes to APQ', async () => {
    const plugin = trustedWith('enforce').plugin();
    const requestOf = (sha256Hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash } } }) as any;
    const registered = requestOf(STORE_HASH);
    await plugin.requestDidStart!({ request: registered } as any);
    expect(registered.query).toBe(STORE);
    const other = requestOf('0'.repeat(64));
    await plugin.requestDidStart!({ request: other } as any);
    expect(other.query).toBeUndefined();
  });
});
