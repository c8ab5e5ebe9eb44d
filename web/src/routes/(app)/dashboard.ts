import { graphql } from '$lib/graphql/generated/index.js';

export const StoreMetricsQuery = graphql(`
  query StoreMetrics {
    all: stores(first: 1) {
      totalCount
    }
    draft: stores(filter: { statuses: [DRAFT] }, first: 1) {
      totalCount
    }
    provisioning: stores(filter: { statuses: [PROVISIONING] }, first: 1) {
      totalCount
    }
    active: stores(filter: { statuses: [ACTIVE] }, first: 1) {
      totalCount
    }
    suspended: stores(filter: { statuses: [SUSPENDED] }, first: 1) {
      totalCount
    }
  }
`);

/** Its own query: while the hardware subgraph is down or missing, the store metrics still show. */
export const HardwareMetricsQuery = graphql(`
  query HardwareMetrics {
    hubs {
      id
      status
    }
    devices(first: 1) {
      totalCount
    }
  }
`);
