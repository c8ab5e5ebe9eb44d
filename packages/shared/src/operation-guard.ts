import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';
import {
  GraphQLError,
  defaultFieldResolver,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  responsePathAsArray,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { Counter, Gauge, type Registry } from 'prom-client';
import {
  OperationCancelledError,
  OperationDeadlineExceededError,
  ResponseTooLargeError,
  type ErrorCode,
} from './errors.ts';
import type { Logger } from './logger.ts';

/**
 * How much one operation may cost a subgraph (SUBGRAPH_OPERATION_DEADLINE_MS,
 * SUBGRAPH_OPERATION_MAX_FIELDS). The deadline sits a little above the gateway's subgraph timeout
 * (10 s by default), so that an operation the gateway still waits for is never cut short here,
 * while one it stopped waiting for (or a direct call) ends soon after. The cap counts resolved
 * fields and list items: it bounds what one answer holds in memory while it is built (graphql-js
 * builds breadth first, ~1-2 KB per field in flight; 50,000 kept hardware within ~100 MB under the
 * depth attack, see bench/deep-query.ts). A page of 100 devices with their attributes and commands
 * is ~5,000; callers with more to read page through it.
 */
export interface OperationGuardLimits {
  deadlineMs: number;
  maxFields: number;
}

export const DEFAULT_OPERATION_GUARD_LIMITS: OperationGuardLimits = { deadlineMs: 12_000, maxFields: 50_000 };

type StopReason = 'caller_gone' | 'deadline' | 'response_size';

/**
 * How long an operation may resolve fields without letting the event loop turn. Fields whose data
 * is at hand (DataLoader's cache, plain properties) resolve in promise jobs only, and Node runs
 * none of its timers or I/O until those run out: without a pause, neither the deadline, nor the
 * caller's closed connection, nor anyone else's request (not even /ready) would be seen until the
 * whole answer was built.
 */
const RUN_WITHOUT_PAUSE_MS = 50;
/** How many waiting fields go on per turn of the event loop while an operation pauses. */
const RELEASED_PER_TURN = 1_000;

/** The codes of errors that stop an operation: one of each is enough in an answer. */
const STOP_CODES = new Set<ErrorCode>(['OPERATION_DEADLINE_EXCEEDED', 'RESPONSE_TOO_LARGE', 'OPERATION_CANCELLED']);

/** One operation's abort signal, deadline and field budget. */
export interface OperationGuard {
  /** Aborted when the caller goes away, the deadline passes or the answer grows too large; its reason is the error. */
  signal: AbortSignal;
  /** Counts a field about to resolve: the stop error once the operation was stopped, null while it may go on. */
  admit(info: GraphQLResolveInfo): GraphQLError | null;
  /** Counts the items of a list a field resolved to, before graphql-js completes them: the stop error when they are too many. */
  admitItems(count: number, info: GraphQLResolveInfo): GraphQLError | null;
  /** The stop error once the operation was stopped, null while it may go on (counts nothing). */
  stopped(info: GraphQLResolveInfo): GraphQLError | null;
  /** While the operation lets the event loop turn: what each field waits for before it is admitted. Null otherwise. */
  pause(): Promise<void> | null;
  /** The caller closed the connection before the answer was sent. */
  callerGone(): void;
  /** The answer is sent or abandoned: the deadline no longer runs. */
  finish(): void;
}

/** Where the guard travels in the operation's context (Apollo copies the context object, own symbol keys included). */
const GUARD = Symbol('operation guard');
type Guarded = { [GUARD]?: OperationGuard };

/**
 * Per-operation cancellation for a subgraph. graphql-js 16 cannot abort an execution, so every
 * field resolver is wrapped once (see `guardResolvers`): once the operation is stopped, each field
 * that would resolve next fails instead, which ends even a deep tree within one level; every
 * RUN_WITHOUT_PAUSE_MS the operation lets the event loop turn, so that it sees its deadline and its
 * caller leaving (and the process keeps serving others) even when nothing it resolves waits; data
 * layers can pass `signal` on (e.g. to fetch). What is already running is not interrupted: a
 * database query in flight finishes (Prisma takes no abort signal) and its rows are dropped.
 */
export function createOperationGuards({
  limits,
  registry,
  logger,
}: {
  limits: OperationGuardLimits;
  registry: Registry;
  logger: Logger;
}) {
  const stopped = new Counter({
    name: 'graphql_operations_stopped_total',
    help: 'Operations a subgraph stopped before they finished: the caller went away, the deadline passed, or the answer grew beyond the field cap',
    labelNames: ['reason'],
    registers: [registry],
  });
  const inProgress = new Gauge({
    name: 'graphql_operations_in_progress',
    help: 'HTTP GraphQL operations this subgraph is working on (until their answer is sent or their caller left)',
    registers: [registry],
  });

  function start(): OperationGuard {
    const controller = new AbortController();
    const started = Date.now();
    let fields = 0;
    let ranSince = performance.now();
    let pauseChecks = 0;
    const parked: (() => void)[] = [];
    const release = () => {
      for (const resume of parked.splice(0, RELEASED_PER_TURN)) resume();
      ranSince = performance.now();
      if (parked.length > 0) setImmediate(release);
    };
    let located: GraphQLError | null = null;
    // One error, with the path of the first field it stopped, for every field it stops: graphql-js
    // keeps an error that has a path as it is, where it would make a new one (with a stack) per field.
    const stoppedAt = (info: GraphQLResolveInfo): GraphQLError | null => {
      if (!controller.signal.aborted) return null;
      const reason = controller.signal.reason as GraphQLError;
      located ??= new GraphQLError(reason.message, {
        nodes: info.fieldNodes,
        path: responsePathAsArray(info.path),
        extensions: reason.extensions,
      });
      return located;
    };
    const stop = (reason: StopReason, error: Error) => {
      if (controller.signal.aborted) return;
      controller.abort(error);
      clearTimeout(deadline);
      stopped.inc({ reason });
      logger.warn({ reason, fields, elapsedMs: Date.now() - started }, 'operation stopped');
    };
    const deadline = setTimeout(
      () => stop('deadline', new OperationDeadlineExceededError(limits.deadlineMs)),
      limits.deadlineMs,
    );
    deadline.unref();
    return {
      signal: controller.signal,
      admit(info) {
        return this.admitItems(1, info);
      },
      admitItems(count, info) {
        fields += count;
        if (!controller.signal.aborted && fields > limits.maxFields) {
          stop('response_size', new ResponseTooLargeError(limits.maxFields));
        }
        return stoppedAt(info);
      },
      stopped: stoppedAt,
      pause() {
        if (parked.length === 0) {
          // The clock is read every few hundred fields only: it costs more than the rest of a field's check.
          if ((++pauseChecks & 0xff) !== 0 || performance.now() - ranSince < RUN_WITHOUT_PAUSE_MS) return null;
        }
        // Once pausing, every field waits its turn: graphql-js builds breadth first, so releasing all
        // of them at once would run a whole level (which can be millions of fields) in one go.
        return new Promise<void>((resolve) => {
          parked.push(resolve);
          if (parked.length === 1) setImmediate(release);
        });
      },
      callerGone: () => stop('caller_gone', new OperationCancelledError()),
      finish: () => clearTimeout(deadline),
    };
  }

  return {
    /** A guard for the operation of this HTTP request: stopped when its connection closes before the answer is sent. */
    forResponse(res: Response): OperationGuard {
      const guard = start();
      inProgress.inc();
      const closed = () => {
        if (!res.writableFinished) guard.callerGone();
        guard.finish();
        inProgress.dec();
      };
      // The caller may have left already, while its request was being read and checked.
      if (res.closed) closed();
      else res.once('close', closed);
      return guard;
    },
    /** Lets the wrapped resolvers find `guard` through the operation's context. */
    bind<T extends object>(context: T, guard: OperationGuard): T {
      (context as Guarded)[GUARD] = guard;
      return context;
    },
    plugin: collapseStopErrors,
  };
}

/**
 * Wraps every field resolver of `schema` (in place, once, at build time) so that it asks the
 * operation's guard first. Operations without a guard (subscription events) resolve as before.
 */
export function guardResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = countingItems(field.resolve ?? defaultFieldResolver, field.type);
      field.resolve = (source, args, context, info) => {
        const guard = (context as Guarded | undefined)?.[GUARD];
        if (!guard) return resolve(source, args, context, info);
        // Counted before any pause, so that the fields waiting in one are within the cap too.
        const stopped = guard.admit(info);
        // Even once stopped: failing the fields still pending is work too, and others wait meanwhile.
        const pause = guard.pause();
        // Rejected, never thrown: graphql-js abandons a list's pending items when one throws at once,
        // and their later rejections would go unhandled.
        if (!pause) return stopped ? Promise.reject(stopped) : resolve(source, args, context, info);
        return pause.then(() => {
          const stoppedMeanwhile = stopped ?? guard.stopped(info);
          if (stoppedMeanwhile) throw stoppedMeanwhile;
          return resolve(source, args, context, info);
        });
      };
    }
  }
  return schema;
}

