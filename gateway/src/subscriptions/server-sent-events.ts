import type { Express, RequestHandler } from 'express';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { UnauthenticatedError, httpStatusFor, type Principal, type createErrorFormatter } from '@switchyard/shared';
import { credentialsOf, type Authenticator } from '../authenticate.ts';
import type { GatewayContext } from '../signed-data-source.ts';
import type { OperationExecutor } from './operation-executor.ts';

export const SSE_PATH = '/graphql/stream';

/**
 * The graphql-sse protocol ("distinct connections" mode) for clients that cannot use websockets,
 * on /graphql/stream with the same credentials as HTTP. A stream whose credential is revoked ends
 * with an UNAUTHENTICATED error within `reauthIntervalMs`.
 */
export function mountServerSentEvents(
  app: Express,
  deps: { schema: GraphQLSchema; executor: OperationExecutor; authenticate: Authenticator; formatError: ReturnType<typeof createErrorFormatter>; reauthIntervalMs: number },
) {
  const authenticated: RequestHandler = async (req, res, next) => {
    try {
      const principal = await deps.authenticate(credentialsOf(req));
      if (!principal) throw new UnauthenticatedError();
      res.locals.context = { principal, requestId: req.requestId, clientIp: req.ip ?? null, userAgent: req.get('user-agent') ?? null } satisfies GatewayContext;
      next();
    } catch (error) {
      const { message, extensions } = error as GraphQLError;
      res.status(httpStatusFor(extensions?.code) ?? 500).json({ errors: [{ message, extensions: { code: extensions?.code ?? 'INTERNAL_SERVER_ERROR' } }] });
    }
  };

  const handler = createHandler<{ context: GatewayContext; recheck: () => Promise<Principal | null> }>({
    schema: deps.schema,
    authenticate: () => null,
    context: (req) => {
      const raw = req.raw;
      return { context: req.context.res.locals.context as GatewayContext, recheck: () => deps.authenticate(credentialsOf(raw)) };
    },
    execute: (args) => deps.executor.execute({ document: args.document, operationName: args.operationName, variables: args.variableValues as Record<string, unknown>, context: args.contextValue.context }),
    subscribe: (args) =>
      endWhenRevoked(
        deps.executor.subscribe({ document: args.document, operationName: args.operationName, variables: args.variableValues as Record<string, unknown>, context: args.contextValue.context }),
        args.contextValue.recheck,
        deps.reauthIntervalMs,
      ),
    // graphql-sse types onNext as returning GraphQLErrors; formatted errors serialize the same way.
    onNext: (_ctx, _req, result) =>
      result.errors ? ({ ...result, errors: result.errors.map((error) => deps.formatError(error.toJSON(), error)) } as never) : undefined,
  });

  app.use(SSE_PATH, authenticated, (req, res) => void handler(req, res));
}

/** Passes results through, and ends with UNAUTHENTICATED once the credential no longer checks out. */
function endWhenRevoked<T>(results: AsyncIterableIterator<T>, recheck: () => Promise<Principal | null>, intervalMs: number): AsyncGenerator<T> {
  let revoked = false;
  const timer = setInterval(async () => {
    const principal = await recheck().catch((error: GraphQLError) => (error.extensions?.code === 'UNAUTHENTICATED' ? null : undefined));
    if (principal === null) {
      revoked = true;
      await results.return?.();
    }
  }, intervalMs).unref();
  const passed = (async function* () {
    try {
      yield* results;
      if (revoked) yield { errors: [new UnauthenticatedError('Session revoked or expired').toJSON()] } as T;
    } finally {
      clearInterval(timer);
    }
  })();
  // A client that goes away ends the federated subscription first: this generator's own return()
  // would otherwise wait for the next event (see OperationExecutor.subscribe).
  const returnPassed = passed.return.bind(passed);
  passed.return = async (value) => {
    await results.return?.();
    return returnPassed(value);
  };
  return passed;
}
