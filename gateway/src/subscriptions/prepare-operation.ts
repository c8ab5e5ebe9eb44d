import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  OperationTypeNode,
} from 'graphql';
import { BadUserInputError } from '@switchyard/shared';
import type { GatewayContext } from '../context.ts';
import {
  disclosesSchemaTo,
  introspectionErrors,
  withoutSuggestions,
  type OperationLimiter,
  type SchemaDisclosure,
} from '../operation-limits.ts';
import type { RateLimits } from '../rate-limits.ts';
import type { TrustedDocuments } from '../trusted-documents.ts';
import { decodeEventCursor, type EventCursor } from './event-cursor.ts';
import type { OperationRoot } from './operation-executor.ts';

const DOCUMENT_CACHE_LIMIT = 1_000;

/** What a client sends over a streaming transport (graphql-ws `subscribe`, a graphql-sse request). */
export interface OperationRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  /** APQ's `persistedQuery` (a registered document by hash, with an empty `query`); `cursor` to resume a subscription. */
  extensions?: unknown;
}

export interface PreparedOperation {
  document: DocumentNode;
  operationName: string | undefined;
  operationType: OperationTypeNode;
  variables: Record<string, unknown>;
  /** A subscription's resume point: it starts right after the event this cursor came with. */
  resumeAfter: EventCursor | null;
}

export type Preparation =
  { operation: PreparedOperation; errors?: never } | { errors: GraphQLError[]; operation?: never };

/**
 * Parses, validates and checks the variables of an operation that arrived over a websocket or an
 * event stream, with the rules, limits and error codes applied on /graphql: OPERATION_TOO_COMPLEX,
 * GRAPHQL_PARSE_FAILED, UNREGISTERED_DOCUMENT (trusted documents), GRAPHQL_VALIDATION_FAILED,
 * OPERATION_RESOLUTION_FAILURE, BAD_USER_INPUT, PERSISTED_QUERY_NOT_FOUND and
 * PERSISTED_QUERY_HASH_MISMATCH (a document by hash); and a subscription's charge to its caller's
 * rate limit (RATE_LIMITED).
 * The errors belong to this one operation; the connection and its other operations go on.
 */
export function createOperationPreparer({
  schema,
  limits,
  disclosure,
  rateLimits,
  trusted,
}: {
  schema: GraphQLSchema;
  limits: OperationLimiter;
  disclosure: SchemaDisclosure;
  rateLimits: Pick<RateLimits, 'admitSubscription'>;
  trusted: Pick<TrustedDocuments, 'check' | 'resolveQuery'>;
}) {
  // Thousands of clients subscribe with the same few documents: each is parsed and validated once,
  // and its subscribers share one document (which also lets shared executions and the planner
  // recognise it without printing it again).
  const documents = new Map<
    string,
    { document: DocumentNode; invalid: readonly GraphQLError[] } | { parseError: GraphQLError }
  >();
  function parseAndValidate(query: string) {
    const known = documents.get(query);
    if (known) return known;
    let entry;
    try {
      const document = parse(query);
      entry = { document, invalid: validate(schema, document, specifiedRules) };
    } catch (error) {
      entry = { parseError: error as GraphQLError };
    }
    if (documents.size >= DOCUMENT_CACHE_LIMIT) documents.delete(documents.keys().next().value!);
    documents.set(query, entry);
    return entry;
  }

  return async function prepare(sent: OperationRequest, context: GatewayContext): Promise<Preparation> {
    const { principal } = context;
    const resolved = trusted.resolveQuery(sent);
    if ('error' in resolved) return { errors: [resolved.error] };
    const request = { ...sent, query: resolved.query };
    if (typeof request.query !== 'string' || request.query.trim() === '')
      return refused('GraphQL operations must contain a non-empty `query`', ApolloServerErrorCode.BAD_REQUEST);
    if (request.operationName != null && typeof request.operationName !== 'string')
      return refused('`operationName` must be a string', ApolloServerErrorCode.BAD_REQUEST);
    if (request.variables != null && (typeof request.variables !== 'object' || Array.isArray(request.variables)))
      return refused('`variables` must be an object', ApolloServerErrorCode.BAD_REQUEST);
    const tooBig = limits.checkText(request.query);
    if (tooBig) return { errors: [tooBig] };

    const parsed = parseAndValidate(request.query);
    if ('parseError' in parsed)
      return { errors: [coded(parsed.parseError, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED)] };
    const { document, invalid } = parsed;
    const untrusted = trusted.check(request.query, document, principal);
    if (untrusted) return { errors: [untrusted] };
    const disclosed = disclosesSchemaTo(disclosure, principal);
    if (invalid.length > 0) {
      return {
        errors: invalid.map((error) =>
          coded(disclosed ? error : withoutSuggestions(error), ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED),
        ),
      };
    }
    if (!disclosed) {
      const introspecting = introspectionErrors(schema, document);
      if (introspecting.length > 0)
        return { errors: introspecting.map((error) => coded(error, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED)) };
    }

    const operationName = (request.operationName as string | null | undefined) ?? undefined;
    const definition = getOperationAST(document, operationName);
    if (!definition) {
      return refused(
        operationName
          ? `Unknown operation named "${operationName}"`
          : 'Must provide operation name if query contains multiple operations',
        ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
      );
    }
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], variables);
    if (coerced.errors)
      return { errors: coerced.errors.map((error) => coded(error, ApolloServerErrorCode.BAD_USER_INPUT)) };
    const checked = limits.checkOperation(document, operationName, variables);
    if (checked.refused) return { errors: [checked.refused] };
    const sentCursor = (sent.extensions as { cursor?: unknown } | null | undefined)?.cursor;
    const resumeAfter = sentCursor == null ? null : decodeEventCursor(sentCursor);
    if (sentCursor != null && !resumeAfter)
      return { errors: [new BadUserInputError('extensions.cursor', 'This cursor is not one this API gave out')] };
    // Queries and mutations pay when Apollo runs them, as over HTTP; a subscription pays once, here.
    if (definition.operation === OperationTypeNode.SUBSCRIPTION) {
      const limited = await rateLimits.admitSubscription(context, checked.cost);
      if (limited) return { errors: [limited] };
    }
    // The raw values go on, as they do over HTTP: subgraphs coerce them again with their own scalars.
    return { operation: { document, operationName, operationType: definition.operation, variables, resumeAfter } };
  };
}

export type OperationPreparer = ReturnType<typeof createOperationPreparer>;

/** What a transport runs for a prepared operation; the root value carries the operation's own inputs (OperationRoot). */
export function executionArgsOf<TContext>(
  schema: GraphQLSchema,
  operation: PreparedOperation,
  contextValue: TContext,
): ExecutionArgs & { contextValue: TContext } {
  const rootValue: OperationRoot = { resumeAfter: operation.resumeAfter };
  return {
    schema,
    document: operation.document,
    operationName: operation.operationName,
    variableValues: operation.variables,
    contextValue,
    rootValue,
  };
}

function refused(message: string, code: ApolloServerErrorCode): Preparation {
  return { errors: [new GraphQLError(message, { extensions: { code } })] };
}

function coded(error: GraphQLError, code: ApolloServerErrorCode): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error,
    extensions: { ...error.extensions, code },
  });
}
