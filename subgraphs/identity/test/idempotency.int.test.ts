import { randomUUID } from 'node:crypto';
import type { Principal } from '@switchyard/shared';
import { codeOf, signedGraphQL, userPrincipal } from '@switchyard/testing';
import { startIdentity } from './support.ts';

const CREATE_KEY = `mutation ($name: String!, $scopes: [String!]!, $key: String) {
  createApiKey(name: $name, scopes: $scopes, idempotencyKey: $key) { secret apiKey { id name scopes } }
}`;
const CREATE_USER = `mutation ($input: CreateUserInput!, $key: String) {
  createUser(input: $input, idempotencyKey: $key) { id email role }
}`;

describe('idempotency keys on identity mutations (real database)', () => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  let admin: Principal;
  let operator: Principal;
  const call = (principal: Principal, query: string, variables: Record<string, unknown>) =>
    signedGraphQL(identity.url, identity.secret, principal, query, variables);
  const key = () => `k-${randomUUID()}`;
  const keysNamed = (name: string) => identity.db.apiKey.count({ where: { name } });
  /** A principal for a user that exists, so API keys can belong to it. */
  const existingUser = async (role: 'ADMIN' | 'OPERATOR') => {
    const user = await identity.services.userAdmin.create({
      email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`,
      password: 'a long enough password',
      displayName: role,
      role,
    });
    return userPrincipal(role, { userId: user.id });
  };
  const userInput = () => ({
    email: `new-${randomUUID().slice(0, 8)}@example.test`,
    password: 'a long enough password',
    displayName: 'New',
    role: 'VIEWER',
  });

  beforeAll(async () => {
    identity = await startIdentity();
    admin = await existingUser('ADMIN');
    operator = await existingUser('OPERATOR');
  });
  afterAll(() => identity?.stop());

  it('answers a repeated createApiKey with the first key and its secret, which works; the secret is not kept in the clear', async () => {
    const name = `shop ${randomUUID()}`;
    const idempotencyKey = key();
    const first = await call(operator, CREATE_KEY, { name, scopes: ['stores:read'], key: idempotencyKey });
    expect(first.errors).toBeUndefined();
    const repeat = await call(operator, CREATE_KEY, { name, scopes: ['stores:read'], key: idempotencyKey });
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data!.createApiKey).toEqual(first.data!.createApiKey);
    expect(await keysNamed(name)).toBe(1);
    const { secret } = first.data!.createApiKey;
    expect(await identity.services.auth.authenticate({ apiKey: secret })).toMatchObject({
      apiKeyId: first.data!.createApiKey.apiKey.id,
    });
    const [record] = await identity.db.idempotencyRecord.findMany({ where: { key: idempotencyKey } });
    expect(record).toMatchObject({ operation: 'createApiKey', principalId: `user:${operator.userId}` });
    expect(JSON.stringify(record)).not.toContain(secret.slice(3));
  });

  it('creates one key for five concurrent requests with one idempotency key, and all get its secret', async () => {
    const name = `race ${randomUUID()}`;
    const idempotencyKey = key();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(operator, CREATE_KEY, { name, scopes: ['stores:read'], key: idempotencyKey }),
      ),
    );
    const created = answers.filter((answer) => answer.data?.createApiKey).map((answer) => answer.data!.createApiKey);
    // A duplicate arriving while the first is in flight waits for it; none may create a second key.
    expect(answers.filter((answer) => !answer.data?.createApiKey).map(codeOf)).toEqual(
      answers.filter((answer) => !answer.data?.createApiKey).map(() => 'IDEMPOTENCY_KEY_IN_USE'),
    );
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((answer) => answer.secret)).size).toBe(1);
    expect(await keysNamed(name)).toBe(1);
  });

  it('refuses the key with other arguments, a malformed key, and keeps keys of different users apart', async () => {
    const name = `reuse ${randomUUID()}`;
    const idempotencyKey = key();
    await call(operator, CREATE_KEY, { name, scopes: ['stores:read'], key: idempotencyKey });
    const reused = await call(operator, CREATE_KEY, { name, scopes: ['stores:write'], key: idempotencyKey });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const malformed = await call(operator, CREATE_KEY, { name, scopes: ['stores:read'], key: 'not a key!' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await keysNamed(name)).toBe(1);

    const otherOperator = await existingUser('OPERATOR');
    const theirs = await call(otherOperator, CREATE_KEY, { name, scopes: ['stores:read'], key: idempotencyKey });
    expect(theirs.errors).toBeUndefined();
    expect(await keysNamed(name)).toBe(2);
  });

  it('answers a repeated createUser with the first user instead of CONFLICT on its email', async () => {
    const input = userInput();
    const idempotencyKey = key();
    const first = await call(admin, CREATE_USER, { input, key: idempotencyKey });
    expect(first.errors).toBeUndefined();
    const repeat = await call(admin, CREATE_USER, { input, key: idempotencyKey });
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data!.createUser).toEqual(first.data!.createUser);
    // Without the key the email is taken, as always.
    expect(codeOf(await call(admin, CREATE_USER, { input }))).toBe('CONFLICT');
    const reused = await call(admin, CREATE_USER, { input: { ...input, displayName: 'Other' }, key: idempotencyKey });
    expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await identity.db.user.count({ where: { email: input.email } })).toBe(1);
    const [record] = await identity.db.idempotencyRecord.findMany({ where: { key: idempotencyKey } });
    expect(record!.result).toEqual({ id: first.data!.createUser.id });
  });
});
