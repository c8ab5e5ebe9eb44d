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
    decommissioned: stores(filter: { statuses: [DECOMMISSIONED] }, first: 1) {
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
  }
`);

/** Observability's figures (hardware adds the device counts): cheap, so the dashboard polls it. */
export const OverviewQuery = graphql(`
  query DashboardOverview {
    overview {
      scope
      devicesOnline
      devicesTotal
      hubsOffline
      firingAlerts
      eventsLastHour
    }
  }
`);

export const HealthStripQuery = graphql(`
  query DashboardHealth {
    services {
      name
      kind
      status
      latencyMs
      lastChangeAt
    }
  }
`);

/** Written into the cache by name, so the strip follows every check that changes a status. */
export const HealthChangedSubscription = graphql(`
  subscription DashboardHealthChanged {
    serviceStatusChanged {
      name
      kind
      status
      latencyMs
      lastChangeAt
    }
  }
`);

export const ActivityItemFragment = graphql(`
  fragment ActivityItem on ActivityEntry {
    id
    kind
    details
    occurredAt
    actorKind
    actor {
      id
      displayName
    }
    store {
      id
      name
    }
  }
`);

export const ActivityFeedQuery = graphql(`
  query DashboardActivity {
    activity(first: 15) {
      edges {
        node {
          ...ActivityItem
        }
      }
    }
  }
`);

export const ActivityAddedSubscription = graphql(`
  subscription DashboardActivityAdded {
    activityAdded {
      ...ActivityItem
    }
  }
`);
