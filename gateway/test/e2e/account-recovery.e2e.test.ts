import path from 'node:path';
import { CloseCode } from 'graphql-ws';
import { SIGNED_CLIENT_ADDRESS_HEADER, signClientAddress } from '@switchyard/shared';
import {
  bearer,
  codeOf,
  eventually,
  graphql,
  linkToken,
  readMailOutbox,
  startSmtp,
  subscriptionClient,
} from '@switchyard/testing';
import { createUser, login } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const EDGE_SECRET = 'edge-'.repeat(8);
const REQUEST = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation ($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const ME = '{ me { id } }';
const ACCEPT =
  'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken user { email role } } }';
// Short, so that a link is seen to expire within the test.
const RESET_TTL_SECONDS = 8;

const from = (address: string) => ({ [SIGNED_CLIENT_ADDRESS_HEADER]: signClientAddress(EDGE_SECRET, address) });
const randomAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/**
 * The whole flow through the gateway, once with the mail delivered to a local SMTP server and once
 * written as .eml files (no SMTP_URL), as an install without a mail server does.
 */
describe.each([
  ...ONE_BACKEND.map((backend) => ({ backend, transport: 'smtp' as const })),
  { backend: 'pglite' as const, transport: 'eml' as const },
])('account recovery through the gateway ($backend, $transport)', ({ backend, transport }) => {
  let system: System;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | null = null;
  let adminToken: string;
  const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    graphql(system.gatewayUrl, query, variables, { ...from(randomAddress()), ...headers });
  const mails = async (): Promise<Mail[]> =>
    smtp ? smtp.received : readMailOutbox(path.join(system.env.DATA_DIR!, 'identity', 'mail'));
  const nthMailTo = (address: string, n: number) =>
    eventually(async () => (await mails()).filter((mail) => mail.to.includes(address))[n - 1], 15_000, 100);

  beforeAll(async () => {
    smtp = transport === 'smtp' ? await startSmtp() : null;
    system = await startSystem(backend, {
      subgraphs: ['identity'],
      env: {
        EDGE_SIGNING_SECRET: EDGE_SECRET,
        PUBLIC_URL: 'https://switchyard.example',
        PASSWORD_RESET_TTL_SECONDS: String(RESET_TTL_SECONDS),
        PASSWORD_RESETS_PER_CLIENT: '5',
        // High, so that the timing comparison below compares mailing with not mailing.
        PASSWORD_RESETS_PER_ACCOUNT: '100',
        ...(smtp ? { SMTP_URL: smtp.url } : {}),
      },
    });
    adminToken = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  }, 180_000);
  afterAll(async () => {
    await system?.destroy();
    await smtp?.close();
  });

  it('resets a password with the mailed link once, ending every session and closing its websocket', async () => {
    const user = await createUser(system.gatewayUrl, adminToken, 'VIEWER');
    const session = await login(system.gatewayUrl, user.email, user.password);
    const socket = subscriptionClient(system.gatewayUrl, { authorization: `Bearer ${session.accessToken}` });
    await socket.connected;

    expect((await gql(REQUEST, { email: user.email })).data).toEqual({ requestPasswordReset: true });
    const mail = await nthMailTo(user.email, 1);
    expect(mail.subject).toBe('Reset your Switchyard password');
    expect(mail.text).toContain('https://switchyard.example/reset-password?token=');
    const token = linkToken(mail.text, '/reset-password')!;

    expect((await gql(RESET, { t: token, p: 'a fresh new password' })).data).toEqual({ resetPassword: true });
    expect((await socket.closed).code).toBe(CloseCode.Unauthorized);
    expect(codeOf(await gql(ME, {}, bearer(session.accessToken)))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(RESET, { t: token, p: 'another new password' }))).toBe('BAD_USER_INPUT');
    expect((await login(system.gatewayUrl, user.email, 'a fresh new password')).user.id).toBe(user.id);
    expect((await nthMailTo(user.email, 2)).subject).toBe('Your Switchyard password was changed');
  });

  it('lets a link expire', async () => {
    const user = await createUser(system.gatewayUrl, adminToken, 'VIEWER');
    await gql(REQUEST, { email: user.email });
    const token = linkToken((await nthMailTo(user.email, 1)).text, '/reset-password')!;
    await new Promise((resolve) => setTimeout(resolve, (RESET_TTL_SECONDS + 1) * 1000));
    const expired = await gql(RESET, { t: token, p: 'a fresh new password' });
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  }, 30_000);

  it('answers an unknown address the same, in about the same time, and limits requests per client address', async () => {
    const user = await createUser(system.gatewayUrl, adminToken, 'VIEWER');
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await gql(REQUEST, { email });
      return { answer, ms: performance.now() - started };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // In either order, each after the previous one's deferred work (lookup, write, mail) is done.
    for (let i = 0; i < 12; i++) {
      const pair = [
        { email: user.email, into: known },
        { email: `nobody-${i}@example.test`, into: unknown },
      ];
      if (i % 2) pair.reverse();
      const answers = [];
      for (const { email, into } of pair) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const { answer, ms } = await timed(email);
        into.push(ms);
        answers.push(answer);
      }
      expect(answers[1]).toEqual(answers[0]);
    }
    console.info(
      `requestPasswordReset median: known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms`,
    );
    // Everything that differs happens after the answer: what is left is the noise of a busy machine
    // (seen both ways round); with the link written before the answer, known addresses took 15-65 ms longer.
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(Math.max(30, 0.3 * median(unknown)));

    const here = from('203.0.113.77');
    for (let i = 0; i < 5; i++)
      expect((await graphql(system.gatewayUrl, REQUEST, { email: `x${i}@example.test` }, here)).data).toBeTruthy();
    const limited = await graphql(system.gatewayUrl, REQUEST, { email: user.email }, here);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('invites a viewer who accepts and is signed in; a revoked invitation link fails', async () => {
    const email = `invitee-${Date.now()}@example.test`;
    const invited = await gql(
      'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id status } }',
      { input: { email, role: 'VIEWER' } },
      bearer(adminToken),
    );
    expect(invited.data.inviteUser.status).toBe('PENDING');
    const token = linkToken((await nthMailTo(email, 1)).text, '/invitation')!;
    const accepted = await gql(ACCEPT, { input: { token, displayName: 'Ivy', password: 'the invitee password' } });
    expect(accepted.data.acceptInvitation.user).toEqual({ email, role: 'VIEWER' });
    expect((await gql(ME, {}, bearer(accepted.data.acceptInvitation.accessToken))).data.me.id).toBeTruthy();

    const other = `revoked-${Date.now()}@example.test`;
    const second = await gql(
      'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
      { input: { email: other, role: 'VIEWER' } },
      bearer(adminToken),
    );
    const revokedToken = linkToken((await nthMailTo(other, 1)).text, '/invitation')!;
    await gql(
      'mutation ($id: ID!) { revokeInvitation(id: $id) { id } }',
      { id: second.data.inviteUser.id },
      bearer(adminToken),
    );
    const refused = await gql(ACCEPT, {
      input: { token: revokedToken, displayName: 'Rex', password: 'the invitee password' },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.token',
      reason: 'REVOKED',
    });
  });
});
