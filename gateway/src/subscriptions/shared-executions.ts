import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Operation } from './operation-executor.ts';
import type { Audience, AudienceOf } from './subscription-audience.ts';
import type { SubscriptionMetrics } from './subscription-metrics.ts';

/** One result of a running subscription, with the time its event committed (epoch ms, for the latency metric). */
export interface Delivery {
  result: ExecutionResult;
  occurredAt: number | null;
}

/** Results a client may fall behind by before its subscription ends with an error. */
const MAX_BUFFERED = 1_000;

interface Execution {
  consumers: Set<Consumer>;
  stop: AbortController;
}

/**
 * Identical subscriptions share one execution: the same document, operation and variables, for
 * one audience (see subscription-audience.ts: the same principal, or any principal of the same
 * kind, role and scopes when the operation's answer depends on nothing else), are answered the same
 * by every subgraph, so one upstream subscription and one run of the rest of the plan per event
 * serve them all, each client reading the results at its own pace. A client that joins a running
 * execution receives what happens from then on (that execution is live already, so nothing of its own is missed);
 * the execution ends when its last client leaves. A subscription resumed from a cursor has a
 * replay of its own and runs alone.
 */
export function createSharedExecutions(
  start: (operation: Operation, signal: AbortSignal) => AsyncGenerator<Delivery>,
  metrics: SubscriptionMetrics,
  audienceOf: AudienceOf,
) {
  const running = new Map<string, Execution>();
  const printed = new WeakMap<DocumentNode, string>();

  function shareKey(operation: Operation, audience: Audience): string {
    let text = printed.get(operation.document);
    if (text === undefined) printed.set(operation.document, (text = print(operation.document)));
    return JSON.stringify([text, operation.operationName ?? null, operation.variables ?? {}, audience.key]);
  }

  function launch(operation: Operation, key: string | null): Execution {
    const execution: Execution = { consumers: new Set(), stop: new AbortController() };
    if (key) running.set(key, execution);
    metrics.executions.inc();
    void (async () => {
      try {
        for await (const delivery of start(operation, execution.stop.signal))
          for (const consumer of execution.consumers) consumer.push(delivery);
      } finally {
        if (key && running.get(key) === execution) running.delete(key);
        for (const consumer of execution.consumers) consumer.end();
        metrics.executions.dec();
      }
    })();
    return execution;
  }

  function leave(execution: Execution, consumer: Consumer, key: string | null): void {
    execution.consumers.delete(consumer);
    if (execution.consumers.size > 0) return;
    if (key && running.get(key) === execution) running.delete(key);
    execution.stop.abort();
  }

  return function subscribe(operation: Operation): AsyncIterableIterator<ExecutionResult> {
    const audience = audienceOf(operation.document, operation.context);
    const key = operation.resumeAfter ? null : shareKey(operation, audience);
    const execution = (key && running.get(key)) || launch({ ...operation, context: audience.context }, key);
    const consumer = createConsumer(metrics, () => leave(execution, consumer, key));
    execution.consumers.add(consumer);
    metrics.subscriptions.inc();
    return consumer.results;
  };
}

interface Consumer {
  push(delivery: Delivery): void;
  /** The execution ended: what is buffered is still read, then the results end. */
  end(): void;
  results: AsyncIterableIterator<ExecutionResult>;
}

const DONE: IteratorResult<ExecutionResult> = { done: true, value: undefined };

/**
 * One client's place in an execution: a bounded buffer read as an async iterator. Written by hand
 * rather than as async generators: an event reaches thousands of these, and each generator layer
 * costs promises and ticks per client per event. return() takes effect at once (a pending next()
 * ends): a client that leaves while no event is due must not keep its place in the execution.
 */
function createConsumer(metrics: SubscriptionMetrics, onLeave: () => void): Consumer {
  const buffered: Delivery[] = [];
  let waiting: ((step: IteratorResult<ExecutionResult>) => void) | null = null;
  let ended = false;
  let left = false;
  let failure: Error | null = null;

  const leave = () => {
    if (left) return;
    left = true;
    ended = true;
    buffered.length = 0;
    metrics.subscriptions.dec();
    onLeave();
    const wake = waiting;
    waiting = null;
    wake?.(DONE);
  };
  const step = ({ result, occurredAt }: Delivery): IteratorResult<ExecutionResult> => {
    metrics.delivered.inc();
    if (occurredAt !== null) metrics.latency.observe((Date.now() - occurredAt) / 1000);
    return { done: false, value: result };
  };

  const results: AsyncIterableIterator<ExecutionResult> = {
    next() {
      if (buffered.length > 0) return Promise.resolve(step(buffered.shift()!));
      if (failure) {
        const error = failure;
        failure = null;
        leave();
        return Promise.reject(error);
      }
      if (ended) {
        leave();
        return Promise.resolve(DONE);
      }
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      leave();
      return Promise.resolve(DONE);
    },
    throw(error?: unknown) {
      leave();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };

  return {
    results,
    push(delivery) {
      if (ended) return;
      if (waiting) {
        const wake = waiting;
        waiting = null;
        wake(step(delivery));
      } else if (buffered.length < MAX_BUFFERED) buffered.push(delivery);
      else {
        failure = new Error(`This subscription fell ${MAX_BUFFERED} results behind and was ended; subscribe again`);
        ended = true;
        buffered.length = 0;
      }
    },
    end() {
      ended = true;
      if (!waiting) return;
      const wake = waiting;
      waiting = null;
      leave();
      wake(DONE);
    },
  };
}
