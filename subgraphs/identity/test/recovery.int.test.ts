import {
  TEST_BACKENDS as BACKENDS,
  codeOf,
  eventually,
  linkToken,
  readMailOutbox,
  userPrincipal,
} from '@switchyard/testing';
import { startIdentity, TEST_PUBLIC_URL } from './support.ts';

const PASSWORD = 'a long enough password';
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id role } } }';
const REQUEST_RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation ($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const INVITE =
  'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id email role status invitedBy { id } expiresAt } }';
const ACCEPT =
  'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken refreshToken user { email role displayName } } }';
const PREVIEW = 'query ($t: String!) { invitation(token: $t) { email role invitedByName } }';

describe.each(BACKENDS)('identity account recovery (%s)', (backend) => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  let admin: ReturnType<typeof userPrincipal>;
  let adminEmail: string;
  const anonymous = (query: string, variables: Record<string, unknown> = {}) => identity.call(null, query, variables);
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => identity.call(admin, query, variables);
  const mailsTo = async (address: string) =>
    (await readMailOutbox(identity.mailDir)).filter((mail) => mail.to.includes(address));
  /** Waits for the `count`-th mail to the address (mail goes out after the answer) and returns it. */
  const nthMail = (address: string, count: number) =>
    eventually(async () => (await mailsTo(address))[count - 1], 10_000, 50);
  const newUser = async (role: 'ADMIN' | 'VIEWER' = 'VIEWER') => {
    const email = `user-${Math.random().toString(36).slice(2, 10)}@example.test`;
    const user = await identity.services.userAdmin.create({ email, password: PASSWORD, displayName: 'Pat', role });
    return user;
  };
  const eventsOf = (type: string, email?: string) =>
    identity.db.securityEvent.findMany({
      where: { type, ...(email ? { email } : {}) },
      orderBy: { occurredAt: 'asc' },
    });

  beforeAll(async () => {
    identity = await startIdentity({ backend });
    const first = await newUser('ADMIN');
    admin = userPrincipal('ADMIN', { userId: first.id });
    adminEmail = first.email;
  });
  afterAll(() => identity?.stop());

  describe('password reset', () => {
    it('mails a single-use link for a known address, stores only its hash, and answers an unknown one the same', async () => {
      const user = await newUser();
      expect((await anonymous(REQUEST_RESET, { email: user.email.toUpperCase() })).data).toEqual({
        requestPasswordReset: true,
      });
      expect((await anonymous(REQUEST_RESET, { email: 'nobody-here@example.test' })).data).toEqual({
        requestPasswordReset: true,
      });
      const mail = await nthMail(user.email, 1);
      expect(mail.subject).toBe('Reset your Switchyard password');
      expect(mail.text).toContain(`${TEST_PUBLIC_URL}/reset-password?token=`);
      expect(mail.text).toContain('30 minutes');
      expect(mail.html).toContain(`href="${TEST_PUBLIC_URL}/reset-password?token=`);
      const token = linkToken(mail.text, '/reset-password')!;
      const rows = await identity.db.accountLink.findMany({ where: { userId: user.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toContain(token);
      await identity.services.accountMail.settled();
      expect(await mailsTo('nobody-here@example.test')).toEqual([]);
      const [requested] = await eventsOf('PASSWORD_RESET_REQUESTED', 'nobody-here@example.test');
      expect(requested).toMatchObject({ subjectUserId: null, ipAddress: '127.0.0.1', detail: { mailed: false } });
    });

    it('sets the password, ends every session in the same change, spends the link and mails a notice', async () => {
      const user = await newUser();
      await anonymous(LOGIN, { e: user.email, p: PASSWORD });
      await anonymous(LOGIN, { e: user.email, p: PASSWORD });
      await anonymous(REQUEST_RESET, { email: user.email });
      const token = linkToken((await nthMail(user.email, 1)).text, '/reset-password')!;

      expect((await anonymous(RESET, { t: token, p: 'a brand new password' })).data).toEqual({ resetPassword: true });
      const sessions = await identity.db.session.findMany({ where: { userId: user.id } });
      expect(sessions.map((s) => s.revokedReason)).toEqual(['password reset', 'password reset']);
      const revoked = await identity.db.outboxEvent.count({
        where: { type: 'SessionRevoked', payload: { path: ['userId'], equals: user.id } },
      });
      expect(revoked).toBe(2);
      expect(codeOf(await anonymous(LOGIN, { e: user.email, p: PASSWORD }))).toBe('UNAUTHENTICATED');
      expect((await anonymous(LOGIN, { e: user.email, p: 'a brand new password' })).data?.login.user.id).toBe(user.id);

      const again = await anonymous(RESET, { t: token, p: 'yet another password' });
      expect(codeOf(again)).toBe('BAD_USER_INPUT');
      expect(again.errors![0]!.extensions!.field).toBe('token');
      const notice = await nthMail(user.email, 2);
      expect(notice.subject).toBe('Your Switchyard password was changed');
      expect(notice.text).not.toContain('token=');
      expect(await eventsOf('PASSWORD_RESET', user.email)).toHaveLength(0); // the event names the subject, not an email
      expect(await identity.db.securityEvent.count({ where: { type: 'PASSWORD_RESET', subjectUserId: user.id } })).toBe(
        1,
      );
    });

    it('refuses an expired link, a replaced link, a short password and a non-token, each with its field', async () => {
      const user = await newUser();
      await anonymous(REQUEST_RESET, { email: user.email });
      const first = linkToken((await nthMail(user.email, 1)).text, '/reset-password')!;
      await anonymous(REQUEST_RESET, { email: user.email });
      const second = linkToken((await nthMail(user.email, 2)).text, '/reset-password')!;
      // A newer link replaces the older one.
      expect(codeOf(await anonymous(RESET, { t: first, p: 'a brand new password' }))).toBe('BAD_USER_INPUT');
      const short = await anonymous(RESET, { t: second, p: 'short' });
      expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
      await identity.db.accountLink.updateMany({
        where: { userId: user.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const expired = await anonymous(RESET, { t: second, p: 'a brand new password' });
      expect(expired.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect((await anonymous(LOGIN, { e: user.email, p: PASSWORD })).data?.login).toBeTruthy();
      const bad = await anonymous(RESET, { t: 'x'.repeat(500), p: 'a brand new password' });
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    });

    it('lets an admin mail a reset link, and only an admin', async () => {
      const user = await newUser();
      const send = 'mutation ($id: ID!) { sendPasswordResetLink(id: $id) }';
      expect(codeOf(await identity.call(userPrincipal('OPERATOR'), send, { id: user.id }))).toBe('FORBIDDEN');
      expect((await asAdmin(send, { id: user.id })).data).toEqual({ sendPasswordResetLink: true });
      expect(linkToken((await nthMail(user.email, 1)).text, '/reset-password')).toBeTruthy();
      const [event] = await identity.db.securityEvent.findMany({
        where: { type: 'PASSWORD_RESET_REQUESTED', subjectUserId: user.id },
      });
      expect(event).toMatchObject({ actorUserId: admin.userId, detail: { byAdmin: true } });
    });
  });

  describe('invitations', () => {
    const invite = async (role = 'VIEWER') => {
      const email = `invitee-${Math.random().toString(36).slice(2, 10)}@example.test`;
      const result = await asAdmin(INVITE, { input: { email, role } });
      const mails = await nthMail(email, 1);
      return { invitation: result.data!.inviteUser, email, token: linkToken(mails.text, '/invitation')! };
    };
    const accept = (token: string) =>
      anonymous(ACCEPT, { input: { token, displayName: 'New Person', password: 'the invitee password' } });

    it('invites with a role, previews, and accepting creates the account and signs it in', async () => {
      const { invitation, email, token } = await invite('VIEWER');
      expect(invitation).toMatchObject({ email, role: 'VIEWER', status: 'PENDING', invitedBy: { id: admin.userId } });
      expect((await anonymous(PREVIEW, { t: token })).data?.invitation).toMatchObject({ email, role: 'VIEWER' });
      const accepted = await accept(token);
      expect(accepted.data?.acceptInvitation).toMatchObject({
        user: { email, role: 'VIEWER', displayName: 'New Person' },
      });
      expect(accepted.data!.acceptInvitation.refreshToken).toMatch(/^rt_/);
      expect((await anonymous(LOGIN, { e: email, p: 'the invitee password' })).data?.login.user.role).toBe('VIEWER');
      const list = await asAdmin('query { invitations(status: ACCEPTED) { email status acceptedAt } }');
      expect(list.data!.invitations).toContainEqual(expect.objectContaining({ email, status: 'ACCEPTED' }));
      const reused = await accept(token);
      expect(reused.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.token',
        reason: 'ACCEPTED',
      });
      const types = (await identity.db.securityEvent.findMany({ where: { email } })).map((e) => e.type).sort();
      expect(types).toEqual(['INVITATION_ACCEPTED', 'INVITATION_SENT', 'USER_CREATED']);
    });

    it('a revoked link fails with its reason; resending replaces the link; an expired one says so', async () => {
      const revoked = await invite();
      const revoke = 'mutation ($id: ID!) { revokeInvitation(id: $id) { status revokedAt } }';
      expect((await asAdmin(revoke, { id: revoked.invitation.id })).data?.revokeInvitation.status).toBe('REVOKED');
      expect((await accept(revoked.token)).errors![0]!.extensions).toMatchObject({ reason: 'REVOKED' });
      expect((await anonymous(PREVIEW, { t: revoked.token })).errors![0]!.extensions).toMatchObject({
        field: 'token',
        reason: 'REVOKED',
      });
      expect(codeOf(await asAdmin(revoke, { id: revoked.invitation.id }))).toBe('CONFLICT');

      const resent = await invite();
      const resend = 'mutation ($id: ID!) { resendInvitation(id: $id) { status sentAt } }';
      expect((await asAdmin(resend, { id: resent.invitation.id })).data?.resendInvitation.status).toBe('PENDING');
      const newToken = linkToken((await nthMail(resent.email, 2)).text, '/invitation')!;
      expect(newToken).not.toBe(resent.token);
      expect((await accept(resent.token)).errors![0]!.extensions).toMatchObject({ reason: 'INVALID' });
      expect((await accept(newToken)).data?.acceptInvitation.user.email).toBe(resent.email);

      const expired = await invite();
      await identity.db.invitation.update({
        where: { id: expired.invitation.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      expect((await accept(expired.token)).errors![0]!.extensions).toMatchObject({ reason: 'EXPIRED' });
      const listed = await asAdmin('query { invitations(status: EXPIRED) { id } }');
      expect(listed.data!.invitations).toEqual([{ id: expired.invitation.id }]);
    });

    it('refuses an address that has an account or a pending invitation, and non-admins', async () => {
      const user = await newUser();
      const taken = await asAdmin(INVITE, { input: { email: user.email, role: 'VIEWER' } });
      expect(taken.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
      const { email } = await invite();
      expect(codeOf(await asAdmin(INVITE, { input: { email, role: 'ADMIN' } }))).toBe('CONFLICT');
      const bad = await asAdmin(INVITE, { input: { email: 'not an email', role: 'VIEWER' } });
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
      expect(
        codeOf(
          await identity.call(userPrincipal('OPERATOR'), INVITE, {
            input: { email: 'x@example.test', role: 'VIEWER' },
          }),
        ),
      ).toBe('FORBIDDEN');
    });
  });

  describe('users lifecycle', () => {
    it('reactivates a deactivated user, who can sign in again', async () => {
      const user = await newUser();
      await asAdmin('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: user.id });
      expect(codeOf(await anonymous(LOGIN, { e: user.email, p: PASSWORD }))).toBe('UNAUTHENTICATED');
      const result = await asAdmin('mutation ($id: ID!) { reactivateUser(id: $id) { deactivatedAt } }', {
        id: user.id,
      });
      expect(result.data).toEqual({ reactivateUser: { deactivatedAt: null } });
      expect((await anonymous(LOGIN, { e: user.email, p: PASSWORD })).data?.login.user.id).toBe(user.id);
      expect(
        await identity.db.securityEvent.count({ where: { type: 'USER_REACTIVATED', subjectUserId: user.id } }),
      ).toBe(1);
    });

    it('changes an email only once the new address confirms it, telling the old one', async () => {
      const user = await newUser();
      const me = userPrincipal('VIEWER', { userId: user.id });
      const request = 'mutation ($n: String!, $p: String!) { requestEmailChange(newEmail: $n, currentPassword: $p) }';
      const newEmail = `moved-${user.id.slice(0, 8)}@example.test`;
      const wrong = await identity.call(me, request, { n: newEmail, p: 'not my password at all' });
      expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
      const taken = await identity.call(me, request, { n: adminEmail, p: PASSWORD });
      expect(taken.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'newEmail' });
      expect((await identity.call(me, request, { n: newEmail, p: PASSWORD })).data).toEqual({
        requestEmailChange: true,
      });
      expect((await nthMail(user.email, 1)).text).toContain(`m•••@example.test`);
      const token = linkToken((await nthMail(newEmail, 1)).text, '/confirm-email')!;
      // Not changed before the confirmation.
      expect((await identity.services.users.findById(user.id))!.email).toBe(user.email);
      const confirm = 'mutation ($t: String!) { confirmEmailChange(token: $t) }';
      expect((await anonymous(confirm, { t: token })).data).toEqual({ confirmEmailChange: true });
      expect((await identity.services.users.findById(user.id))!.email).toBe(newEmail);
      expect((await anonymous(LOGIN, { e: newEmail, p: PASSWORD })).data?.login.user.id).toBe(user.id);
      expect((await nthMail(user.email, 2)).subject).toBe('Your Switchyard email address was changed');
      expect((await anonymous(confirm, { t: token })).errors![0]!.extensions).toMatchObject({ field: 'token' });
      expect(await identity.db.securityEvent.count({ where: { type: 'EMAIL_CHANGED', subjectUserId: user.id } })).toBe(
        1,
      );
    });

    it('never leaves zero active admins', async () => {
      // The suite's admin is the only one.
      expect(await identity.db.user.count({ where: { role: 'ADMIN', deactivatedAt: null } })).toBe(1);
      const deactivate = await asAdmin('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: admin.userId });
      expect(codeOf(deactivate)).toBe('CONFLICT');
      const demote = await asAdmin('mutation ($id: ID!) { updateUserRole(id: $id, role: VIEWER) { id } }', {
        id: admin.userId,
      });
      expect(codeOf(demote)).toBe('CONFLICT');
    });

    it('answers NOT_FOUND for an id that is no UUID, never a database error', async () => {
      for (const operation of [
        'mutation { sendPasswordResetLink(id: "x") }',
        'mutation { reactivateUser(id: "x") { id } }',
        'mutation { requestUserEmailChange(id: "x", newEmail: "new@example.test") }',
        'mutation { revokeInvitation(id: "x") { id } }',
        'mutation { resendInvitation(id: "x") { id } }',
      ])
        expect([operation, codeOf(await asAdmin(operation))]).toEqual([operation, 'NOT_FOUND']);
    });
  });
});

describe('password reset limits', () => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  beforeAll(async () => {
    identity = await startIdentity({ recovery: { resetsPerAccount: 2, resetsPerClient: 4 } });
  });
  afterAll(() => identity?.stop());

  it('mails an address at most its limit without saying so, and refuses a client past its own', async () => {
    const user = await identity.services.userAdmin.create({
      email: 'limited@example.test',
      password: PASSWORD,
      displayName: 'Lim',
      role: 'VIEWER',
    });
    const ask = (email: string) => identity.call(null, REQUEST_RESET, { email });
    for (let i = 0; i < 4; i += 1) expect((await ask(user.email)).data).toEqual({ requestPasswordReset: true });
    const limited = await ask('someone-else@example.test');
    expect(limited.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    await identity.services.accountMail.settled();
    expect((await readMailOutbox(identity.mailDir)).filter((m) => m.to.includes(user.email))).toHaveLength(2);
  });
});
