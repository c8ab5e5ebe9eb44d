import { TEST_BACKENDS, codeOf, signedGraphQL, userPrincipal } from '@switchyard/testing';
import type { Principal } from '@switchyard/shared';
import { TOTP_PERIOD_SECONDS, totpCode } from '../src/domain/two-factor.ts';
import { startIdentity } from './support.ts';

const PASSWORD = 'a long enough password';
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken secondFactor { challengeToken expiresAt } }
}`;
const COMPLETE = `mutation ($token: String!, $code: String!) {
  completeSignIn(challengeToken: $token, code: $code) { accessToken user { id } }
}`;
const BEGIN = 'mutation { beginTwoFactorEnrolment { secret otpauthUri } }';
const CONFIRM = 'mutation ($code: String!) { confirmTwoFactorEnrolment(code: $code) }';
const DISABLE = 'mutation ($code: String!) { disableTwoFactor(code: $code) }';
const REGENERATE = 'mutation ($code: String!) { regenerateRecoveryCodes(code: $code) }';
const STATUS = '{ twoFactorStatus { enabled recoveryCodesLeft required } }';

/** A code of a later time step than any used so far: each step's code is accepted once. */
const codeAfter = (secret: string, steps: number) =>
  totpCode(secret, new Date(Date.now() + steps * TOTP_PERIOD_SECONDS * 1000));

describe.each(TEST_BACKENDS)('two-factor sign-in on a real database (%s)', (backend) => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  let n = 0;
  const call = (principal: Principal | null, query: string, variables: Record<string, unknown> = {}) =>
    signedGraphQL(identity.url, identity.secret, principal, query, variables);

  beforeAll(async () => {
    identity = await startIdentity({ backend });
  });
  afterAll(() => identity?.stop());

  async function enrolledUser() {
    const email = `tf-${++n}@example.test`;
    const user = await identity.services.userAdmin.create({
      email,
      password: PASSWORD,
      displayName: 'T',
      role: 'VIEWER',
    });
    const principal = userPrincipal('VIEWER', { userId: user.id });
    const { secret } = (await call(principal, BEGIN)).data!.beginTwoFactorEnrolment;
    const recoveryCodes: string[] = (await call(principal, CONFIRM, { code: totpCode(secret, new Date()) })).data!
      .confirmTwoFactorEnrolment;
    return { email, user, principal, secret, recoveryCodes };
  }

  it('stores the secret encrypted, turns on only after a right code, and keeps recovery codes as hashes', async () => {
    const user = await identity.services.userAdmin.create({
      email: 'enrol@example.test',
      password: PASSWORD,
      displayName: 'E',
      role: 'VIEWER',
    });
    const principal = userPrincipal('VIEWER', { userId: user.id });
    const { secret, otpauthUri } = (await call(principal, BEGIN)).data!.beginTwoFactorEnrolment;
    expect(otpauthUri).toContain(`secret=${secret}`);
    const row = await identity.db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretEncrypted).toMatch(/^v1\./);
    expect(row.secretEncrypted).not.toContain(secret);
    expect(row.confirmedAt).toBeNull();
    // Still one step: enrolment alone changes nothing for sign-in.
    expect(
      (await call(null, LOGIN, { email: 'enrol@example.test', password: PASSWORD })).data!.login.accessToken,
    ).toEqual(expect.any(String));

    const wrong = await call(principal, CONFIRM, { code: '000000' });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((await call(principal, STATUS)).data!.twoFactorStatus).toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
      required: false,
    });

    const codes: string[] = (await call(principal, CONFIRM, { code: totpCode(secret, new Date()) })).data!
      .confirmTwoFactorEnrolment;
    expect(codes).toHaveLength(10);
    const stored = await identity.db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.some((s) => s.codeHash.includes(code.replace(/-/g, '')))).toBe(false);
    expect((await call(principal, STATUS)).data!.twoFactorStatus).toEqual({
      enabled: true,
      recoveryCodesLeft: 10,
      required: false,
    });
    expect(codeOf(await call(principal, BEGIN))).toBe('CONFLICT');
    // Besides the sign-ins (the security log's own tests cover those), only the enrolment.
    const events = await identity.db.securityEvent.findMany({
      where: { subjectUserId: user.id, type: { not: 'SIGN_IN_SUCCEEDED' } },
    });
    expect(events.map((e) => e.type)).toEqual(['TWO_FACTOR_ENABLED']);
    expect(events[0]).toMatchObject({ actorUserId: user.id, ipAddress: '127.0.0.1', userAgent: 'jest' });
  });

  it('signs in in two steps with a single-use challenge and never accepts a code twice', async () => {
    const { email, user, secret } = await enrolledUser();
    const first = (await call(null, LOGIN, { email, password: PASSWORD })).data!.login;
    expect(first).toMatchObject({ accessToken: null, refreshToken: null });
    const token = first.secondFactor.challengeToken;
    expect(token).toMatch(/^tfc_/);
    expect(Date.parse(first.secondFactor.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);

    // The enrolment's code was of this step: a code of the next one signs in, once.
    const code = codeAfter(secret, 1);
    const signedIn = (await call(null, COMPLETE, { token, code })).data!.completeSignIn;
    expect(signedIn).toMatchObject({ accessToken: expect.any(String), user: { id: user.id } });
    expect(codeOf(await call(null, COMPLETE, { token, code }))).toBe('UNAUTHENTICATED');

    // An expired challenge is refused even with a right code.
    const late = (await call(null, LOGIN, { email, password: PASSWORD })).data!.login.secondFactor.challengeToken;
    await identity.db.signInChallenge.updateMany({
      where: { userId: user.id, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(codeOf(await call(null, COMPLETE, { token: late, code: codeAfter(secret, 1) }))).toBe('UNAUTHENTICATED');

    const again = (await call(null, LOGIN, { email, password: PASSWORD })).data!.login.secondFactor.challengeToken;
    expect(codeOf(await call(null, COMPLETE, { token: again, code }))).toBe('BAD_USER_INPUT');
    expect(await identity.db.securityEvent.count({ where: { subjectUserId: user.id, type: 'SIGN_IN_FAILED' } })).toBe(
      1,
    );
  });

  it('counts wrong codes with the login throttle and ends a challenge after too many', async () => {
    const { email, secret } = await enrolledUser();
    const token = (await call(null, LOGIN, { email, password: PASSWORD })).data!.login.secondFactor.challengeToken;
    // maxFailures is 3 here, and the password's attempt is still counted until a code is right.
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(codeOf(await call(null, COMPLETE, { token, code: '000000' })));
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
    const challenge = await identity.db.signInChallenge.findFirstOrThrow({ where: { user: { email } } });
    expect(challenge.failures).toBe(2);
    await identity.db.loginThrottle.deleteMany({});
    await call(null, COMPLETE, { token, code: '000000' });
    // Exhausted: even the right code no longer completes it.
    expect(codeOf(await call(null, COMPLETE, { token, code: codeAfter(secret, 1) }))).toBe('UNAUTHENTICATED');
  });

  it('takes each recovery code once, and turns two-factor off only with a code', async () => {
    const { email, user, principal, secret, recoveryCodes } = await enrolledUser();
    const [first, second] = recoveryCodes as [string, string];
    const challenge = async () =>
      (await call(null, LOGIN, { email, password: PASSWORD })).data!.login.secondFactor.challengeToken;
    expect(
      (await call(null, COMPLETE, { token: await challenge(), code: first.toLowerCase() })).data!.completeSignIn,
    ).toBeTruthy();
    expect(codeOf(await call(null, COMPLETE, { token: await challenge(), code: first }))).toBe('BAD_USER_INPUT');
    expect((await call(principal, STATUS)).data!.twoFactorStatus.recoveryCodesLeft).toBe(9);
    const used = await identity.db.securityEvent.findFirstOrThrow({
      where: { subjectUserId: user.id, type: 'RECOVERY_CODE_USED' },
    });
    expect(used.detail).toEqual({ recoveryCodesLeft: 9 });

    // Throttling has its own test: from here on, each check starts with a clean count.
    const clearThrottle = () => identity.db.loginThrottle.deleteMany({});
    await clearThrottle();
    // A recovery code cannot mint new ones; an authenticator code can, and the old ones stop working.
    expect(codeOf(await call(principal, REGENERATE, { code: second }))).toBe('BAD_USER_INPUT');
    await clearThrottle();
    const fresh: string[] = (await call(principal, REGENERATE, { code: codeAfter(secret, 1) })).data!
      .regenerateRecoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(codeOf(await call(principal, DISABLE, { code: second }))).toBe('BAD_USER_INPUT');

    expect(codeOf(await call(principal, DISABLE, { code: '000000' }))).toBe('BAD_USER_INPUT');
    await clearThrottle();
    expect((await call(principal, DISABLE, { code: fresh[0] })).data!.disableTwoFactor).toBe(true);
    expect(await identity.db.twoFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await identity.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await call(null, LOGIN, { email, password: PASSWORD })).data!.login.accessToken).toEqual(
      expect.any(String),
    );
    const types = (
      await identity.db.securityEvent.findMany({ where: { subjectUserId: user.id }, orderBy: { occurredAt: 'asc' } })
    ).map((e) => e.type);
    // Two sessions opened: with the recovery code, and with the password once two-factor was off.
    expect(types.filter((type) => type === 'SIGN_IN_SUCCEEDED')).toHaveLength(2);
    expect(types.filter((type) => type !== 'SIGN_IN_SUCCEEDED')).toEqual([
      'TWO_FACTOR_ENABLED',
      'RECOVERY_CODE_USED',
      'SIGN_IN_FAILED',
      'RECOVERY_CODES_REGENERATED',
      'RECOVERY_CODE_USED',
      'TWO_FACTOR_DISABLED',
    ]);
  });
});

describe('REQUIRE_2FA_FOR_ADMINS', () => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  beforeAll(async () => {
    identity = await startIdentity({ twoFactor: { requiredForAdmins: true, encryptionKey: 'k'.repeat(40) } });
  });
  afterAll(() => identity?.stop());

  it('marks an admin without two-factor on the principal until they enrol, and not other roles', async () => {
    const admin = await identity.services.userAdmin.create({
      email: 'boss@example.test',
      password: PASSWORD,
      displayName: 'B',
      role: 'ADMIN',
    });
    const viewer = await identity.services.userAdmin.create({
      email: 'v@example.test',
      password: PASSWORD,
      displayName: 'V',
      role: 'VIEWER',
    });
    const login = (email: string) =>
      signedGraphQL(
        identity.url,
        identity.secret,
        null,
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { twoFactorEnrolmentRequired } }',
        { e: email, p: PASSWORD },
      );
    expect((await login('boss@example.test')).data!.login.twoFactorEnrolmentRequired).toBe(true);
    expect((await login('v@example.test')).data!.login.twoFactorEnrolmentRequired).toBe(false);

    const asAdmin = userPrincipal('ADMIN', { userId: admin.id });
    expect(await identity.services.twoFactor.markEnrolmentRequired(asAdmin)).toMatchObject({
      twoFactorEnrolmentRequired: true,
    });
    const asViewer = userPrincipal('VIEWER', { userId: viewer.id });
    expect(await identity.services.twoFactor.markEnrolmentRequired(asViewer)).toEqual(asViewer);

    const pending = { ...asAdmin, twoFactorEnrolmentRequired: true };
    const call = (query: string, variables: Record<string, unknown> = {}) =>
      signedGraphQL(identity.url, identity.secret, pending, query, variables);
    expect(codeOf(await call('{ users { totalCount } }'))).toBe('TWO_FACTOR_REQUIRED');
    expect((await call(STATUS)).data!.twoFactorStatus).toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
      required: true,
    });
    const { secret } = (await call(BEGIN)).data!.beginTwoFactorEnrolment;
    expect((await call(CONFIRM, { code: totpCode(secret, new Date()) })).data!.confirmTwoFactorEnrolment).toHaveLength(
      10,
    );
    expect(await identity.services.twoFactor.markEnrolmentRequired(asAdmin)).toEqual(asAdmin);
    // Required for admins: it cannot be turned off.
    expect(
      codeOf(await signedGraphQL(identity.url, identity.secret, asAdmin, DISABLE, { code: codeAfter(secret, 1) })),
    ).toBe('FORBIDDEN');
  });
});
