import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { fragmentsOf, operationOf } from '@switchyard/shared';

/** A field's `@listSize` (federation 2.9, cost spec v0.1) as composed into the supergraph. */
export interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

/** `Type.field` → its declared list size. */
export type ListSizes = ReadonlyMap<string, ListSize>;

/** Page arguments by convention (every connection here takes `first`, some `last`). */
const PAGE_ARGUMENTS = ['first', 'last'];
// What a write costs beyond the objects it returns (Apollo's demand control uses 10).
const MUTATION_WEIGHT = 10;

/** Reads every `@listSize` the subgraphs declared from the composed supergraph. */
export function listSizesOf(supergraphSdl: string): ListSizes {
  const sizes = new Map<string, ListSize>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION
    )
      continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'listSize');
      if (!directive) continue;
      const args = Object.fromEntries(
        (directive.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value)]),
      );
      sizes.set(`${definition.name.value}.${field.name.value}`, args as ListSize);
    }
  }
  return sizes;
}

/**
 * The estimated cost of an operation, in objects the subgraphs would fetch: every field of an
 * object type costs 1 (scalars are free), multiplied by how many of it there are. A list's size is
 * the page it asks for (`first`/`last`, or the slicing arguments its `@listSize` names: literal,
 * variable, the variable's default or the argument's default), else its declared `assumedSize`,
 * else `defaultListSize`. A paged field that returns a connection sizes its list fields (`edges`,
 * `nodes`, or `@listSize(sizedFields:)`). Each root field of a mutation adds MUTATION_WEIGHT.
 * Fragments are costed once per type and size, so a fragment bomb costs linear time to estimate.
 */
export function operationCost(args: {
  schema: GraphQLSchema;
  listSizes: ListSizes;
  defaultListSize: number;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}): number {
  const { schema, listSizes, defaultListSize, document } = args;
  const operation = operationOf(document, args.operationName);
  if (!operation) return 0;
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  const fragments = fragmentsOf(document);
  const variables = { ...defaultsOf(operation.variableDefinitions ?? []), ...(args.variables ?? {}) };
  const memo = new Map<string, number>();

  const argumentValue = (node: FieldNode, field: GraphQLField<unknown, unknown>, name: string): number | null => {
    const argument = node.arguments?.find((a) => a.name.value === name);
    // An argument whose variable was not sent takes the argument's default, as in execution.
    const sent = argument ? valueFromASTUntyped(argument.value, variables) : undefined;
    const value = sent ?? field.args.find((a) => a.name === name)?.defaultValue;
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : null;
  };

  /** The page size the field asks for, or null when it is not paged. */
  const pageSize = (node: FieldNode, field: GraphQLField<unknown, unknown>, declared?: ListSize): number | null => {
    const slicing =
      declared?.slicingArguments ?? PAGE_ARGUMENTS.filter((name) => field.args.some((a) => a.name === name));
    if (slicing.length === 0) return null;
    const sizes = slicing.map((name) => argumentValue(node, field, name)).filter((size) => size !== null);
    return sizes.length > 0 ? Math.max(...sizes) : (declared?.assumedSize ?? defaultListSize);
  };

  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, sized: Sized | null): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += costOf(selection.selectionSet, type, sized);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !type || !isCompositeType(type)) continue;
        const key = `${fragment.name.value}|${sized ? `${sized.size}:${[...sized.fields].join(',')}` : ''}`;
        if (!memo.has(key)) {
          memo.set(key, 0); // a cycle adds nothing (validation refuses it)
          memo.set(key, costOf(fragment.selectionSet, type, sized));
        }
        total += memo.get(key)!;
        continue;
      }
      if (selection.name.value.startsWith('__')) continue;
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      if (!isCompositeType(named) || !selection.selectionSet) continue;
      const declared = listSizes.get(`${parent.name}.${field.name}`);
      const isList = isListType(getNullableType(field.type));
      const page = pageSize(selection, field, declared);
      let count = 1;
      if (isList && page !== null) count = page;
      else if (sized?.fields.has(field.name)) count = sized.size;
      else if (isList) count = declared?.assumedSize ?? defaultListSize;
      const inner = !isList && page !== null ? { size: page, fields: sizedFieldsOf(named, declared) } : null;
      total += count * (1 + costOf(selection.selectionSet, named, inner));
    }
    return total;
  };

  const cost = costOf(operation.selectionSet, rootType, null);
  if (operation.operation !== 'mutation') return cost;
  const writes = operation.selectionSet.selections.filter(
    (s) => s.kind === Kind.FIELD && !s.name.value.startsWith('__'),
  );
  return cost + writes.length * MUTATION_WEIGHT;
}

interface Sized {
  size: number;
  fields: Set<string>;
}

/** The list fields a page size applies to: declared, or the connection's own lists (`edges`, `nodes`). */
function sizedFieldsOf(type: GraphQLCompositeType, declared?: ListSize): Set<string> {
  if (declared?.sizedFields) return new Set(declared.sizedFields);
  if (!isObjectType(type) && !isInterfaceType(type)) return new Set();
  return new Set(
    Object.values(type.getFields())
      .filter((field) => isListType(getNullableType(field.type)))
      .map((field) => field.name),
  );
}

function defaultsOf(definitions: readonly { variable: { name: { value: string } }; defaultValue?: unknown }[]) {
  return Object.fromEntries(
    definitions
      .filter((definition) => definition.defaultValue)
      .map((definition) => [definition.variable.name.value, valueFromASTUntyped(definition.defaultValue as never)]),
  );
}
