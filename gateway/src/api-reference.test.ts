import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { API_REFERENCE_FILE, buildApiReference, generateApiReference, rootFieldAccess } from './api-reference.ts';

const api = buildSchema(`
  "Root." type Query {
    "Who is asking." me: User
    "Users." users("How many." first: Int = 20, "Only these." roles: [Role!]): [User!]!
  }
  "Root." type Subscription { "A user changed." userChanged(id: ID): UserEvent! }
  "A person." type User { "Id." id: ID! "Address." email: String! "Role." role: Role! "Manager." manager: User "Since." since: DateTime }
  "An event." type UserEvent { "The user." user: User! "When." at: DateTime! "Where." origin: Origin! }
  "Where it came from." union Origin = User
  "Roles." enum Role { "Reads." VIEWER "Writes." ADMIN }
  "An instant." scalar DateTime
`);

const subgraphs = [
  {
    name: 'identity',
    typeDefs: parse(`
      type Query { me: User @public }
      extend type Query { users(first: Int = 20, roles: [Role!]): [User!]! @authz(role: "ADMIN", scope: "identity:admin") }
      type Subscription { userChanged(id: ID): UserEvent! @authz(role: "VIEWER", userOnly: true) }
    `),
  },
];

describe('the API reference', () => {
  it("gives each root field its subgraph's @authz or @public, with arguments and defaults", () => {
    const reference = buildApiReference(api, subgraphs);
    expect(
      reference.operations.map(({ rootType, name, access, subgraph }) => ({ rootType, name, access, subgraph })),
    ).toEqual([
      { rootType: 'Query', name: 'me', subgraph: 'identity', access: { public: true } },
      {
        rootType: 'Query',
        name: 'users',
        subgraph: 'identity',
        access: { public: false, role: 'ADMIN', scope: 'identity:admin', userOnly: false },
      },
      {
        rootType: 'Subscription',
        name: 'userChanged',
        subgraph: 'identity',
        access: { public: false, role: 'VIEWER', scope: null, userOnly: true },
      },
    ]);
    expect(reference.operations[1]!.args).toEqual([
      { name: 'first', description: 'How many.', type: 'Int', defaultValue: '20' },
      { name: 'roles', description: 'Only these.', type: '[Role!]', defaultValue: null },
    ]);
    expect(reference.types.map(({ name, kind }) => `${kind} ${name}`)).toEqual([
      'SCALAR DateTime',
      'UNION Origin',
      'OBJECT Query',
      'ENUM Role',
      'OBJECT Subscription',
      'OBJECT User',
      'OBJECT UserEvent',
    ]);
    expect(reference.types.find(({ name }) => name === 'Origin')!.possibleTypes).toEqual(['User']);
  });

  it('gives each subscription an example event shaped like its type, not entering a type twice on a path', () => {
    const [, , subscription] = buildApiReference(api, subgraphs).operations;
    expect(subscription!.example).toEqual({
      data: {
        userChanged: {
          __typename: 'UserEvent',
          user: {
            __typename: 'User',
            id: expect.any(String),
            email: 'ada@example.com',
            role: 'VIEWER',
            since: '2026-03-14T09:30:00.000Z',
          },
          at: '2026-03-14T09:30:00.000Z',
          origin: {
            __typename: 'User',
            id: expect.any(String),
            email: 'ada@example.com',
            role: 'VIEWER',
            since: '2026-03-14T09:30:00.000Z',
          },
        },
      },
    });
  });

  it('refuses a root field that declares no access, or one no subgraph declares', () => {
    expect(() => rootFieldAccess([{ name: 'x', typeDefs: parse('type Query { open: Int }') }])).toThrow(
      'Query.open (x) has neither @authz nor @public',
    );
    expect(() => buildApiReference(api, [{ name: 'x', typeDefs: parse('type Query { me: User @public }') }])).toThrow(
      'Query.users is in the API schema but in no subgraph',
    );
  });

  it('is up to date in the web app: run `npm run compose` after changing a schema.graphql', () => {
    expect(readFileSync(API_REFERENCE_FILE, 'utf8')).toBe(generateApiReference());
  });
});
