// The health tab: every service's status, uptime and checks, and the circuit breakers.
import { graphql } from '$lib/graphql/generated/index.js';

/** One service as the matrix shows it; the subscription selects the same, so events update the rows. */
export const ServiceStatusFieldsFragment = graphql(`
  fragment ServiceStatusFields on ServiceStatus {
    name
    displayName
    kind
    status
    latencyMs
    error
    lastCheckedAt
    lastChangeAt
    uptimeDay: uptime(window: DAY)
    uptimeWeek: uptime(window: WEEK)
    uptimeMonth: uptime(window: MONTH)
    maintenance {
      id
      title
      nextEndsAt
    }
  }
`);

export const ServiceCheckFieldsFragment = graphql(`
  fragment ServiceCheckFields on ServiceCheck {
    status
    latencyMs
    error
    checkedAt
  }
`);

/** The matrix with each service's recent checks (since `from`) for its strip. */
export const ServicesQuery = graphql(`
  query MonitoringServices($from: DateTime!) {
    services {
      ...ServiceStatusFields
      recent: history(from: $from) {
        ...ServiceCheckFields
      }
    }
  }
`);

/** A longer stretch of checks for one service's history panel (the API has no per-service query: it picks one). */
export const ServiceHistoryQuery = graphql(`
  query MonitoringServiceHistory($from: DateTime!, $to: DateTime) {
    services {
      name
      history(from: $from, to: $to) {
        ...ServiceCheckFields
      }
    }
  }
`);

export const CircuitBreakersQuery = graphql(`
  query MonitoringCircuitBreakers {
    circuitBreakers {
      service
      name
      state
      failures
      lastChangeAt
    }
  }
`);

export const ServiceStatusChangedSubscription = graphql(`
  subscription MonitoringServiceStatusChanged {
    serviceStatusChanged {
      ...ServiceStatusFields
    }
  }
`);

export const ResetCircuitBreakerMutation = graphql(`
  mutation ResetCircuitBreaker($service: String!, $name: String!, $reason: String!) {
    resetCircuitBreaker(service: $service, name: $name, reason: $reason) {
      service
      name
      state
      failures
      lastChangeAt
    }
  }
`);
