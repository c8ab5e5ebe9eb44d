import { describe, expect, it } from '@jest/globals';
import { Client, makeOperation, type Operation, type OperationResult } from '@urql/core';
import { fromArray, pipe, toArray } from 'wonka';
import { createStoreVersionGuard } from './store-versions.ts';

const client = new Client({ url: 'http://test', exchanges: [] });
const operation = (kind: 'subscription' | 'mutation', key: number): Operation =>
  makeOperation(
    kind,
    { key, query: { kind: 'Document', definitions: [] } as never, variables: {} },
    {
      url: 'http://test',
      requestPolicy: 'network-only',
    },
  );
const result = (kind: 'subscription' | 'mutation', version: number, openSteps: string[]): OperationResult => ({
  operation: operation(kind, kind === 'mutation' ? 1 : 2),
  data: { change: { store: { __typename: 'Store', id: 's1', version, openSteps } } },
  stale: false,
  hasNext: false,
});

/** The results as the cache would receive them from the network, through the guard. */
function guarded(results: OperationResult[]) {
  const exchange = createStoreVersionGuard()({ forward: () => fromArray(results), client, dispatchDebug: () => {} });
  return pipe(exchange(fromArray([] as Operation[])), toArray);
}

describe('the store version guard', () => {
  it("drops a live event carrying an older store than the save's own answer, and lets newer ones through", () => {
    const results = [
      result('mutation', 6, []),
      result('subscription', 5, ['hub-paired']),
      result('subscription', 6, []),
      result('subscription', 7, []),
    ];
    expect(guarded(results).map((r) => r.data)).toEqual([results[0]!.data, null, results[2]!.data, results[3]!.data]);
  });

  it('never drops what is not a live event', () => {
    const results = [result('mutation', 6, []), result('mutation', 5, ['hub-paired'])];
    expect(guarded(results).map((r) => r.data)).toEqual(results.map((r) => r.data));
  });
});
