import { feedEventOf } from './security-feed.ts';

const ADMIN = 'a0000000-0000-4000-8000-000000000001';
const ANN = 'b0000000-0000-4000-8000-000000000002';
const KEY = 'c0000000-0000-4000-8000-000000000003';
const origin = { ipAddress: '203.0.113.7', userAgent: 'curl/8' };

describe('feedEventOf', () => {
  it("carries a key's rotation on the key's aggregate, with the actor and no secret", () => {
    const event = feedEventOf('e1', {
      type: 'API_KEY_ROTATED',
      actor: { userId: ADMIN },
      subjectUserId: ANN,
      origin,
      detail: { apiKeyId: KEY, name: 'sync' },
    });
    expect(event).toEqual({
      type: 'ApiKeyRotated',
      aggregateType: 'ApiKey',
      aggregateId: KEY,
      actor: { kind: 'user', id: ADMIN },
      payload: { securityEventId: 'e1', userId: ANN, apiKeyId: KEY, name: 'sync' },
    });
  });

  it("puts a user's events on the user's aggregate, and names an API key actor as such", () => {
    expect(
      feedEventOf('e2', {
        type: 'USER_CREATED',
        actor: { userId: ADMIN, apiKeyId: KEY },
        subjectUserId: ANN,
        origin,
      }),
    ).toMatchObject({
      type: 'UserCreated',
      aggregateType: 'User',
      aggregateId: ANN,
      actor: { kind: 'apiKey', id: KEY },
    });
  });

  it('leaves out failed sign-ins and what another outbox event already carries', () => {
    for (const type of ['SIGN_IN_FAILED', 'SIGN_IN_SUCCEEDED', 'SESSION_REVOKED', 'ROLE_CHANGED'] as const)
      expect(feedEventOf('e3', { type, actor: null, subjectUserId: ANN, origin })).toBeNull();
  });
});
