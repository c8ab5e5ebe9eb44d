import { graphql } from '$lib/graphql/generated/index.js';

/** A session as the profile page and the admin's view of a user's sessions show it. */
export const SessionRowFragment = graphql(`
  fragment SessionRow on Session {
    id
    createdAt
    lastUsedAt
    clientAddress
    userAgentSummary
    current
  }
`);

export const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      ...SessionRow
    }
  }
`);

export const UserSessionsQuery = graphql(`
  query UserSessions($userId: ID!) {
    userSessions(userId: $userId) {
      ...SessionRow
      user {
        id
        displayName
        email
      }
    }
  }
`);

export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id) {
      id
    }
  }
`);

export const RotateApiKeyMutation = graphql(`
  mutation RotateApiKey($id: ID!, $gracePeriodSeconds: Int) {
    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {
      secret
      apiKey {
        id
        name
        rotatedAt
        previousSecretExpiresAt
      }
    }
  }
`);

export const SecurityEventsQuery = graphql(`
  query SecurityEvents($filter: SecurityEventFilter, $first: Int, $after: String) {
    securityEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          type
          occurredAt
          actor {
            id
            displayName
            email
          }
          actorApiKeyId
          subject {
            id
            displayName
            email
          }
          email
          clientAddress
          userAgentSummary
          detail
        }
      }
    }
  }
`);

/** The users the security log can be filtered by (an admin's list: the first 200 is plenty for a household). */
export const SecurityLogUsersQuery = graphql(`
  query SecurityLogUsers {
    users(first: 200) {
      edges {
        node {
          id
          displayName
          email
        }
      }
    }
  }
`);
