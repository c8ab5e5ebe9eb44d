import { graphql } from '$lib/graphql/generated/index.js';

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      scopes
      createdAt
      lastUsedAt
      revokedAt
      expiresAt
      expiresSoon
      rotatedAt
      previousSecretExpiresAt
      owner {
        id
        displayName
      }
    }
    apiKeyScopes
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresAt: DateTime) {
    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {
      secret
      apiKey {
        id
        name
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

/** A user as the users table shows it; a created user comes back the same way, so the cache has it whole. */
export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    email
    displayName
    role
    deactivatedAt
    lastLoginAt
  }
`);

export const UsersQuery = graphql(`
  query Users($after: String) {
    users(first: 50, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...UserRow
        }
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserRow
    }
  }
`);

export const UpdateUserRoleMutation = graphql(`
  mutation UpdateUserRole($id: ID!, $role: Role!) {
    updateUserRole(id: $id, role: $role) {
      id
      role
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      deactivatedAt
    }
  }
`);

export const ProfileQuery = graphql(`
  query Profile {
    me {
      id
      email
      displayName
      role
      createdAt
      lastLoginAt
    }
  }
`);

export const UpdateMyProfileMutation = graphql(`
  mutation UpdateMyProfile($displayName: String!) {
    updateMyProfile(displayName: $displayName) {
      id
      displayName
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const LogoutEverywhereMutation = graphql(`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`);
