// Incidents: opened and updated by operators, shown on the public status pages.
import { graphql } from '$lib/graphql/generated/index.js';

export const IncidentFieldsFragment = graphql(`
  fragment IncidentFields on Incident {
    id
    title
    status
    impact
    createdAt
    resolvedAt
    everyStatusPage
    statusPages {
      id
      title
    }
    updates {
      id
      status
      message
      createdAt
    }
  }
`);

export const IncidentsQuery = graphql(`
  query MonitoringIncidents {
    incidents {
      ...IncidentFields
    }
    statusPages {
      id
      title
      slug
    }
  }
`);

export const CreateIncidentMutation = graphql(`
  mutation CreateIncident($input: IncidentInput!) {
    createIncident(input: $input) {
      ...IncidentFields
    }
  }
`);

export const PostIncidentUpdateMutation = graphql(`
  mutation PostIncidentUpdate($incidentId: ID!, $status: IncidentStatus!, $message: String!) {
    postIncidentUpdate(incidentId: $incidentId, status: $status, message: $message) {
      ...IncidentFields
    }
  }
`);

export const INCIDENT_STATUSES = ['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'] as const;
export const IMPACTS = ['NONE', 'MINOR', 'MAJOR', 'CRITICAL'] as const;
