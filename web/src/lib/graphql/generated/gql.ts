/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresAt\n    user {\n      ...SessionUser\n    }\n  }\n": typeof types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  subscription SessionRevoked {\n    sessionRevoked {\n      sessionId\n      reason\n      current\n    }\n  }\n": typeof types.SessionRevokedDocument,
    "\n  fragment StoreListItem on Store {\n    id\n    code\n    name\n    type\n    status\n    address {\n      city\n      country\n    }\n    provisioningProgress\n    version\n    updatedAt\n  }\n": typeof types.StoreListItemFragmentDoc,
    "\n  fragment StoreDetail on Store {\n    ...StoreListItem\n    address {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    latitude\n    longitude\n    timezone\n    openedAt\n    network {\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    provisioningSteps {\n      key\n      title\n      done\n      doneAt\n      doneBy {\n        id\n        displayName\n      }\n    }\n    allowedTransitions\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n": typeof types.StoreDetailFragmentDoc,
    "\n  subscription StoreChanged($id: ID) {\n    storeChanged(id: $id) {\n      kind\n      storeId\n      changedFields\n      version\n      occurredAt\n      actor {\n        kind\n        user {\n          id\n          displayName\n        }\n      }\n      store {\n        ...StoreDetail\n      }\n    }\n  }\n": typeof types.StoreChangedDocument,
    "\n  query StoreMetrics {\n    all: stores(first: 1) {\n      totalCount\n    }\n    draft: stores(filter: { statuses: [DRAFT] }, first: 1) {\n      totalCount\n    }\n    provisioning: stores(filter: { statuses: [PROVISIONING] }, first: 1) {\n      totalCount\n    }\n    active: stores(filter: { statuses: [ACTIVE] }, first: 1) {\n      totalCount\n    }\n    suspended: stores(filter: { statuses: [SUSPENDED] }, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.StoreMetricsDocument,
    "\n  query HardwareMetrics {\n    hubs {\n      id\n      status\n    }\n    devices(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.HardwareMetricsDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      owner {\n        id\n        displayName\n      }\n    }\n    apiKeyScopes\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query Users($after: String) {\n    users(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          email\n          displayName\n          role\n          deactivatedAt\n          lastLoginAt\n        }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      displayName\n      role\n      deactivatedAt\n      lastLoginAt\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n": typeof types.UpdateUserRoleDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  query Store($id: ID!) {\n    store(id: $id) {\n      ...StoreDetail\n    }\n  }\n": typeof types.StoreDocument,
    "\n  query StoreAudit($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      auditLog(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            version\n            action\n            reason\n            createdAt\n            actor {\n              kind\n              user {\n                id\n                displayName\n              }\n            }\n            changes {\n              field\n              before\n              after\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.StoreAuditDocument,
    "\n  mutation UpdateStore($id: ID!, $expectedVersion: Int!, $input: UpdateStoreInput!) {\n    updateStore(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n": typeof types.UpdateStoreDocument,
    "\n  mutation TransitionStore($id: ID!, $to: StoreStatus!, $expectedVersion: Int!, $reason: String) {\n    transitionStore(id: $id, to: $to, expectedVersion: $expectedVersion, reason: $reason) {\n      ...StoreDetail\n    }\n  }\n": typeof types.TransitionStoreDocument,
    "\n  mutation CompleteProvisioningStep($storeId: ID!, $key: String!, $expectedVersion: Int!) {\n    completeProvisioningStep(storeId: $storeId, key: $key, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n": typeof types.CompleteProvisioningStepDocument,
    "\n  query SuggestSubnet($prefixLength: Int) {\n    suggestSubnet(prefixLength: $prefixLength)\n  }\n": typeof types.SuggestSubnetDocument,
    "\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      ...StoreDetail\n    }\n  }\n": typeof types.CreateStoreDocument,
    "\n  query Stores($filter: StoreFilter, $orderBy: StoreOrder, $first: Int, $after: String) {\n    stores(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...StoreListItem\n        }\n      }\n    }\n  }\n": typeof types.StoresDocument,
};
const documents: Documents = {
    "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n  }\n": types.SessionUserFragmentDoc,
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresAt\n    user {\n      ...SessionUser\n    }\n  }\n": types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthPayloadFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  subscription SessionRevoked {\n    sessionRevoked {\n      sessionId\n      reason\n      current\n    }\n  }\n": types.SessionRevokedDocument,
    "\n  fragment StoreListItem on Store {\n    id\n    code\n    name\n    type\n    status\n    address {\n      city\n      country\n    }\n    provisioningProgress\n    version\n    updatedAt\n  }\n": types.StoreListItemFragmentDoc,
    "\n  fragment StoreDetail on Store {\n    ...StoreListItem\n    address {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    latitude\n    longitude\n    timezone\n    openedAt\n    network {\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    provisioningSteps {\n      key\n      title\n      done\n      doneAt\n      doneBy {\n        id\n        displayName\n      }\n    }\n    allowedTransitions\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n": types.StoreDetailFragmentDoc,
    "\n  subscription StoreChanged($id: ID) {\n    storeChanged(id: $id) {\n      kind\n      storeId\n      changedFields\n      version\n      occurredAt\n      actor {\n        kind\n        user {\n          id\n          displayName\n        }\n      }\n      store {\n        ...StoreDetail\n      }\n    }\n  }\n": types.StoreChangedDocument,
    "\n  query StoreMetrics {\n    all: stores(first: 1) {\n      totalCount\n    }\n    draft: stores(filter: { statuses: [DRAFT] }, first: 1) {\n      totalCount\n    }\n    provisioning: stores(filter: { statuses: [PROVISIONING] }, first: 1) {\n      totalCount\n    }\n    active: stores(filter: { statuses: [ACTIVE] }, first: 1) {\n      totalCount\n    }\n    suspended: stores(filter: { statuses: [SUSPENDED] }, first: 1) {\n      totalCount\n    }\n  }\n": types.StoreMetricsDocument,
    "\n  query HardwareMetrics {\n    hubs {\n      id\n      status\n    }\n    devices(first: 1) {\n      totalCount\n    }\n  }\n": types.HardwareMetricsDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      owner {\n        id\n        displayName\n      }\n    }\n    apiKeyScopes\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query Users($after: String) {\n    users(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          email\n          displayName\n          role\n          deactivatedAt\n          lastLoginAt\n        }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      displayName\n      role\n      deactivatedAt\n      lastLoginAt\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n": types.UpdateUserRoleDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  query Store($id: ID!) {\n    store(id: $id) {\n      ...StoreDetail\n    }\n  }\n": types.StoreDocument,
    "\n  query StoreAudit($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      auditLog(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            version\n            action\n            reason\n            createdAt\n            actor {\n              kind\n              user {\n                id\n                displayName\n              }\n            }\n            changes {\n              field\n              before\n              after\n            }\n          }\n        }\n      }\n    }\n  }\n": types.StoreAuditDocument,
    "\n  mutation UpdateStore($id: ID!, $expectedVersion: Int!, $input: UpdateStoreInput!) {\n    updateStore(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n": types.UpdateStoreDocument,
    "\n  mutation TransitionStore($id: ID!, $to: StoreStatus!, $expectedVersion: Int!, $reason: String) {\n    transitionStore(id: $id, to: $to, expectedVersion: $expectedVersion, reason: $reason) {\n      ...StoreDetail\n    }\n  }\n": types.TransitionStoreDocument,
    "\n  mutation CompleteProvisioningStep($storeId: ID!, $key: String!, $expectedVersion: Int!) {\n    completeProvisioningStep(storeId: $storeId, key: $key, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n": types.CompleteProvisioningStepDocument,
    "\n  query SuggestSubnet($prefixLength: Int) {\n    suggestSubnet(prefixLength: $prefixLength)\n  }\n": types.SuggestSubnetDocument,
    "\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      ...StoreDetail\n    }\n  }\n": types.CreateStoreDocument,
    "\n  query Stores($filter: StoreFilter, $orderBy: StoreOrder, $first: Int, $after: String) {\n    stores(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...StoreListItem\n        }\n      }\n    }\n  }\n": types.StoresDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresAt\n    user {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresAt\n    user {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SessionRevoked {\n    sessionRevoked {\n      sessionId\n      reason\n      current\n    }\n  }\n"): (typeof documents)["\n  subscription SessionRevoked {\n    sessionRevoked {\n      sessionId\n      reason\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StoreListItem on Store {\n    id\n    code\n    name\n    type\n    status\n    address {\n      city\n      country\n    }\n    provisioningProgress\n    version\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment StoreListItem on Store {\n    id\n    code\n    name\n    type\n    status\n    address {\n      city\n      country\n    }\n    provisioningProgress\n    version\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StoreDetail on Store {\n    ...StoreListItem\n    address {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    latitude\n    longitude\n    timezone\n    openedAt\n    network {\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    provisioningSteps {\n      key\n      title\n      done\n      doneAt\n      doneBy {\n        id\n        displayName\n      }\n    }\n    allowedTransitions\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment StoreDetail on Store {\n    ...StoreListItem\n    address {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    latitude\n    longitude\n    timezone\n    openedAt\n    network {\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    provisioningSteps {\n      key\n      title\n      done\n      doneAt\n      doneBy {\n        id\n        displayName\n      }\n    }\n    allowedTransitions\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StoreChanged($id: ID) {\n    storeChanged(id: $id) {\n      kind\n      storeId\n      changedFields\n      version\n      occurredAt\n      actor {\n        kind\n        user {\n          id\n          displayName\n        }\n      }\n      store {\n        ...StoreDetail\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StoreChanged($id: ID) {\n    storeChanged(id: $id) {\n      kind\n      storeId\n      changedFields\n      version\n      occurredAt\n      actor {\n        kind\n        user {\n          id\n          displayName\n        }\n      }\n      store {\n        ...StoreDetail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreMetrics {\n    all: stores(first: 1) {\n      totalCount\n    }\n    draft: stores(filter: { statuses: [DRAFT] }, first: 1) {\n      totalCount\n    }\n    provisioning: stores(filter: { statuses: [PROVISIONING] }, first: 1) {\n      totalCount\n    }\n    active: stores(filter: { statuses: [ACTIVE] }, first: 1) {\n      totalCount\n    }\n    suspended: stores(filter: { statuses: [SUSPENDED] }, first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query StoreMetrics {\n    all: stores(first: 1) {\n      totalCount\n    }\n    draft: stores(filter: { statuses: [DRAFT] }, first: 1) {\n      totalCount\n    }\n    provisioning: stores(filter: { statuses: [PROVISIONING] }, first: 1) {\n      totalCount\n    }\n    active: stores(filter: { statuses: [ACTIVE] }, first: 1) {\n      totalCount\n    }\n    suspended: stores(filter: { statuses: [SUSPENDED] }, first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HardwareMetrics {\n    hubs {\n      id\n      status\n    }\n    devices(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query HardwareMetrics {\n    hubs {\n      id\n      status\n    }\n    devices(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      owner {\n        id\n        displayName\n      }\n    }\n    apiKeyScopes\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      owner {\n        id\n        displayName\n      }\n    }\n    apiKeyScopes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($after: String) {\n    users(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          email\n          displayName\n          role\n          deactivatedAt\n          lastLoginAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($after: String) {\n    users(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          email\n          displayName\n          role\n          deactivatedAt\n          lastLoginAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      displayName\n      role\n      deactivatedAt\n      lastLoginAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      displayName\n      role\n      deactivatedAt\n      lastLoginAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Store($id: ID!) {\n    store(id: $id) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  query Store($id: ID!) {\n    store(id: $id) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreAudit($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      auditLog(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            version\n            action\n            reason\n            createdAt\n            actor {\n              kind\n              user {\n                id\n                displayName\n              }\n            }\n            changes {\n              field\n              before\n              after\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoreAudit($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      auditLog(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            version\n            action\n            reason\n            createdAt\n            actor {\n              kind\n              user {\n                id\n                displayName\n              }\n            }\n            changes {\n              field\n              before\n              after\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStore($id: ID!, $expectedVersion: Int!, $input: UpdateStoreInput!) {\n    updateStore(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStore($id: ID!, $expectedVersion: Int!, $input: UpdateStoreInput!) {\n    updateStore(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransitionStore($id: ID!, $to: StoreStatus!, $expectedVersion: Int!, $reason: String) {\n    transitionStore(id: $id, to: $to, expectedVersion: $expectedVersion, reason: $reason) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation TransitionStore($id: ID!, $to: StoreStatus!, $expectedVersion: Int!, $reason: String) {\n    transitionStore(id: $id, to: $to, expectedVersion: $expectedVersion, reason: $reason) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteProvisioningStep($storeId: ID!, $key: String!, $expectedVersion: Int!) {\n    completeProvisioningStep(storeId: $storeId, key: $key, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteProvisioningStep($storeId: ID!, $key: String!, $expectedVersion: Int!) {\n    completeProvisioningStep(storeId: $storeId, key: $key, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestSubnet($prefixLength: Int) {\n    suggestSubnet(prefixLength: $prefixLength)\n  }\n"): (typeof documents)["\n  query SuggestSubnet($prefixLength: Int) {\n    suggestSubnet(prefixLength: $prefixLength)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stores($filter: StoreFilter, $orderBy: StoreOrder, $first: Int, $after: String) {\n    stores(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...StoreListItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Stores($filter: StoreFilter, $orderBy: StoreOrder, $first: Int, $after: String) {\n    stores(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...StoreListItem\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;