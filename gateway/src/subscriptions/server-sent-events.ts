import type { Express, Request, RequestHandler, Response } from 'express';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { ForbiddenError, UnauthenticatedError, type Authenticator, type Logger } from '@switchyard/shared';
import { createContext, originOfRequest, type GatewayContext } from '../context.ts';
import type { CredentialEnd, CredentialLease, CredentialWatch } from '../credential-watch.ts';
import { sendHttpError } from '../http-errors.ts';
import { operationOf, type OperationExecutor } from './operation-executor.ts';
import { executionArgsOf, type OperationPreparer } from './prepare-operation.ts';
import { formatResult, type ErrorFormatter } from './results.ts';

export const SSE_PATH = '/graphql/stream';
const EVENT_STREAM = 'text/event-stream';

/** The last event of a stream whose credential stopped being good: what to do about it is in the code. */
const CREDENTIAL_ERRORS: Record<CredentialEnd, () => GraphQLError> = {
  revoked: () => new UnauthenticatedError('Session revoked or expired'),
  expired: () => new UnauthenticatedError('Access token expired; reconnect with a fresh one', 'TOKEN_EXPIRED'),
  permissionsChanged: () => new ForbiddenError('Permissions changed; reconnect'),
};

type Stream = {
  context: GatewayContext;
  lease: CredentialLease;
};

/**
 * The graphql-sse protocol ("distinct connections" mode: one stream per operation) for clients that
 * cannot use websockets, on /graphql/stream with the same credentials as HTTP. Each stream takes a
 * place in its user's connection limit, shared with websockets, and is held to its credential by
 * the same watch: it ends with an UNAUTHENTICATED or FORBIDDEN event when that credential stops
 * being good.
 */
export function mountServerSentEvents(
  app: Express,
  deps: {
    schema: GraphQLSchema;
    prepare: OperationPreparer;
    executor: OperationExecutor;
    authenticate: Authenticator;
    watch: CredentialWatch;
    formatError: ErrorFormatter;
    logger: Logger;
  },
) {
  const handler = createHandler<Stream>({
    schema: deps.schema,
    // No reservations ("single connection mode"): every stream carries its own operation.
    authenticate: () => null,
    // onSubscribe validated with the gateway's rules already.
    validate: () => [],
    onSubscribe: async (req, params) => {
      const stream = (req.context.res as Response).locals.stream as Stream;
      const prepared = await deps.prepare(params, stream.context);
      if (prepared.errors) return only({ errors: prepared.errors });
      return executionArgsOf(deps.schema, prepared.operation, stream);
    },
    execute: (args) => deps.executor.execute(operationOf(args, (args.contextValue as Stream).context)),
    subscribe: (args) =>
      endWhenCredentialEnds(
        deps.executor.subscribe(operationOf(args, (args.contextValue as Stream).context)),
        (args.contextValue as Stream).lease.ended,
        deps.logger,
      ),
    // graphql-sse types onNext's answer with GraphQLErrors; formatted errors serialize the same way.
    onNext: (_ctx, _req, result) => formatResult(result as ExecutionResult, deps.formatError) as never,
  });

  const acceptsEventStream: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'POST') return void res.status(405).set('allow', 'GET, POST').end();
    if (!req.accepts(EVENT_STREAM)) {
      const error = new GraphQLError(`This endpoint streams Server-Sent Events: send "Accept: ${EVENT_STREAM}"`, {
        extensions: { code: ApolloServerErrorCode.BAD_REQUEST },
      });
      return void res.status(406).json({ errors: [error.toJSON()] });
    }
    // graphql-sse recognises a stream request by this exact header; browsers and clients send variations.
    req.headers.accept = EVENT_STREAM;
    next();
  };

  const authenticated: RequestHandler = async (req, res, next) => {
    const origin = originOfRequest(req);
    try {
      const principal = await deps.authenticate(origin);
      if (!principal) throw new UnauthenticatedError();
      const lease = deps.watch.open(origin, principal);
      res.once('close', () => lease.release());
      res.locals.stream = { context: createContext(principal, origin), lease } satisfies Stream;
    } catch (error) {
      return void sendHttpError(res, error, req.log);
    }
    next();
  };

  app.use(SSE_PATH, acceptsEventStream, authenticated, (req: Request, res: Response) => {
    handler(req, res).catch((error: unknown) => {
      // A failure of one stream (a write to a closed socket…) ends that stream, never the process.
      req.log.error({ err: error }, 'event stream failed');
      if (!res.headersSent) sendHttpError(res, error, req.log);
      else res.destroy();
    });
  });
}

async function* only(result: ExecutionResult): AsyncGenerator<ExecutionResult> {
  yield result;
}

/**
 * Passes results through until the credential ends, then ends the subscription at once (even while
 * it waits for an event) and sends one last result saying why.
 */
function endWhenCredentialEnds(
  results: AsyncIterableIterator<ExecutionResult>,
  ended: Promise<CredentialEnd>,
  logger: Logger,
): AsyncIterableIterator<ExecutionResult> {
  let last: ExecutionResult | null = null;
  let finished = false;
  ended
    .then((end) => {
      last = { errors: [CREDENTIAL_ERRORS[end]()] };
      return results.return?.();
    })
    .catch((error: unknown) => logger.error({ err: error }, 'could not end an event stream'));
  const done = { done: true as const, value: undefined };
  return {
    async next() {
      if (finished) return done;
      const step = await results.next();
      if (!last && !step.done) return step;
      finished = true;
      return last ? { done: false, value: last } : done;
    },
    async return() {
      finished = true;
      await results.return?.();
      return done;
    },
    // graphql-sse ends an operation whose client left only if it looks like a generator (throw included).
    async throw(error?: unknown) {
      finished = true;
      await results.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
