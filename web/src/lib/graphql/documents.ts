// Documents shared by several routes. Route-private documents live next to their route.
import { graphql } from './generated/index.js';

export const SessionUserFragment = graphql(`
  fragment SessionUser on User {
    id
    email
    displayName
    role
  }
`);

export const AuthPayloadFragment = graphql(`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    refreshToken
    expiresAt
    user {
      ...SessionUser
    }
    twoFactorEnrolmentRequired
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!, $device: String) {
    login(email: $email, password: $password, device: $device) {
      accessToken
      refreshToken
      expiresAt
      user {
        ...SessionUser
      }
      twoFactorEnrolmentRequired
      secondFactor {
        challengeToken
        expiresAt
      }
    }
  }
`);

export const CompleteSignInMutation = graphql(`
  mutation CompleteSignIn($challengeToken: String!, $code: String!) {
    completeSignIn(challengeToken: $challengeToken, code: $code) {
      ...AuthPayloadFields
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...AuthPayloadFields
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const SessionRevokedSubscription = graphql(`
  subscription SessionRevoked {
    sessionRevoked {
      sessionId
      reason
      current
    }
  }
`);

/** What every paged selection asks of its page: whether there is more, and the cursor to get it. */
export const PageInfoFieldsFragment = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** One entry of a store's audit log, as the store's history and the page of one bulk change show it. */
export const StoreAuditEntryFieldsFragment = graphql(`
  fragment StoreAuditEntryFields on AuditEntry {
    id
    version
    action
    reason
    changeId
    createdAt
    actor {
      kind
      user {
        id
        displayName
      }
    }
    changes {
      field
      before
      after
    }
  }
`);

export const StoreListItemFragment = graphql(`
  fragment StoreListItem on Store {
    id
    code
    name
    type
    status
    address {
      city
      country
    }
    provisioningProgress
    version
    updatedAt
    tags
  }
`);

export const StoreDetailFragment = graphql(`
  fragment StoreDetail on Store {
    ...StoreListItem
    address {
      line1
      line2
      city
      region
      postalCode
      country
    }
    latitude
    longitude
    timezone
    openedAt
    network {
      vlanId
      subnet
      gateway
      dhcpRange {
        start
        end
      }
    }
    networks {
      id
      purpose
      name
      vlanId
      subnet
      gateway
      dhcpRange {
        start
        end
      }
    }
    provisioningSteps {
      key
      title
      done
      doneAt
      doneBy {
        id
        displayName
      }
      required
    }
    allowedTransitions
    createdAt
    createdBy {
      id
      displayName
    }
    templateVersion
  }
`);

/** Every store change, with the store as the list and detail views select it, so the cache updates both. */
export const StoreChangedSubscription = graphql(`
  subscription StoreChanged($id: ID) {
    storeChanged(id: $id) {
      kind
      storeId
      changedFields
      version
      occurredAt
      actor {
        kind
        user {
          id
          displayName
        }
      }
      store {
        ...StoreDetail
      }
    }
  }
`);
