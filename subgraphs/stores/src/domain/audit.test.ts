import { apiKeyPrincipal, userPrincipal } from '@switchyard/testing';
import { actorOf, diffFields } from './audit.ts';

describe('audit', () => {
  it('records users as themselves and API keys with their owner', () => {
    const user = userPrincipal('OPERATOR');
    expect(actorOf(user)).toEqual({ kind: 'user', id: user.userId, userId: user.userId });
    const key = apiKeyPrincipal('OPERATOR', ['stores:write']);
    expect(actorOf(key)).toEqual({ kind: 'apiKey', id: key.apiKeyId, userId: key.userId });
  });

  it('lists exactly the fields that changed, comparing nested values by content', () => {
    const network = { vlanId: 1, subnet: '10.0.0.0/24' };
    expect(
      diffFields(
        { name: 'A', city: 'X', network, region: null },
        { name: 'B', city: 'X', network: { ...network }, region: undefined },
      ),
    ).toEqual({
      name: { before: 'A', after: 'B' },
    });
    expect(diffFields({ network: null }, { network })).toEqual({ network: { before: null, after: network } });
  });
});
