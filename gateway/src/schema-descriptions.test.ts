import { Supergraph } from '@apollo/federation-internals';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { readSupergraph } from './supergraph.ts';

/**
 * Every type, field, argument, enum value and input field of `schema` that has no description,
 * as `Type`, `Type.field`, `Type.field(argument:)` or `Enum.VALUE`. Built-in scalars and
 * introspection types are GraphQL's own and documented by the spec.
 */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, path: string) => {
    if (!description?.trim()) missing.push(path);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
        for (const argument of field.args) check(argument.description, `${type.name}.${field.name}(${argument.name}:)`);
      }
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) check(field.description, `${type.name}.${field.name}`);
    if (isEnumType(type)) for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
  }
  return missing.sort();
}

describe('descriptions of the public API', () => {
  it('lists every undescribed type, field, argument, input field and enum value', () => {
    const schema = buildSchema(`
      "Root." type Query { "Documented." a(x: Int): Kind b: In }
      enum Kind { "One." ONE TWO }
      "Input." input In { c: Int }
      scalar Instant
    `);
    expect(undescribed(schema)).toEqual(['In.c', 'Instant', 'Kind', 'Kind.TWO', 'Query.a(x:)', 'Query.b']);
  });

  // The API schema is what clients introspect: the supergraph without join__/link__ machinery,
  // _Entity/_Service or @inaccessible elements.
  it('describes everything a client of the gateway sees', () => {
    const api = Supergraph.build(readSupergraph()).apiSchema().toGraphQLJSSchema();
    const missing = undescribed(api);
    if (missing.length > 0)
      throw new Error(
        `${missing.length} public schema elements have no description; add one in the owning subgraph's schema.graphql:\n  ${missing.join('\n  ')}`,
      );
  });
});
