// The alert rules tab: the rules and what their target field can suggest.
import { graphql } from '$lib/graphql/generated/index.js';

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
    repeatIntervalSeconds
    channels {
      id
      name
    }
  }
`);

/** The channels a rule can choose from. */
export const RuleChannelsQuery = graphql(`
  query MonitoringRuleChannels {
    notificationChannels {
      id
      name
      enabled
    }
  }
`);

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
