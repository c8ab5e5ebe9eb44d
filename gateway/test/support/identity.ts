import { randomUUID } from 'node:crypto';
import { bearer, graphql } from './graphql-client.ts';

export const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken expiresAt user { id email role } }
}`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id email role } }`;

export type Role = 'ADMIN' | 'OPERATOR' | 'VIEWER';
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; role: Role };
}
export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export async function login(gatewayUrl: string, email: string, password: string): Promise<Session> {
  const response = await graphql(gatewayUrl, LOGIN, { email, password });
  if (!response.data?.login) throw new Error(`login failed: ${JSON.stringify(response.errors)}`);
  return response.data.login;
}

/** Creates a user with a unique email as `adminToken`'s admin. */
export async function createUser(gatewayUrl: string, adminToken: string, role: Role): Promise<TestUser> {
  const input = { email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`, password: 'a long enough password', displayName: role, role };
  const response = await graphql(gatewayUrl, CREATE_USER, { input }, bearer(adminToken));
  if (!response.data?.createUser) throw new Error(`createUser failed: ${JSON.stringify(response.errors)}`);
  return { id: response.data.createUser.id, email: input.email, password: input.password, role };
}

/** A user of `role` with a fresh session: the usual start of a test. */
export async function signedInAs(gatewayUrl: string, adminToken: string, role: Role): Promise<TestUser & { token: string }> {
  const user = await createUser(gatewayUrl, adminToken, role);
  return { ...user, token: (await login(gatewayUrl, user.email, user.password)).accessToken };
}

/** An API key of the admin behind `token` with the given scopes. */
export async function createApiKey(gatewayUrl: string, token: string, scopes: string[]): Promise<{ id: string; secret: string }> {
  const response = await graphql(
    gatewayUrl,
    'mutation ($scopes: [String!]!) { createApiKey(name: "test key", scopes: $scopes) { secret apiKey { id } } }',
    { scopes },
    bearer(token),
  );
  if (!response.data?.createApiKey) throw new Error(`createApiKey failed: ${JSON.stringify(response.errors)}`);
  return { id: response.data.createApiKey.apiKey.id, secret: response.data.createApiKey.secret };
}
