import { changePasswordSchema, createApiKeySchema, createUserSchema, emailSchema } from './user-input.ts';

describe('identity input rules', () => {
  it('keeps emails trimmed and in lower case, and refuses what is not one', () => {
    expect(emailSchema.parse('  Ann@Example.TEST ')).toBe('ann@example.test');
    expect(emailSchema.safeParse('ann at example').success).toBe(false);
  });

  it('wants passwords of 12 to 256 characters', () => {
    const user = { email: 'ann@example.test', displayName: 'Ann', role: 'VIEWER' };
    expect(createUserSchema.safeParse({ ...user, password: 'x'.repeat(11) }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...user, password: 'x'.repeat(12) }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...user, password: 'x'.repeat(257) }).success).toBe(false);
  });

  it('refuses a new password equal to the current one, on the newPassword field', () => {
    const same = changePasswordSchema.safeParse({ currentPassword: 'x'.repeat(12), newPassword: 'x'.repeat(12) });
    expect(same.success).toBe(false);
    expect(same.error?.issues.map((issue) => issue.path)).toEqual([['newPassword']]);
  });

  it('takes known API key scopes only, at least one, each once', () => {
    expect(createApiKeySchema.parse({ name: ' ci ', scopes: ['stores:read', 'stores:read'] })).toEqual({
      name: 'ci',
      scopes: ['stores:read'],
    });
    expect(createApiKeySchema.safeParse({ name: 'ci', scopes: [] }).success).toBe(false);
    expect(createApiKeySchema.safeParse({ name: 'ci', scopes: ['everything'] }).success).toBe(false);
  });
});
