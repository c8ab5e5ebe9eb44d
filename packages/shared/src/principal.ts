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
  /**
   * Set by identity for a signed-in admin without two-factor sign-in while REQUIRE_2FA_FOR_ADMINS
   * is on: every operation is refused (TWO_FACTOR_REQUIRED) except those marked
   * @allowedBeforeTwoFactor (enrolment, sign-out). Absent otherwise.
   */
  twoFactorEnrolmentRequired?: boolean;
  /**
   * When this credential stops working, as an ISO instant: an API key's expiry, or the end of a
   * rotated-out secret's grace period. Absent or null: no such limit. The gateway never uses a
   * remembered answer past it.
   */
  expiresAt?: string | null;
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

/**
 * Every scope an API key can carry, with the least role that may grant it: the least role of any
 * field that asks for the scope (@authz checks this at startup), so a key never lets its owner do
 * more than their role does.
 */
export const SCOPE_ROLES = {
  'identity:read': 'VIEWER',
  'identity:admin': 'ADMIN',
  'stores:read': 'VIEWER',
  'stores:write': 'OPERATOR',
  'hardware:read': 'VIEWER',
  'hardware:write': 'OPERATOR',
  'meals:read': 'VIEWER',
  'meals:write': 'VIEWER',
  'observability:read': 'VIEWER',
  'observability:write': 'OPERATOR',
  'webhooks:read': 'OPERATOR',
  'webhooks:write': 'OPERATOR',
} as const satisfies Record<string, Role>;
export const API_KEY_SCOPES = Object.keys(SCOPE_ROLES) as (keyof typeof SCOPE_ROLES)[];
export type ApiKeyScope = keyof typeof SCOPE_ROLES;

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return Object.hasOwn(SCOPE_ROLES, value);
}