/**
 * A list field's resolver that counts the list's items against the field cap before graphql-js
 * completes them: without it, one level of a deep query could start far more fields than the cap
 * (each item's fields are only counted once started, and by then all of them are).
 */
function countingItems(resolve: GraphQLFieldResolver<unknown, unknown>, type: GraphQLOutputType) {
  if (!isListType(getNullableType(type))) return resolve;
  const tooMany = (value: unknown, context: unknown, info: GraphQLResolveInfo) => {
    const guard = (context as Guarded | undefined)?.[GUARD];
    return guard && Array.isArray(value) ? guard.admitItems(value.length, info) : null;
  };
  return ((source, args, context, info) => {
    const value = resolve(source, args, context, info);
    if (isPromise(value)) {
      return value.then((resolved) => {
        const stopped = tooMany(resolved, context, info);
        if (stopped) throw stopped;
        return resolved;
      });
    }
    // Rejected, not thrown: see guardResolvers.
    const stopped = tooMany(value, context, info);
    return stopped ? Promise.reject(stopped) : value;
  }) satisfies GraphQLFieldResolver<unknown, unknown>;
}

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Once an operation is stopped, every field still pending fails with the same error: the answer
 * keeps one of them (the others only repeat it with another path), so a stopped operation's answer
 * stays small.
 */
const collapseStopErrors: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const seen = new Set<unknown>();
        response.body.singleResult.errors = response.body.singleResult.errors.filter((error) => {
          const code = error.extensions?.code;
          if (!STOP_CODES.has(code as ErrorCode)) return true;
          if (seen.has(code)) return false;
          seen.add(code);
          return true;
        });
      },
    };
  },
};
