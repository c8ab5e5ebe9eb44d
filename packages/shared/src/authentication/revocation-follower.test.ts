import { createLogger, type CredentialRevocation, type CredentialRevocationsPage } from '@switchyard/shared';
import { followCredentialRevocations } from './revocation-follower.ts';

const logger = createLogger('test', 'silent');
const revoked = (position: number, apiKeyId: string): CredentialRevocation => ({
  position: String(position),
  subject: { apiKeyId },
  effect: 'revoked',
});

/** Identity's outbox of revocations, served two at a time like a page limit would. */
function fakeIdentity() {
  const state = { log: [] as CredentialRevocation[], highest: 10, down: false, asked: [] as (string | null)[] };
  const read = async (after: string | null): Promise<CredentialRevocationsPage> => {
    state.asked.push(after);
    if (state.down) throw new Error('identity is away');
    if (after === null) return { latest: String(state.highest), revocations: [] };
    const page = state.log.filter((r) => BigInt(r.position) > BigInt(after)).slice(0, 2);
    return { latest: page.length === 2 ? page[1]!.position : String(state.highest), revocations: page };
  };
  return { state, read };
}

describe('following credential revocations', () => {
  const followers: { stop(): void }[] = [];
  afterEach(() => followers.splice(0).forEach((follower) => follower.stop()));

  const follow = (identity: ReturnType<typeof fakeIdentity>) => {
    const seen: string[] = [];
    let unknownPast = 0;
    const follower = followCredentialRevocations({
      read: identity.read,
      onRevocation: (revocation) => seen.push(revocation.position),
      onUnknownPast: () => (unknownPast += 1),
      pollMs: 3_600_000,
      logger,
    });
    followers.push(follower);
    return { follower, seen, unknownPast: () => unknownPast };
  };

  it('starts at the current position, distrusting what came before, then hands over each revocation once', async () => {
    const identity = fakeIdentity();
    identity.state.log.push(revoked(3, 'old'));
    const { follower, seen, unknownPast } = follow(identity);
    await follower.poll();
    expect(unknownPast()).toBe(1);
    expect(seen).toEqual([]);

    identity.state.log.push(revoked(11, 'a'), revoked(12, 'b'), revoked(14, 'c'));
    identity.state.highest = 15;
    await follower.poll();
    await follower.poll();
    expect(seen).toEqual(['11', '12', '14']);
    expect(identity.state.asked.slice(-3)).toEqual(['12', '15', '15']);
  });

  it('keeps its place while identity is away and catches up when it is back', async () => {
    const identity = fakeIdentity();
    const { follower, seen } = follow(identity);
    await follower.poll();
    identity.state.down = true;
    identity.state.log.push(revoked(11, 'a'));
    identity.state.highest = 11;
    await follower.poll();
    expect(seen).toEqual([]);
    identity.state.down = false;
    await follower.poll();
    expect(seen).toEqual(['11']);
  });

  it('distrusts the past again when identity says it is behind where it was read up to (a replaced database)', async () => {
    const identity = fakeIdentity();
    const { follower, seen, unknownPast } = follow(identity);
    await follower.poll();
    identity.state.highest = 2;
    await follower.poll();
    expect(unknownPast()).toBe(2);
    identity.state.log.push(revoked(3, 'after the reset'));
    identity.state.highest = 3;
    await follower.poll();
    expect(seen).toEqual(['3']);
  });
});
