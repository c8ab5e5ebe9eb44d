import type { Invitation } from '../domain/account-links.ts';
import type { SessionSummary } from '../data/repositories.ts';
import type { SecurityEvent } from '../domain/security-events.ts';
import type { ApiKey, User } from '../domain/types.ts';

export type UserMapper = User;
export type ApiKeyMapper = ApiKey;
export type InvitationMapper = Invitation;
export type SessionMapper = SessionSummary;
export type SecurityEventMapper = SecurityEvent;
