/** Who is calling, as established by the gateway and forwarded, signed, to every subgraph. */
export const ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  kind: 'user' | 'apiKey';
  userId: string;
  role: Role;
  /** Scopes of an API key; users are limited by their role only. */
  scopes: string[] | null;
  sessionId: string | null;
  apiKeyId: string | null;
}

/** What the gateway forwards with each subgraph request. */
export interface ForwardedContext {
  principal: Principal | null;
  requestId: string;
  clientIp: string | null;
  userAgent: string | null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** Every scope an API key can carry; @authz refuses to start with a scope not listed here. */
export const API_KEY_SCOPES = [
  'identity:read',
  'identity:admin',
  'stores:read',
  'stores:write',
  'hardware:read',
  'hardware:write',
  'meals:read',
  'meals:write',
  'observability:read',
  'observability:write',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
