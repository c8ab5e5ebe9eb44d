import { TEST_BACKENDS, codeOf, signedGraphQL, userPrincipal } from '@switchyard/testing';
import { startIdentity } from './support.ts';

const DEMOTE = 'mutation ($id: ID!) { updateUserRole(id: $id, role: VIEWER) { id } }';
const DEACTIVATE = 'mutation ($id: ID!) { deactivateUser(id: $id) { id } }';

describe.each(TEST_BACKENDS)('the last active admin, when two admins act at once (%s)', (backend) => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;

  beforeAll(async () => {
    identity = await startIdentity({ backend });
  });
  afterAll(() => identity?.stop());

  /** Two admins, each signed in; each turns on the other at the same moment. */
  async function twoAdminsAtOnce(mutation: string) {
    const make = (name: string) =>
      identity.services.userAdmin.create({
        email: `${name}-${Date.now()}@example.test`,
        password: 'a long enough password',
        displayName: name,
        role: 'ADMIN',
      });
    // The only admins: earlier tests' admins are demoted or deactivated, and those left are removed.
    await identity.db.user.deleteMany({ where: { role: 'ADMIN' } });
    const [ann, bob] = await Promise.all([make('ann'), make('bob')]);
    const as = (id: string) => userPrincipal('ADMIN', { userId: id });
    const results = await Promise.all([
      signedGraphQL(identity.url, identity.secret, as(ann.id), mutation, { id: bob.id }),
      signedGraphQL(identity.url, identity.secret, as(bob.id), mutation, { id: ann.id }),
    ]);
    return { results, activeAdmins: await identity.services.users.countActiveAdmins() };
  }

  it.each([
    ['demote', DEMOTE],
    ['deactivate', DEACTIVATE],
  ])('lets only one %s through: one admin stays, the other change is CONFLICT', async (_name, mutation) => {
    const { results, activeAdmins } = await twoAdminsAtOnce(mutation);
    expect(results.map((result) => codeOf(result) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(activeAdmins).toBe(1);
  });
});
