// The web app's API reference and event catalogue (web/src/lib/api/generated/reference.json), written by
// `npm run compose` with the supergraph: every type of the API schema (what clients introspect),
// and for each root field the access its subgraph declares with @authz/@public. Those directives
// live in the subgraphs' SDL only (composition drops them), so both sources are read here.
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import {
  API_ROOT_TYPES as ROOT_TYPES,
  SUBGRAPHS,
  readRequirement,
  type Access,
  type ApiReference,
  type ArgumentDoc,
  type FieldDoc,
  type OperationDoc,
  type TypeDoc,
} from '@switchyard/shared';
import {
  Kind,
  astFromValue,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  parse,
  print,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { readSupergraph } from './supergraph.ts';

/** Where the web app imports it from. */
export const API_REFERENCE_FILE = new URL('../../web/src/lib/api/generated/reference.json', import.meta.url);

/** The access each root field declares, by `Type.field`, from the subgraphs' SDL. */
export function rootFieldAccess(subgraphs: { name: string; typeDefs: DocumentNode }[]) {
  const access = new Map<string, { subgraph: string; access: Access }>();
  for (const { name, typeDefs } of subgraphs)
    for (const definition of typeDefs.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      if (!(ROOT_TYPES as readonly string[]).includes(definition.name.value)) continue;
      for (const field of definition.fields ?? []) {
        const coordinate = `${definition.name.value}.${field.name.value}`;
        const requirement = readRequirement(coordinate, field.directives);
        const isPublic = field.directives?.some((d) => d.name.value === 'public') ?? false;
        if (!requirement && !isPublic) throw new Error(`${coordinate} (${name}) has neither @authz nor @public`);
        access.set(coordinate, {
          subgraph: name,
          access: requirement ? { public: false, ...requirement } : { public: true },
        });
      }
    }
  return access;
}

export function buildApiReference(
  api: GraphQLSchema,
  subgraphs: { name: string; typeDefs: DocumentNode }[],
): ApiReference {
  const access = rootFieldAccess(subgraphs);
  const roots = { Query: api.getQueryType(), Mutation: api.getMutationType(), Subscription: api.getSubscriptionType() };
  const operations = ROOT_TYPES.flatMap((rootType) => {
    const type = roots[rootType];
    return Object.values(type?.getFields() ?? {}).map((field): OperationDoc => {
      const declared = access.get(`${rootType}.${field.name}`);
      if (!declared) throw new Error(`${rootType}.${field.name} is in the API schema but in no subgraph's SDL`);
      return {
        ...fieldDoc(field),
        rootType,
        ...declared,
        example: rootType === 'Subscription' ? { data: { [field.name]: exampleOf(field.type, field.name, []) } } : null,
      };
    });
  });
  const types = Object.values(api.getTypeMap())
    .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((type): TypeDoc => {
      const fields =
        isObjectType(type) || isInterfaceType(type)
          ? Object.values(type.getFields()).map(fieldDoc)
          : isInputObjectType(type)
            ? Object.values(type.getFields()).map(inputFieldDoc)
            : [];
      return {
        name: type.name,
        kind: isObjectType(type)
          ? 'OBJECT'
          : isInterfaceType(type)
            ? 'INTERFACE'
            : isUnionType(type)
              ? 'UNION'
              : isEnumType(type)
                ? 'ENUM'
                : isInputObjectType(type)
                  ? 'INPUT_OBJECT'
                  : 'SCALAR',
        description: type.description ?? '',
        fields,
        values: isEnumType(type)
          ? type.getValues().map((value) => ({
              name: value.name,
              description: value.description ?? '',
              deprecationReason: value.deprecationReason ?? null,
            }))
          : [],
        possibleTypes:
          isUnionType(type) || isInterfaceType(type) ? api.getPossibleTypes(type).map(({ name }) => name) : [],
        interfaces: isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().map(({ name }) => name) : [],
      };
    });
  return { operations, types };
}

function fieldDoc(field: GraphQLField<unknown, unknown>): FieldDoc {
  return {
    name: field.name,
    description: field.description ?? '',
    type: String(field.type),
    args: field.args.map(argumentDoc),
    deprecationReason: field.deprecationReason ?? null,
  };
}

function inputFieldDoc(field: GraphQLInputField): FieldDoc {
  return { ...argumentDoc(field), args: [], deprecationReason: field.deprecationReason ?? null };
}

function argumentDoc(argument: GraphQLArgument | GraphQLInputField): ArgumentDoc {
  const defaultValue = argument.defaultValue === undefined ? null : astFromValue(argument.defaultValue, argument.type);
  return {
    name: argument.name,
    description: argument.description ?? '',
    type: String(argument.type),
    defaultValue: defaultValue ? print(defaultValue) : null,
  };
}

/** Objects nested deeper than this are left out of an example: a subscriber rarely selects them. */
const EXAMPLE_DEPTH = 3;
const EXAMPLE_INSTANT = '2026-03-14T09:30:00.000Z';

/**
 * A plausible value of `type` for a field called `name`: one element per list, the first value of
 * an enum, the first member of a union, each object's fields down to EXAMPLE_DEPTH
 * (a type already on the path is not entered again). Optional objects are shown present.
 */
export function exampleOf(type: GraphQLOutputType, name: string, path: string[]): unknown {
  if (isNonNullType(type)) return exampleOf(type.ofType, name, path);
  if (isListType(type)) return [exampleOf(type.ofType, name, path)];
  if (isEnumType(type)) return type.getValues()[0]?.name ?? null;
  if (isScalarType(type)) return scalarExample(type.name, name);
  if (isUnionType(type)) return exampleOf(type.getTypes()[0]!, name, path);
  const here = [...path, type.name];
  const entries: [string, unknown][] = [['__typename', type.name]];
  for (const field of Object.values(type.getFields())) {
    const fieldType = getNamedType(field.type);
    const nested = isObjectType(fieldType) || isInterfaceType(fieldType) || isUnionType(fieldType);
    if (nested && (here.length >= EXAMPLE_DEPTH || here.includes(fieldType.name))) continue;
    entries.push([field.name, exampleOf(field.type, field.name, here)]);
  }
  return Object.fromEntries(entries);
}

function scalarExample(scalar: string, field: string): unknown {
  switch (scalar) {
    case 'ID':
      return '0b7c4d2e-5f1a-4c3b-9d8e-7a6f5e4d3c2b';
    case 'Int':
      return 1;
    case 'Float':
      return 21.5;
    case 'Boolean':
      return true;
    case 'DateTime':
      return EXAMPLE_INSTANT;
    case 'Date':
      return EXAMPLE_INSTANT.slice(0, 10);
    case 'String':
      if (/email/i.test(field)) return 'ada@example.com';
      if (/url/i.test(field)) return 'https://example.com/';
      return `Example ${field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
    default:
      return null;
  }
}

/** The reference of the checked-in supergraph and the subgraphs' schema.graphql files. */
export function generateApiReference(): string {
  const api = Supergraph.build(readSupergraph()).apiSchema().toGraphQLJSSchema();
  const subgraphs = SUBGRAPHS.map(({ name }) => ({
    name,
    typeDefs: parse(readFileSync(new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url), 'utf8')),
  }));
  return `${JSON.stringify(buildApiReference(api, subgraphs), null, 2)}\n`;
}
