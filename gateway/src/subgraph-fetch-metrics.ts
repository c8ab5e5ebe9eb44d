import { Histogram, type Registry } from 'prom-client';
import type { SignedRequest } from '@switchyard/shared';

/** `subgraph_fetch_duration_seconds{subgraph, status}`: how long each subgraph takes to answer the gateway (status "error" when it did not). */
export function createSubgraphFetchTimer(registry: Registry) {
  const duration = new Histogram({
    name: 'subgraph_fetch_duration_seconds',
    help: 'Gateway to subgraph HTTP calls, by subgraph and response status',
    labelNames: ['subgraph', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (subgraph: string, request: SignedRequest): SignedRequest =>
    async (url, init) => {
      const stop = duration.startTimer({ subgraph });
      try {
        const response = await request(url, init);
        stop({ status: String(response.status) });
        return response;
      } catch (error) {
        stop({ status: 'error' });
        throw error;
      }
    };
}
