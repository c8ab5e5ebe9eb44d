import {
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { OperationTooComplexError } from './errors.ts';

/** The shape of an operation, measured without the schema (see measureOperation). */
export interface OperationShape {
  /** Nesting of fields, the root fields at depth 1; introspection subtrees are not counted. */
  depth: number;
  /** Fields with an alias, each time it appears in the response (a fragment spread twice counts twice). */
  aliases: number;
  /** Fields selected at the root (fragments included). */
  rootFields: number;
  /** Directives applied in the operation and the fragments it spreads, counted per use. */
  directives: number;
}

export type ShapeLimits = { [K in keyof OperationShape]: number };

/**
 * graphql-js validates introspection nesting itself (MaxIntrospectionDepthRule): the explorer's
 * introspection query is about 12 fields deep and must not count against the depth of data.
 */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Counts the lexical tokens of `source` with graphql-js's own lexer, stopping one past `limit`
 * (an attacker's megabyte need not be read to the end to be refused). A syntax error stops the
 * count where it is: parsing reports it afterwards.
 */
export function countTokens(source: string, limit: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= limit && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // Syntax error: left to the parser.
  }
  return count;
}

/** The size and token limits, checked on the text before it is parsed. */
export function checkSource(
  query: string,
  limits: { maxSize: number; maxTokens: number },
): OperationTooComplexError | null {
  if (query.length > limits.maxSize) return new OperationTooComplexError('size', limits.maxSize, query.length);
  const tokens = countTokens(query, limits.maxTokens);
  return tokens > limits.maxTokens ? new OperationTooComplexError('tokens', limits.maxTokens, tokens) : null;
}

/**
 * Measures the operation that `operationName` selects in one pass over the document; each fragment
 * is measured once however often it is spread, so a fragment bomb costs linear time to measure.
 * Returns null when the operation cannot be found (validation reports that).
 */
export function measureOperation(document: DocumentNode, operationName?: string | null): OperationShape | null {
  const operation = operationOf(document, operationName);
  if (!operation) return null;
  const fragments = fragmentsOf(document);
  const measured = new Map<string, Omit<OperationShape, 'rootFields'>>();
  const inProgress = new Set<string>();

  const measure = (selectionSet: SelectionSetNode): Omit<OperationShape, 'rootFields'> => {
    let depth = 0;
    let aliases = 0;
    let directives = 0;
    for (const selection of selectionSet.selections) {
      directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases += 1;
        if (INTROSPECTION_ROOTS.has(selection.name.value)) {
          depth = Math.max(depth, 1);
          continue;
        }
        const inner = selection.selectionSet
          ? measure(selection.selectionSet)
          : { depth: 0, aliases: 0, directives: 0 };
        depth = Math.max(depth, 1 + inner.depth);
        aliases += inner.aliases;
        directives += inner.directives;
        continue;
      }
      const inner =
        selection.kind === Kind.INLINE_FRAGMENT ? measure(selection.selectionSet) : spread(selection.name.value);
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      directives += inner.directives;
    }
    return { depth, aliases, directives };
  };

  const spread = (name: string): Omit<OperationShape, 'rootFields'> => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown or cyclic spreads are validation errors; they add nothing here.
    if (!fragment || inProgress.has(name)) return { depth: 0, aliases: 0, directives: 0 };
    inProgress.add(name);
    const inner = measure(fragment.selectionSet);
    inProgress.delete(name);
    const result = { ...inner, directives: inner.directives + (fragment.directives?.length ?? 0) };
    measured.set(name, result);
    return result;
  };

  const shape = measure(operation.selectionSet);
  return {
    ...shape,
    directives: shape.directives + (operation.directives?.length ?? 0),
    rootFields: countRootFields(operation.selectionSet, fragments, new Map()),
  };
}

/** The first limit the shape exceeds, as the error to answer with. */
export function checkShape(shape: OperationShape, limits: Partial<ShapeLimits>): GraphQLError | null {
  for (const rule of ['depth', 'aliases', 'rootFields', 'directives'] as const) {
    const limit = limits[rule];
    if (limit !== undefined && shape[rule] > limit) return new OperationTooComplexError(rule, limit, shape[rule]);
  }
  return null;
}

export function operationOf(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}

/** Root fields, each fragment counted once per spread but walked once (memo), so a fragment bomb stays linear. */
function countRootFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countRootFields(selection.selectionSet, fragments, memo);
    else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment) continue;
      if (!memo.has(name)) {
        memo.set(name, 0); // a cycle adds nothing (validation refuses it)
        memo.set(name, countRootFields(fragment.selectionSet, fragments, memo));
      }
      count += memo.get(name)!;
    }
  }
  return count;
}
