import { graphql } from '$lib/graphql/generated/index.js';

/** The test event: in the catalogue, sent to every endpoint by "Send test ping", never subscribed to. */
export const PING_TYPE = 'webhook.ping';

/** An endpoint as the pages show it; every mutation returns the same, so the cache has it whole. */
export const WebhookEndpointFieldsFragment = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    eventTypes
    status
    disabledReason
    disabledAt
    ownerId
    failingSince
    previousSecretExpiresAt
    createdAt
  }
`);

/** A delivery with its attempts: the log shows both, and redelivery and ping answer the same. */
export const WebhookDeliveryFieldsFragment = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id
    endpointId
    eventId
    eventType
    status
    attempts
    nextAttemptAt
    occurredAt
    createdAt
    body
    attemptLog {
      id
      attemptedAt
      httpStatus
      latencyMs
      responseSnippet
      error
    }
  }
`);

export const WebhookEventTypeFieldsFragment = graphql(`
  fragment WebhookEventTypeFields on WebhookEventType {
    type
    description
    adminOnly
  }
`);

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointFields
    }
    webhookEventTypes {
      ...WebhookEventTypeFields
    }
  }
`);

/** Owners' names for an admin, who sees everyone's endpoints (the endpoint carries only the owner's id). */
export const WebhookOwnersQuery = graphql(`
  query WebhookOwners {
    users(first: 200) {
      edges {
        node {
          id
          displayName
        }
      }
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!, $filter: WebhookDeliveryFilter, $first: Int, $after: String) {
    webhookDeliveries(endpointId: $endpointId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...WebhookDeliveryFields
        }
      }
    }
  }
`);

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        ...WebhookEndpointFields
      }
    }
  }
`);

export const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(id: $id, input: $input) {
      ...WebhookEndpointFields
    }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      endpoint {
        ...WebhookEndpointFields
      }
    }
  }
`);

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

export const PingWebhookEndpointMutation = graphql(`
  mutation PingWebhookEndpoint($id: ID!) {
    pingWebhookEndpoint(id: $id) {
      ...WebhookDeliveryFields
    }
  }
`);

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      ...WebhookDeliveryFields
    }
  }
`);
