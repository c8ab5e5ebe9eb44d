import { randomUUID } from 'node:crypto';
import { TEST_BACKENDS, userPrincipal } from '@switchyard/testing';
import { startObservability } from './support.ts';

const CREATE_RULE =
  'mutation ($input: AlertRuleInput!, $key: String) { createAlertRule(input: $input, idempotencyKey: $key) { id name enabled } }';
const UPDATE_RULE = 'mutation ($id: ID!, $input: AlertRulePatch!) { updateAlertRule(id: $id, input: $input) { id } }';
const CREATE_SILENCE = `mutation ($matcher: String!, $until: DateTime!, $reason: String!, $key: String) {
  createSilence(matcher: $matcher, until: $until, reason: $reason, idempotencyKey: $key) { id matcher }
}`;

describe.each(TEST_BACKENDS)('idempotent createAlertRule and createSilence on a real database (%s)', (backend) => {
  let observability: Awaited<ReturnType<typeof startObservability>>;
  const admin = userPrincipal('ADMIN');

  beforeAll(async () => {
    observability = await startObservability(backend);
  });
  afterAll(() => observability?.stop());

  const ruleInput = () => ({ name: `rule ${randomUUID()}`, kind: 'SERVICE_DOWN', target: 'stores' });
  const rulesNamed = (name: string) => observability.db.alertRule.count({ where: { name } });
  const silencesMatching = (matcher: string) => observability.db.silence.count({ where: { matcher } });
  const silenceArgs = () => ({
    matcher: `rule-${randomUUID()}`,
    until: new Date(Date.now() + 3600_000).toISOString(),
    reason: 'maintenance',
  });

  it('answers a repeated createAlertRule with the first rule, as it is now, and creates one', async () => {
    const input = ruleInput();
    const key = `rule-${randomUUID()}`;
    const first = await observability.call(admin, CREATE_RULE, { input, key });
    expect(first.errors).toBeUndefined();
    const created = first.data!.createAlertRule;
    await observability.call(admin, UPDATE_RULE, { id: created.id, input: { enabled: false } });

    const repeat = await observability.call(admin, CREATE_RULE, { input, key });
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data!.createAlertRule).toEqual({ ...created, enabled: false });
    expect(await rulesNamed(input.name)).toBe(1);
    expect(await observability.db.idempotencyRecord.findMany({ where: { key } })).toEqual([
      expect.objectContaining({
        operation: 'createAlertRule',
        principalId: `user:${admin.userId}`,
        result: { id: created.id },
      }),
    ]);
  });

  it('answers a repeated createSilence with the first silence and creates one', async () => {
    const args = silenceArgs();
    const key = `silence-${randomUUID()}`;
    const first = await observability.call(admin, CREATE_SILENCE, { ...args, key });
    expect(first.errors).toBeUndefined();
    const repeat = await observability.call(admin, CREATE_SILENCE, { ...args, key });
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data!.createSilence).toEqual(first.data!.createSilence);
    expect(await silencesMatching(args.matcher)).toBe(1);
  });

  it('refuses the same key with other arguments and writes nothing', async () => {
    const key = `rule-${randomUUID()}`;
    await observability.call(admin, CREATE_RULE, { input: ruleInput(), key });
    const other = ruleInput();
    const reused = await observability.call(admin, CREATE_RULE, { input: other, key });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    expect(await rulesNamed(other.name)).toBe(0);

    const silenceKey = `silence-${randomUUID()}`;
    const args = silenceArgs();
    await observability.call(admin, CREATE_SILENCE, { ...args, key: silenceKey });
    const otherReason = await observability.call(admin, CREATE_SILENCE, { ...args, reason: 'other', key: silenceKey });
    expect(otherReason.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await silencesMatching(args.matcher)).toBe(1);
  });

  it('creates exactly one rule and one silence for concurrent duplicates, answering each with it', async () => {
    const input = ruleInput();
    const key = `rule-${randomUUID()}`;
    const rules = await Promise.all(
      Array.from({ length: 5 }, () => observability.call(admin, CREATE_RULE, { input, key })),
    );
    for (const result of rules) expect(result.errors).toBeUndefined();
    expect(new Set(rules.map((result) => result.data!.createAlertRule.id)).size).toBe(1);
    expect(await rulesNamed(input.name)).toBe(1);

    const args = silenceArgs();
    const silenceKey = `silence-${randomUUID()}`;
    const silences = await Promise.all(
      Array.from({ length: 5 }, () => observability.call(admin, CREATE_SILENCE, { ...args, key: silenceKey })),
    );
    for (const result of silences) expect(result.errors).toBeUndefined();
    expect(new Set(silences.map((result) => result.data!.createSilence.id)).size).toBe(1);
    expect(await silencesMatching(args.matcher)).toBe(1);
  });

  it('keeps keys apart per caller; forgets a key whose create failed; refuses malformed keys', async () => {
    const key = `rule-${randomUUID()}`;
    const mine = await observability.call(admin, CREATE_RULE, { input: ruleInput(), key });
    const theirs = await observability.call(userPrincipal('ADMIN'), CREATE_RULE, { input: ruleInput(), key });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.createAlertRule.id).not.toBe(mine.data!.createAlertRule.id);

    // A taken name rolls the key back with the create, so a corrected retry may use it.
    const takenKey = `rule-${randomUUID()}`;
    const taken = await observability.call(admin, CREATE_RULE, {
      input: { ...ruleInput(), name: mine.data!.createAlertRule.name },
      key: takenKey,
    });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await observability.db.idempotencyRecord.count({ where: { key: takenKey } })).toBe(0);
    const corrected = await observability.call(admin, CREATE_RULE, { input: ruleInput(), key: takenKey });
    expect(corrected.errors).toBeUndefined();

    for (const malformed of ['', 'has space', 'x'.repeat(129)]) {
      const input = ruleInput();
      const refused = await observability.call(admin, CREATE_RULE, { input, key: malformed });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      expect(await rulesNamed(input.name)).toBe(0);
      const args = silenceArgs();
      const silence = await observability.call(admin, CREATE_SILENCE, { ...args, key: malformed });
      expect(silence.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      expect(await silencesMatching(args.matcher)).toBe(0);
    }
  });
});
