import { buildSchema, parse } from 'graphql';
import { listSizesOf, operationCost } from './operation-cost.ts';

const sdl = `
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!]) on FIELD_DEFINITION
  type Query {
    stores(first: Int = 50, after: String): StoreConnection!
    hubs: [Hub!]! @listSize(assumedSize: 5)
    tags: [String!]!
    recent(count: Int = 3): [Store!]! @listSize(slicingArguments: ["count"])
    me: Store
  }
  type Mutation { rename(name: String!): Store! }
  type StoreConnection { edges: [StoreEdge!]! totalCount: Int! }
  type StoreEdge { node: Store! }
  type Store { id: ID! name: String! hub: Hub devices: [Device!]! }
  type Hub { id: ID! devices: [Device!]! @listSize(assumedSize: 100) }
  type Device { id: ID! hub: Hub }
`;
const schema = buildSchema(sdl);
const listSizes = listSizesOf(sdl);
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost({ schema, listSizes, defaultListSize: 20, document: parse(query), variables });

describe('the estimated cost of an operation', () => {
  it('counts objects, not scalars', () => {
    expect(cost('{ me { id name } }')).toBe(1);
    expect(cost('{ me { id hub { id } } }')).toBe(2);
    expect(cost('{ tags }')).toBe(0);
  });

  it('multiplies a connection by the page it asks for, from a literal, a variable or a default', () => {
    // the connection itself, then per edge: the edge and its node
    expect(cost('{ stores(first: 10) { edges { node { id } } } }')).toBe(1 + 10 * 2);
    expect(cost('query ($n: Int) { stores(first: $n) { edges { node { id } } } }', { n: 100 })).toBe(1 + 100 * 2);
    expect(cost('query ($n: Int = 7) { stores(first: $n) { edges { node { id } } } }')).toBe(1 + 7 * 2);
    // a variable not sent takes the argument's default, as in execution
    expect(cost('query ($n: Int) { stores(first: $n) { edges { node { id } } } }')).toBe(1 + 50 * 2);
    expect(cost('{ stores { totalCount } }')).toBe(1);
  });

  it('sizes unpaged lists by their declared estimate, else by the default', () => {
    expect(cost('{ hubs { id } }')).toBe(5);
    expect(cost('{ me { devices { id } } }')).toBe(1 + 20);
    expect(cost('{ hubs { devices { id } } }')).toBe(5 * (1 + 100));
    expect(cost('{ recent(count: 4) { id } }')).toBe(4);
    expect(cost('{ recent { id } }')).toBe(3);
  });

  it('grows with each level of a nested list (the depth attack)', () => {
    const two = cost('{ hubs { devices { hub { devices { id } } } } }');
    expect(two).toBe(5 * (1 + 100 * (1 + 1 * (1 + 100))));
    expect(cost('{ hubs { devices { hub { devices { hub { devices { id } } } } } } }')).toBeGreaterThan(100 * two);
  });

  it('counts fragments and aliases each time they appear', () => {
    const once = cost('{ hubs { ...H } } fragment H on Hub { devices { id } }');
    expect(once).toBe(5 * 101);
    expect(cost('{ a: hubs { ...H } b: hubs { ...H } } fragment H on Hub { devices { id } }')).toBe(2 * once);
    expect(cost('{ stores(first: 2) { ...C } } fragment C on StoreConnection { edges { node { id } } }')).toBe(5);
  });

  it('weighs each mutation field as a write', () => {
    expect(cost('mutation { rename(name: "x") { id } }')).toBe(1 + 10);
  });

  it('estimates a fragment bomb in linear time', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === 0
        ? 'fragment F0 on Hub { id devices { id } }'
        : `fragment F${i} on Hub { ...F${i - 1} devices { hub { ...F${i - 1} } } }`,
    ).join('\n');
    const started = performance.now();
    expect(cost(`{ hubs { ...F${levels - 1} } } ${fragments}`)).toBeGreaterThan(1e30);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
