import { parse } from 'graphql';
import { checkShape, checkSource, countTokens, measureOperation } from './operation-limits.ts';
import { SUBGRAPH_OPERATION_LIMITS, subgraphLimitError } from './subgraph-operation-limits.ts';

const shapeOf = (query: string, operationName?: string) => measureOperation(parse(query), operationName);

describe('measuring an operation', () => {
  it('measures depth, aliases, root fields and directives through fragments', () => {
    expect(shapeOf('{ me { id household { members { id } } } }')).toEqual({
      depth: 4,
      aliases: 0,
      rootFields: 1,
      directives: 0,
    });
    expect(
      shapeOf(`
        query Q @a { x: me { ...F ...F } y: me @include(if: true) { id } __typename }
        fragment F on User @b { a: id b: name }
      `),
    ).toEqual({ depth: 2, aliases: 6, rootFields: 2, directives: 4 });
  });

  it('leaves introspection out of the depth (graphql-js limits its nesting)', () => {
    expect(shapeOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')?.depth).toBe(1);
  });

  it('measures the selected operation only', () => {
    expect(shapeOf('query A { a { b { c } } } query B { a }', 'B')?.depth).toBe(1);
    expect(shapeOf('query A { a } query B { a }')).toBeNull();
  });

  it('measures a fragment bomb in linear time', () => {
    const levels = 60;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === 0 ? 'fragment F0 on T { a: id }' : `fragment F${i} on T { ...F${i - 1} ...F${i - 1} }`,
    ).join('\n');
    const shape = shapeOf(`{ t { ...F${levels - 1} } } ${fragments}`)!;
    expect(shape.aliases).toBe(2 ** (levels - 1));
    expect(checkShape(shape, { aliases: 15 })?.extensions).toEqual({
      code: 'OPERATION_TOO_COMPLEX',
      rule: 'aliases',
      limit: 15,
      measured: 2 ** (levels - 1),
    });
  });

  it('counts tokens with graphql-js, stopping just past the limit', () => {
    expect(countTokens('{ a { b } }', 100)).toBe(6);
    expect(countTokens(`{ ${'a '.repeat(100_000)} }`, 1_000)).toBe(1_001);
    expect(checkSource('{ a }', { maxSize: 3, maxTokens: 10 })?.extensions).toMatchObject({
      rule: 'size',
      measured: 5,
    });
    expect(checkSource('{ a }', { maxSize: 100, maxTokens: 10 })).toBeNull();
  });
});

describe("a subgraph's own limits", () => {
  const nest = (levels: number) => '{ a '.repeat(levels) + '{ b }' + ' }'.repeat(levels);

  it('refuses operations deeper or longer than it accepts, on any transport', () => {
    expect(subgraphLimitError(`subscription ${nest(SUBGRAPH_OPERATION_LIMITS.depth - 1)}`)).toBeNull();
    expect(subgraphLimitError(`subscription ${nest(SUBGRAPH_OPERATION_LIMITS.depth)}`)?.extensions).toMatchObject({
      code: 'OPERATION_TOO_COMPLEX',
      rule: 'depth',
    });
    expect(subgraphLimitError(`{ ${'a '.repeat(SUBGRAPH_OPERATION_LIMITS.maxTokens)} }`)?.extensions).toMatchObject({
      rule: 'tokens',
    });
    expect(subgraphLimitError('{ unparsable')).toBeNull();
  });
});
