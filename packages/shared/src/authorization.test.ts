import { parse } from 'graphql';
import { applyAuthorization, authorize } from './authorization.ts';
import { apiKeyPrincipal, userPrincipal } from '@switchyard/testing';

const typeDefs = parse(`
  type Query { open: String @public  stores: String @authz(role: "VIEWER", scope: "stores:read") }
  type Mutation { edit: String @authz(role: "OPERATOR", scope: "stores:write")  keys: String @authz(role: "VIEWER", userOnly: true) }
`);

const call = (resolvers: any, type: string, field: string, principal: any) =>
  resolvers[type][field]({}, {}, { principal }, {});

describe('applyAuthorization', () => {
  const resolvers = applyAuthorization(typeDefs, {
    Query: { open: () => 'open', stores: () => 'stores' },
    Mutation: { edit: () => 'edited', keys: () => 'keys' },
  });

  it('lets public fields through and requires a principal elsewhere', () => {
    expect(call(resolvers, 'Query', 'open', null)).toBe('open');
    expect(() => call(resolvers, 'Query', 'stores', null)).toThrow(
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }),
    );
  });

  it('checks the role, the API-key scope and userOnly', () => {
    expect(call(resolvers, 'Query', 'stores', userPrincipal('VIEWER'))).toBe('stores');
    expect(() => call(resolvers, 'Mutation', 'edit', userPrincipal('VIEWER'))).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
    expect(call(resolvers, 'Mutation', 'edit', apiKeyPrincipal('OPERATOR', ['stores:write']))).toBe('edited');
    expect(() => call(resolvers, 'Mutation', 'edit', apiKeyPrincipal('ADMIN', ['stores:read']))).toThrow(
      /lacks the stores:write scope/,
    );
    expect(() => call(resolvers, 'Mutation', 'keys', apiKeyPrincipal('ADMIN', ['stores:read']))).toThrow(
      /signed-in user/,
    );
  });

  it('refuses to start when a root field declares nothing or names an unknown scope', () => {
    expect(() => applyAuthorization(parse('type Query { leak: String }'), {})).toThrow(
      /Query.leak has neither @authz nor @public/,
    );
    expect(() =>
      applyAuthorization(parse('type Query { x: String @authz(role: "VIEWER", scope: "nope:read") }'), {}),
    ).toThrow(/scope nope:read/);
    expect(() => applyAuthorization(parse('type Query { x: String @authz(role: "ROOT") }'), {})).toThrow(
      /role must be one of/,
    );
  });

  it('guards entity references with a type-level @authz', async () => {
    const guarded = applyAuthorization(parse('type User @authz(role: "VIEWER", scope: "identity:read") { id: ID! }'), {
      User: { __resolveReference: (ref: { id: string }) => ref },
    }) as any;
    expect(guarded.User.__resolveReference({ id: '1' }, { principal: userPrincipal('VIEWER') })).toEqual({ id: '1' });
    expect(() =>
      guarded.User.__resolveReference({ id: '1' }, { principal: apiKeyPrincipal('ADMIN', ['stores:read']) }),
    ).toThrow(/identity:read/);
  });
});

describe('an admin who must enrol two-factor sign-in first', () => {
  const gated = applyAuthorization(
    parse(`
      type Query { open: String @public  users: String @authz(role: "ADMIN") }
      type Mutation { enrol: String @authz(role: "VIEWER", userOnly: true) @allowedBeforeTwoFactor }
    `),
    { Query: { open: () => 'open', users: () => 'users' }, Mutation: { enrol: () => 'enrolled' } },
  );
  const pending = { ...userPrincipal('ADMIN'), twoFactorEnrolmentRequired: true };

  it('is refused every guarded field with TWO_FACTOR_REQUIRED except those allowed before enrolment', () => {
    expect(() => call(gated, 'Query', 'users', pending)).toThrow(
      expect.objectContaining({ extensions: { code: 'TWO_FACTOR_REQUIRED' } }),
    );
    expect(call(gated, 'Mutation', 'enrol', pending)).toBe('enrolled');
    expect(call(gated, 'Query', 'open', pending)).toBe('open');
    expect(call(gated, 'Query', 'users', userPrincipal('ADMIN'))).toBe('users');
  });
});

describe('authorize', () => {
  it('ranks roles ADMIN > OPERATOR > VIEWER', () => {
    expect(authorize(userPrincipal('ADMIN'), { role: 'OPERATOR', scope: null, userOnly: false }).role).toBe('ADMIN');
    expect(() => authorize(userPrincipal('OPERATOR'), { role: 'ADMIN', scope: null, userOnly: false })).toThrow(
      /ADMIN role/,
    );
  });
});
