import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type FragmentDefinitionNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import { ServiceUnavailableError } from '@switchyard/shared';
import type { GatewayContext } from './context.ts';

/** What a failed fetch becomes: the subgraph's own words when it sent them, else the breaker's. */
interface Unavailability {
  message: string;
  retryAfterSeconds?: number;
}

/**
 * Makes a subgraph that cannot answer cost only the fields it serves, each with an error at its path.
 *
 * When a fetch throws (the subgraph's breaker is open, it cannot be reached, or it answered with a
 * 5xx), @apollo/gateway records the thrown error without a `path`, so a client cannot tell which
 * fields are missing. Answering the fetch instead with one error per field it would have filled,
 * with paths in the subgraph's response (`_entities.<i>.<field>` for entity fetches), lets the
 * gateway's executor translate them into paths of the client's response as it does for any
 * subgraph error, and add `extensions.serviceName` (the subgraph's stable name, e.g. "hardware").
 * The fields are null then; the rest of the response is unaffected where those fields are nullable.
 *
 * Other failures (a 4xx from a subgraph means a bug in the gateway, not an outage) stay as they are.
 */
export function withFieldErrorsWhenUnavailable(
  source: GraphQLDataSource<GatewayContext>,
): GraphQLDataSource<GatewayContext> {
  return {
    async process(options) {
      try {
        return await source.process(options);
      } catch (error) {
        const unavailable = unavailability(error);
        if (!unavailable) throw error;
        return { errors: fieldErrors(options, unavailable) };
      }
    },
  };
}

function unavailability(error: unknown): Unavailability | undefined {
  if (error instanceof ServiceUnavailableError) return fromExtensions(error.message, error.extensions);
  // RemoteGraphQLDataSource's error for a non-2xx answer keeps the status and the parsed body.
  const response = (error as { extensions?: { response?: { status?: unknown; body?: unknown } } }).extensions?.response;
  if (typeof response?.status !== 'number' || response.status < 500) return undefined;
  const reported = (response.body as { errors?: GraphQLFormattedError[] } | undefined)?.errors?.find(
    (e) => e.extensions?.code === 'SERVICE_UNAVAILABLE',
  );
  return reported
    ? fromExtensions(reported.message, reported.extensions ?? {})
    : { message: `The subgraph answered with HTTP ${response.status}` };
}

function fromExtensions(message: string, extensions: Record<string, unknown>): Unavailability {
  const retryAfter = extensions.retryAfterSeconds;
  return typeof retryAfter === 'number' ? { message, retryAfterSeconds: retryAfter } : { message };
}

/** One error per field the fetch asked for, at its path in the subgraph's response. */
function fieldErrors(
  options: GraphQLDataSourceProcessOptions<GatewayContext>,
  { message, retryAfterSeconds }: Unavailability,
): GraphQLFormattedError[] {
  const extensions = {
    code: 'SERVICE_UNAVAILABLE',
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
  const paths = pathsOfFetch(options);
  // A fetch for nothing but __typename has no field to blame; the error must not be lost.
  return paths.length > 0 ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }];
}

function pathsOfFetch(options: GraphQLDataSourceProcessOptions<GatewayContext>): (string | number)[][] {
  const document = ('document' in options && options.document) || parse(options.request.query ?? '{}');
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const representations = options.request.variables?.representations;
  const entities = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  if (entities?.kind === Kind.FIELD && entities.selectionSet && Array.isArray(representations)) {
    const selection = entities.selectionSet;
    return representations.flatMap((representation: { __typename?: string }, index) =>
      responseKeys(selection, fragments, representation.__typename).map((key) => ['_entities', index, key]),
    );
  }
  return responseKeys(operation.selectionSet, fragments, undefined).map((key) => [key]);
}

/** The response keys a selection set asks for on an object of `typename` (every type's, if undefined). */
function responseKeys(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  typename: string | undefined,
): string[] {
  const keys = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') keys.add(selection.alias?.value ?? selection.name.value);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      const condition = fragment?.typeCondition?.name.value;
      if (fragment && (!typename || !condition || condition === typename)) visit(fragment.selectionSet);
    }
  };
  visit(selectionSet);
  return [...keys];
}
