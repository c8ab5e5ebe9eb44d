import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import cors from 'cors';
import type { RequestHandler } from 'express';
import {
  GraphQLError,
  Kind,
  execute,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { withHttpStatus } from '@switchyard/shared';
import type { GatewayContext } from './context.ts';
import { SSE_PATH } from './subscriptions/server-sent-events.ts';
import type { ErrorFormatter } from './subscriptions/results.ts';

/**
 * A subscription sent as a plain HTTP request is a client mistake, not a server failure (Apollo
 * Gateway would answer 500): a 400 that says where subscriptions are served.
 */
export function subscriptionsElsewherePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw withHttpStatus(
            new GraphQLError(
              `Subscriptions are served over websockets (graphql-transport-ws on this URL) and Server-Sent Events (${SSE_PATH}), not over plain HTTP requests`,
              { extensions: { code: ApolloServerErrorCode.BAD_REQUEST } },
            ),
          );
        },
      };
    },
  };
}

/**
 * Operations that only introspect (`__schema`, `__type`, `__typename` at the root) are answered
 * here with graphql-js over the API schema. Apollo Gateway plans them with the federation
 * library's own model of the introspection types, which lags behind graphql-js (no `isOneOf`,
 * which `getIntrospectionQuery({ oneOf: true })` asks for) and fails with a 500. Whether
 * introspection is allowed at all was decided by validation before this point.
 */
export function localIntrospectionPlugin(formatError: ErrorFormatter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, operationName, request, contextValue }) {
          if (!onlyIntrospects(operation.selectionSet, fragmentsOf(document))) return null;
          const result = await execute({
            schema,
            document,
            operationName,
            variableValues: request.variables,
            contextValue,
          });
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: {
              kind: 'single',
              singleResult: {
                ...result,
                ...(result.errors ? { errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : {}),
              },
            },
          };
        },
      };
    },
  };
}

/**
 * CORS for browsers on other origins, only those listed (`CORS_ORIGINS`); none by default. No
 * cookies are involved (credentials are headers), so none are allowed.
 */
export function corsFor(origins: readonly string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  return cors({
    origin: [...origins],
    methods: ['GET', 'POST'],
    exposedHeaders: ['x-request-id', 'traceparent', 'www-authenticate', 'retry-after', 'content-disposition'],
    maxAge: 600,
  });
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

function onlyIntrospects(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visited = new Set<string>(),
): boolean {
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return onlyIntrospects(selection.selectionSet, fragments, visited);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || visited.has(name)) return false;
    visited.add(name);
    return onlyIntrospects(fragment.selectionSet, fragments, visited);
  });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}
