import { Secret, TOTP } from 'otpauth';
import { bearer, codesOf, graphql } from '@switchyard/testing';
import { createUser, login as loginAt } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const ME = '{ me { id email } }';
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    accessToken refreshToken twoFactorEnrolmentRequired secondFactor { challengeToken expiresAt }
  }
}`;
const COMPLETE = `mutation ($token: String!, $code: String!) {
  completeSignIn(challengeToken: $token, code: $code) { accessToken refreshToken user { email } }
}`;
const BEGIN = 'mutation { beginTwoFactorEnrolment { secret otpauthUri } }';
const CONFIRM = 'mutation ($code: String!) { confirmTwoFactorEnrolment(code: $code) }';
const DISABLE = 'mutation ($code: String!) { disableTwoFactor(code: $code) }';
const STATUS = '{ twoFactorStatus { enabled recoveryCodesLeft required } }';

/** What an authenticator app shows `steps` periods from now (each period's code is accepted once). */
const codeAt = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

describe.each(ONE_BACKEND)('two-factor sign-in through the gateway (%s)', (backend) => {
  let system: System;
  let gateway: string;
  let adminToken: string;
  const as =
    (token: string) =>
    (query: string, variables: Record<string, unknown> = {}) =>
      graphql(gateway, query, variables, bearer(token));

  /** Enrols with the previous period's code, leaving this one and the next for the test. */
  async function enrol(token: string) {
    const { secret, otpauthUri } = (await as(token)(BEGIN)).data.beginTwoFactorEnrolment;
    const codes: string[] = (await as(token)(CONFIRM, { code: codeAt(secret, -1) })).data.confirmTwoFactorEnrolment;
    return { secret, otpauthUri: otpauthUri as string, recoveryCodes: codes };
  }

  beforeAll(async () => {
    system = await startSystem(backend, {
      subgraphs: ['identity'],
      env: { REQUIRE_2FA_FOR_ADMINS: 'true', LOGIN_MAX_FAILURES: '3' },
    });
    gateway = system.gatewayUrl;
  });
  afterAll(async () => {
    await system?.destroy();
  });

  it('holds an admin without two-factor to enrolment and sign-out (TWO_FACTOR_REQUIRED), then lets them in', async () => {
    const first = (await graphql(gateway, LOGIN, { email: system.admin.email, password: system.admin.password })).data
      .login;
    expect(first.twoFactorEnrolmentRequired).toBe(true);
    adminToken = first.accessToken;
    expect(codesOf(await as(adminToken)('{ users { totalCount } }'))).toEqual(['TWO_FACTOR_REQUIRED']);
    expect(codesOf(await as(adminToken)('{ apiKeys { id } }'))).toEqual(['TWO_FACTOR_REQUIRED']);
    expect((await as(adminToken)(ME)).data.me.email).toBe(system.admin.email);
    expect((await as(adminToken)(STATUS)).data.twoFactorStatus).toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
      required: true,
    });

    await enrol(adminToken);
    // The same session goes on, now unrestricted: identity answers every request afresh.
    expect((await as(adminToken)('{ users { totalCount } }')).data.users.totalCount).toBeGreaterThanOrEqual(1);
    expect((await as(adminToken)(STATUS)).data.twoFactorStatus).toMatchObject({ enabled: true, required: false });
  });

  it('signs in in two steps; the challenge is no Bearer token or API key, works once, and each code once', async () => {
    const user = await createUser(gateway, adminToken, 'VIEWER');
    const { secret, otpauthUri } = await enrol((await loginAt(gateway, user.email, user.password)).accessToken);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Switchyard:/);

    const step1 = (await graphql(gateway, LOGIN, { email: user.email, password: user.password })).data.login;
    expect(step1).toMatchObject({ accessToken: null, refreshToken: null, twoFactorEnrolmentRequired: false });
    const challenge: string = step1.secondFactor.challengeToken;
    expect(Date.parse(step1.secondFactor.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    expect(codesOf(await graphql(gateway, ME, {}, bearer(challenge)))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await graphql(gateway, ME, {}, { 'x-api-key': challenge }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await graphql(gateway, BEGIN, {}, bearer(challenge)))).toEqual(['UNAUTHENTICATED']);

    const code = codeAt(secret);
    const session = (await graphql(gateway, COMPLETE, { token: challenge, code })).data.completeSignIn;
    expect(session.user.email).toBe(user.email);
    expect((await as(session.accessToken)(ME)).data.me.email).toBe(user.email);
    expect(codesOf(await graphql(gateway, COMPLETE, { token: challenge, code: codeAt(secret, 1) }))).toEqual([
      'UNAUTHENTICATED',
    ]);

    // The code just used cannot sign in again within its window.
    const again = (await graphql(gateway, LOGIN, { email: user.email, password: user.password })).data.login;
    expect(codesOf(await graphql(gateway, COMPLETE, { token: again.secondFactor.challengeToken, code }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('throttles wrong codes like wrong passwords', async () => {
    const user = await createUser(gateway, adminToken, 'VIEWER');
    const { secret } = await enrol((await loginAt(gateway, user.email, user.password)).accessToken);
    const challenge = (await graphql(gateway, LOGIN, { email: user.email, password: user.password })).data.login
      .secondFactor.challengeToken;
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(codesOf(await graphql(gateway, COMPLETE, { token: challenge, code: '000000' }))[0]);
    // LOGIN_MAX_FAILURES=3: the password's attempt and two wrong codes, then a wait.
    expect(answers).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
    const limited = await graphql(gateway, COMPLETE, { token: challenge, code: codeAt(secret) });
    expect(codesOf(limited)).toEqual(['RATE_LIMITED']);
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('takes a recovery code exactly once, and turns two-factor off only with a code', async () => {
    const user = await createUser(gateway, adminToken, 'VIEWER');
    const { secret, recoveryCodes } = await enrol((await loginAt(gateway, user.email, user.password)).accessToken);
    const challenge = async () =>
      (await graphql(gateway, LOGIN, { email: user.email, password: user.password })).data.login.secondFactor
        .challengeToken;
    const recovery = recoveryCodes[0]!;
    const session = (await graphql(gateway, COMPLETE, { token: await challenge(), code: recovery })).data
      .completeSignIn;
    expect(session.accessToken).toEqual(expect.any(String));
    expect(codesOf(await graphql(gateway, COMPLETE, { token: await challenge(), code: recovery }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await as(session.accessToken)(STATUS)).data.twoFactorStatus.recoveryCodesLeft).toBe(9);

    expect(codesOf(await as(session.accessToken)(DISABLE, { code: '000000' }))).toEqual(['BAD_USER_INPUT']);
    // That was the third counted attempt since the last right code (LOGIN_MAX_FAILURES=3): wait out its 1 s.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await as(session.accessToken)(DISABLE, { code: codeAt(secret, 1) })).data.disableTwoFactor).toBe(true);
    expect((await loginAt(gateway, user.email, user.password)).accessToken).toEqual(expect.any(String));
  });
});
