// The alerts tab; the monitoring layout uses the firing count and the live events too.
import { graphql } from '$lib/graphql/generated/index.js';

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
    ruleName
    reopenCount
    lastReopenedAt
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
        ...PageInfoFields
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
