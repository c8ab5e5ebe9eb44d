import { increaseOver, parseOperationCounts } from './operation-counts.ts';

const METRICS = `# HELP graphql_operations_total GraphQL operations by type and outcome
# TYPE graphql_operations_total counter
graphql_operations_total{type="query",outcome="ok",service="stores"} 40
graphql_operations_total{type="mutation",outcome="client_error",service="stores"} 5
graphql_operations_total{type="query",outcome="server_error",service="stores"} 3
graphql_operations_total{outcome="server_error",type="mutation",service="stores"} 2
graphql_errors_total{code="INTERNAL_SERVER_ERROR",service="stores"} 9
`;

describe('operation counters', () => {
  it('sums every operation and the server errors among them', () => {
    expect(parseOperationCounts(METRICS)).toEqual({ operations: 50, serverErrors: 5 });
  });

  it('says when a service does not expose them', () => {
    expect(parseOperationCounts('up 1\n')).toBeNull();
  });

  it('measures the increase across samples, treating a drop as a restart', () => {
    const samples = [
      { atMs: 0, operations: 100, serverErrors: 10 },
      { atMs: 1, operations: 150, serverErrors: 12 },
      // restarted: counters began again from zero
      { atMs: 2, operations: 20, serverErrors: 8 },
      { atMs: 3, operations: 30, serverErrors: 8 },
    ];
    expect(increaseOver(samples)).toEqual({ operations: 80, serverErrors: 10 });
    expect(increaseOver(samples.slice(0, 1))).toEqual({ operations: 0, serverErrors: 0 });
  });
});
