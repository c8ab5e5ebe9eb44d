/** A service's cumulative GraphQL operation counters, as its /metrics exposes them at one check. */
export interface OperationCounts {
  operations: number;
  serverErrors: number;
}

export interface CounterSample extends OperationCounts {
  atMs: number;
}

const SAMPLE = /^graphql_operations_total\{([^}]*)\}\s+(\S+)/;

/** Sums `graphql_operations_total` over its labels from Prometheus text; null when the service does not expose it. */
export function parseOperationCounts(metricsText: string): OperationCounts | null {
  let found = false;
  const counts: OperationCounts = { operations: 0, serverErrors: 0 };
  for (const line of metricsText.split('\n')) {
    const match = SAMPLE.exec(line);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(value)) continue;
    found = true;
    counts.operations += value;
    if (/(?:^|,)outcome="server_error"/.test(match[1]!)) counts.serverErrors += value;
  }
  return found ? counts : null;
}

/**
 * How many operations and server errors happened between the first and the last sample, oldest
 * first. Like Prometheus' increase(): a counter that went down was reset by a restart, so the
 * increment across that gap is the new value itself.
 */
export function increaseOver(samples: CounterSample[]): OperationCounts {
  const total: OperationCounts = { operations: 0, serverErrors: 0 };
  for (let i = 1; i < samples.length; i += 1) {
    const [previous, current] = [samples[i - 1]!, samples[i]!];
    for (const key of ['operations', 'serverErrors'] as const) {
      total[key] += current[key] >= previous[key] ? current[key] - previous[key] : current[key];
    }
  }
  return total;
}
