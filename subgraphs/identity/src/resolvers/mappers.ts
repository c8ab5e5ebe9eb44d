import type { ApiKey, User } from '../domain/types.ts';

export type UserMapper = User;
export type ApiKeyMapper = ApiKey;
export type InvitationMapper = import('../data/invitation-repository.ts').Invitation;
