import type { Invitation } from '../domain/account-links.ts';
import type { ApiKey, User } from '../domain/types.ts';

export type UserMapper = User;
export type ApiKeyMapper = ApiKey;
export type InvitationMapper = Invitation;
