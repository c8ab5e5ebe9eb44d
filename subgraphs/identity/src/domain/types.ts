import type { Role } from '@switchyard/shared';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  deactivatedAt: Date | null;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export interface ApiKey {
  id: string;
  userId: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Null: the key never expires. */
  expiresAt: Date | null;
  /** When the secret was last replaced; the replaced one works until previousSecretExpiresAt. */
  rotatedAt: Date | null;
  previousSecretExpiresAt: Date | null;
}
