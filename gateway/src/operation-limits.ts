import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { RequestHandler } from 'express';
import {
  GraphQLError,
  Kind,
  getNamedType,
  isIntrospectionType,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql';
import {
  OperationTooComplexError,
  checkShape,
  checkSource,
  measureOperation,
  withHttpStatus,
  type Principal,
} from '@switchyard/shared';
import type { GatewayContext } from './context.ts';
import { sendHttpError } from './http-errors.ts';
import { listSizesOf, operationCost } from './operation-cost.ts';

export interface OperationLimits {
  maxSize: number;
  maxTokens: number;
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  /** null: no cost limit, and no estimate. */
  cost: number | null;
  defaultListSize: number;
}

/** Who may introspect the schema and read "Did you mean …?" suggestions in validation errors. */
export type SchemaDisclosure = 'everyone' | 'signed-in' | 'off';

/**
 * The operation limits every transport applies before planning: size and tokens on the text,
 * then depth, aliases, root fields, directives and estimated cost on the parsed operation. Refusals
 * are OPERATION_TOO_COMPLEX with `rule`, `limit` and `measured`.
 */
export function createOperationLimits({
  limits,
  schema,
  supergraphSdl,
}: {
  limits: OperationLimits;
  schema: GraphQLSchema;
  supergraphSdl: string;
}) {
  const listSizes = listSizesOf(supergraphSdl);

  const checkText = (query: string) => checkSource(query, limits);

  /** The refusal of an operation beyond a limit, or its estimated cost (what rate limits charge). */
  function checkOperation(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): OperationCheck {
    const shape = measureOperation(document, operationName);
    if (!shape) return { cost: 0 };
    const refused = checkShape(shape, limits);
    if (refused) return { refused };
    // No cost limit (another team's supergraph): nothing to estimate; rate limits charge 1 per operation.
    if (limits.cost === null) return { cost: 0 };
    const cost = operationCost({
      schema,
      listSizes,
      defaultListSize: limits.defaultListSize,
      document,
      operationName,
      variables,
    });
    return cost > limits.cost ? { refused: new OperationTooComplexError('cost', limits.cost, cost) } : { cost };
  }

  return {
    checkText,
    checkOperation,

    /** HTTP: the text limits before Apollo parses (graphql-ws and SSE check in prepare-operation). */
    textLimits: ((req, res, next) => {
      const query: unknown = req.method === 'GET' ? req.query.query : req.body?.query;
      const refused = typeof query === 'string' ? checkText(query) : null;
      if (refused) return void sendHttpError(res, refused, req.log);
      next();
    }) satisfies RequestHandler,

    /**
     * Every operation Apollo runs (HTTP, and queries and mutations from websockets and event
     * streams): the operation limits once it is parsed and validated, before it is planned, then
     * `admit` (the rate limits) with the operation's cost; it throws to refuse.
     */
    plugin(admit: Admission): ApolloServerPlugin<GatewayContext> {
      return {
        async requestDidStart() {
          return {
            async didResolveOperation(requestContext) {
              const { document, operationName, request } = requestContext;
              const checked = checkOperation(document, operationName, request.variables);
              if (checked.refused) throw withHttpStatus(checked.refused);
              await admit(checked.cost, requestContext);
            },
          };
        },
      };
    },
  };
}

export type OperationCheck = { refused: GraphQLError; cost?: never } | { refused?: never; cost: number };

/** What runs once an operation passed the limits (Apollo runs plugins' hooks concurrently, so it is called from here). */
export type Admission = (
  cost: number,
  requestContext: GraphQLRequestContextDidResolveOperation<GatewayContext>,
) => Promise<void>;

export type OperationLimiter = ReturnType<typeof createOperationLimits>;

export function disclosesSchemaTo(policy: SchemaDisclosure, principal: Principal | null): boolean {
  return policy === 'everyone' || (policy === 'signed-in' && principal !== null);
}

/** Apollo's own wording of a suggestion, as its DisableSuggestions plugin removes it. */
export function withoutSuggestions<E extends Error>(error: E): E {
  error.message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
  return error;
}

/**
 * The introspection errors of a document for a caller who may not see the schema. One lookup
 * stays open: the name and kind of a type the caller names (`__type(name: "X") { name kind }`),
 * which tells nothing beyond whether that name exists. It is what GraphQL-over-HTTP conformance
 * tools (the graphql-http audit) send; fields, arguments and the list of types stay closed.
 */
export function introspectionErrors(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  // Apollo hands every request of one query text the same cached document, so each is walked once.
  const known = introspectionChecked.get(document);
  if (known?.schema === schema) return known.errors;
  const errors = validate(schema, document, [closedIntrospectionRule]);
  introspectionChecked.set(document, { schema, errors });
  return errors;
}

const introspectionChecked = new WeakMap<DocumentNode, { schema: GraphQLSchema; errors: readonly GraphQLError[] }>();

const TYPE_IDENTITY = new Set(['name', 'kind', '__typename']);

function closedIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      const type = context.getType();
      if (!type || !isIntrospectionType(getNamedType(type))) return undefined;
      const identityOnly = node.selectionSet?.selections.every(
        (selection) => selection.kind === Kind.FIELD && TYPE_IDENTITY.has(selection.name.value),
      );
      if (node.name.value === '__type' && identityOnly) return false;
      context.reportError(
        new GraphQLError(
          `Introspection is available to signed-in callers; the operation asks for "${node.name.value}"`,
          { nodes: node },
        ),
      );
      return false;
    },
  };
}

/**
 * Introspection and suggestions for the callers `policy` allows, on every operation Apollo runs:
 * Apollo's own switches are all-or-nothing, this one reads the caller.
 */
export function schemaDisclosurePlugin(policy: SchemaDisclosure): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (disclosesSchemaTo(policy, contextValue.principal)) return;
      return {
        async validationDidStart() {
          return async (errors) => void errors?.forEach(withoutSuggestions);
        },
        async didResolveOperation({ schema, document }) {
          const [refused] = introspectionErrors(schema, document);
          if (refused) {
            throw withHttpStatus(
              new GraphQLError(refused.message, {
                extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED },
              }),
            );
          }
        },
      };
    },
  };
}
