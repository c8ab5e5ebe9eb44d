import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { Registry } from 'prom-client';
import type { Principal } from '@switchyard/shared';
import type { GatewayContext } from '../context.ts';
import type { Operation } from './operation-executor.ts';
import { createSharedExecutions, type Delivery } from './shared-executions.ts';
import { createAudiences } from './subscription-audience.ts';
import { createSubscriptionMetrics } from './subscription-metrics.ts';
import { createSubscriptionPlanner } from './subscription-planner.ts';

const { schema } = createSubscriptionPlanner(
  readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8'),
);
const audienceOf = createAudiences(schema);

const STORE_CHANGES = parse('subscription { storeChanged { kind store { name createdBy { email displayName } } } }');
// User.household (meals) is visible to the user, their household and admins: it depends on who asks.
const WITH_HOUSEHOLD = parse('subscription { storeChanged { store { name createdBy { email household { name } } } } }');
const WITH_HOUSEHOLD_IN_FRAGMENT = parse(`
  subscription { storeChanged { store { createdBy { ...Owner } } } }
  fragment Owner on User { email household { id } }
`);
const SESSION_REVOKED = parse('subscription { sessionRevoked { sessionId current } }');

function user(userId: string, role: Principal['role'] = 'VIEWER'): Principal {
  return { kind: 'user', userId, role, scopes: null, sessionId: `session-of-${userId}`, apiKeyId: null };
}

function contextOf(principal: Principal | null, extra: Partial<GatewayContext> = {}): GatewayContext {
  return { principal, requestId: 'r', clientIp: '10.0.0.1', userAgent: 'test', ...extra };
}

describe('the audience of a subscription', () => {
  it('is one for every viewer when every selected field is answered by role alone, run as nobody in particular', () => {
    const alice = audienceOf(STORE_CHANGES, contextOf(user('alice')));
    const bob = audienceOf(STORE_CHANGES, contextOf(user('bob')));
    expect(alice.key).toBe(bob.key);
    expect(alice.context.principal).toEqual({
      kind: 'user',
      role: 'VIEWER',
      scopes: null,
      userId: '00000000-0000-0000-0000-000000000000',
      sessionId: null,
      apiKeyId: null,
    });
  });

  it('tells apart roles, and API keys by their scopes', () => {
    const viewer = audienceOf(STORE_CHANGES, contextOf(user('alice')));
    const admin = audienceOf(STORE_CHANGES, contextOf(user('carol', 'ADMIN')));
    expect(viewer.key).not.toBe(admin.key);
    const key = (scopes: string[]) =>
      audienceOf(
        STORE_CHANGES,
        contextOf({ kind: 'apiKey', userId: 'dave', role: 'ADMIN', scopes, sessionId: null, apiKeyId: 'k' }),
      ).key;
    expect(key(['stores:read', 'identity:read'])).toBe(key(['identity:read', 'stores:read']));
    expect(key(['stores:read'])).not.toBe(key(['stores:read', 'identity:read']));
    expect(key(['stores:read'])).not.toBe(admin.key);
  });

  it.each([
    ['a field that depends on the caller', WITH_HOUSEHOLD],
    ['such a field in a fragment', WITH_HOUSEHOLD_IN_FRAGMENT],
    ['a subscription to the caller’s own sessions', SESSION_REVOKED],
  ])('is the caller alone, with their own context, for %s', (_case, document) => {
    const alice = audienceOf(document, contextOf(user('alice')));
    const bob = audienceOf(document, contextOf(user('bob')));
    expect(alice.key).not.toBe(bob.key);
    expect(alice.context.principal?.userId).toBe('alice');
    // Another session of the same user is another caller too (sessionRevoked's `current`).
    expect(audienceOf(document, contextOf({ ...user('alice'), sessionId: 'other' })).key).not.toBe(alice.key);
  });

  it('is the caller alone when their credentials go to the subgraphs as they came', () => {
    const context = (authorization: string) => contextOf(user('alice'), { credentials: { authorization } });
    expect(audienceOf(STORE_CHANGES, context('Bearer a')).key).not.toBe(
      audienceOf(STORE_CHANGES, context('Bearer b')).key,
    );
  });
});

describe('shared executions across callers', () => {
  /** Runs subscriptions on executions that record what they were started with and never end by themselves. */
  function subscriptions() {
    const started: Operation[] = [];
    const subscribe = createSharedExecutions(
      async function* (operation, signal) {
        started.push(operation);
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        yield* [] as Delivery[];
      },
      createSubscriptionMetrics(new Registry()),
      audienceOf,
    );
    return { started, subscribe };
  }

  it('starts one execution, as nobody in particular, for two viewers of a role-answered subscription', async () => {
    const { started, subscribe } = subscriptions();
    const alice = subscribe({ document: STORE_CHANGES, context: contextOf(user('alice')) });
    const bob = subscribe({ document: STORE_CHANGES, context: contextOf(user('bob')) });
    await Promise.resolve();
    expect(started).toHaveLength(1);
    expect(started[0]!.context.principal?.userId).toBe('00000000-0000-0000-0000-000000000000');
    await Promise.all([alice.return!(), bob.return!()]);
  });

  it('starts one execution per caller, each with their own principal, when the answers may differ', async () => {
    const { started, subscribe } = subscriptions();
    const alice = subscribe({ document: WITH_HOUSEHOLD, context: contextOf(user('alice')) });
    const bob = subscribe({ document: WITH_HOUSEHOLD, context: contextOf(user('bob')) });
    await Promise.resolve();
    expect(started.map((operation) => operation.context.principal?.userId)).toEqual(['alice', 'bob']);
    await Promise.all([alice.return!(), bob.return!()]);
  });
});
