import { graphql } from '$lib/graphql/generated/index.js';

// ---------------------------------------------------------------- health

/** One service as the matrix shows it; the subscription selects the same, so events update the rows. */
export const ServiceStatusFieldsFragment = graphql(`
  fragment ServiceStatusFields on ServiceStatus {
    name
    kind
    status
    latencyMs
    error
    lastCheckedAt
    lastChangeAt
    uptimeDay: uptime(window: DAY)
    uptimeWeek: uptime(window: WEEK)
    uptimeMonth: uptime(window: MONTH)
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

// ---------------------------------------------------------------- alerts

export const AlertRuleFieldsFragment = graphql(`
  fragment AlertRuleFields on AlertRule {
    id
    name
    kind
    target
    thresholdMs
    thresholdPercent
    consecutiveChecks
    forSeconds
    enabled
  }
`);

export const AlertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    subject
    status
    summary
    silenced
    startedAt
    firedAt
    resolvedAt
    acknowledgedAt
    acknowledgedBy {
      id
      displayName
    }
    note
    rule {
      id
      name
      kind
    }
    notifications {
      channel
      target
      transition
      attempt
      ok
      httpStatus
      error
      attemptedAt
    }
  }
`);

export const AlertsQuery = graphql(`
  query MonitoringAlerts($status: AlertStatus, $first: Int, $after: String) {
    alerts(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...AlertFields
        }
      }
    }
  }
`);

/** For the count on the Alerts tab. */
export const FiringAlertCountQuery = graphql(`
  query MonitoringFiringAlertCount {
    alerts(status: FIRING, first: 1) {
      totalCount
    }
  }
`);

export const AlertChangedSubscription = graphql(`
  subscription MonitoringAlertChanged {
    alertChanged {
      ...AlertFields
    }
  }
`);

export const AcknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($id: ID!, $note: String) {
    acknowledgeAlert(id: $id, note: $note) {
      ...AlertFields
    }
  }
`);

// ---------------------------------------------------------------- rules

export const AlertRulesQuery = graphql(`
  query MonitoringAlertRules {
    alertRules {
      ...AlertRuleFields
    }
  }
`);

/** Names the target field can suggest: services and breakers seen so far. */
export const RuleTargetsQuery = graphql(`
  query MonitoringRuleTargets {
    services {
      name
    }
    circuitBreakers {
      service
      name
    }
  }
`);

/** Hubs for HUB_OFFLINE targets: its own query, so the form works while the hardware subgraph is away. */
export const RuleHubsQuery = graphql(`
  query MonitoringRuleHubs {
    hubs {
      id
      name
    }
  }
`);

export const CreateAlertRuleMutation = graphql(`
  mutation CreateAlertRule($input: AlertRuleInput!) {
    createAlertRule(input: $input) {
      ...AlertRuleFields
    }
  }
`);

export const UpdateAlertRuleMutation = graphql(`
  mutation UpdateAlertRule($id: ID!, $input: AlertRulePatch!) {
    updateAlertRule(id: $id, input: $input) {
      ...AlertRuleFields
    }
  }
`);

export const DeleteAlertRuleMutation = graphql(`
  mutation DeleteAlertRule($id: ID!) {
    deleteAlertRule(id: $id)
  }
`);

// ---------------------------------------------------------------- silences

export const SilencesQuery = graphql(`
  query MonitoringSilences {
    silences {
      id
      matcher
      until
      reason
      createdAt
      createdBy {
        id
        displayName
      }
    }
  }
`);

export const CreateSilenceMutation = graphql(`
  mutation CreateSilence($matcher: String!, $until: DateTime!, $reason: String!) {
    createSilence(matcher: $matcher, until: $until, reason: $reason) {
      id
      matcher
      until
      reason
      createdAt
      createdBy {
        id
        displayName
      }
    }
  }
`);
