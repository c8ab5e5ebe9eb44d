import { print, type ExecutionResult } from 'graphql';
import { createAsyncQueue, type AsyncQueue } from '@switchyard/shared';
import type { Operation } from './operation-executor.ts';
import type { SubscriptionMetrics } from './subscription-metrics.ts';

/** One result of a running subscription, with the time its event committed (for the latency metric). */
export interface Delivery {
  result: ExecutionResult;
  occurredAt: string | null;
}

/** Results a client may fall behind by before its subscription ends with an error. */
const MAX_BUFFERED = 1_000;

interface Execution {
  consumers: Set<AsyncQueue<Delivery>>;
  stop: AbortController;
}

/**
 * Identical subscriptions share one execution: the same document, operation and variables, for
 * the same principal (user, role, scopes, session or key), are answered the same by every subgraph,
 * so one upstream subscription and one run of the rest of the plan per event serve them all, each
 * client reading the results at its own pace. A client that joins a running execution receives
 * what happens from then on (that execution is live already, so nothing of its own is missed);
 * the execution ends when its last client leaves. A subscription resumed from a cursor has a
 * replay of its own and runs alone.
 */
export function createSharedExecutions(
  start: (operation: Operation, signal: AbortSignal) => AsyncGenerator<Delivery>,
  metrics: SubscriptionMetrics,
) {
  const running = new Map<string, Execution>();

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

  function leave(execution: Execution, consumer: AsyncQueue<Delivery>, key: string | null): void {
    execution.consumers.delete(consumer);
    if (execution.consumers.size > 0) return;
    if (key && running.get(key) === execution) running.delete(key);
    execution.stop.abort();
  }

  return function subscribe(operation: Operation): AsyncIterableIterator<ExecutionResult> {
    const key = operation.resumeAfter ? null : shareKey(operation);
    const execution = (key && running.get(key)) || launch(operation, key);
    const consumer = createAsyncQueue<Delivery>(
      MAX_BUFFERED,
      () => new Error(`This subscription fell ${MAX_BUFFERED} results behind and was ended; subscribe again`),
    );
    execution.consumers.add(consumer);
    metrics.subscriptions.inc();
    let left = false;
    const finish = () => {
      if (left) return;
      left = true;
      metrics.subscriptions.dec();
      consumer.close();
      leave(execution, consumer, key);
    };
    const results = (async function* () {
      try {
        for await (const { result, occurredAt } of consumer) {
          metrics.delivered.inc();
          if (occurredAt) metrics.latency.observe((Date.now() - Date.parse(occurredAt)) / 1000);
          yield result;
        }
      } finally {
        finish();
      }
    })();
    // return() takes effect at once (closing the queue ends a pending next()): a client that leaves
    // while no event is due must not keep its place in the execution.
    return {
      next: () => results.next(),
      return: (value?: unknown) => {
        finish();
        return results.return(value as never);
      },
      throw: (error?: unknown) => {
        finish();
        return results.throw(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  };
}

function shareKey(operation: Operation): string {
  return JSON.stringify([
    print(operation.document),
    operation.operationName ?? null,
    operation.variables ?? {},
    operation.context.principal,
  ]);
}
