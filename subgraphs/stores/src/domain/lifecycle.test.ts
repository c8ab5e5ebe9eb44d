import { userPrincipal, apiKeyPrincipal } from '@switchyard/testing';
import { allowedTargets, authorizeTransition, checkEditable, planTransition } from './lifecycle.ts';
import { STORE_STATUSES, type ProvisioningStep, type StoreStatus } from './types.ts';

const now = new Date('2026-11-22T10:00:00Z');
const step = (key: string, done: boolean, required = true): ProvisioningStep => ({
  key,
  title: key,
  doneAt: done ? now : null,
  doneBy: null,
  required,
});
const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  return null;
};

describe('store lifecycle', () => {
  const allowed: [StoreStatus, StoreStatus][] = [
    ['DRAFT', 'PROVISIONING'],
    ['PROVISIONING', 'DRAFT'],
    ['PROVISIONING', 'ACTIVE'],
    ['ACTIVE', 'SUSPENDED'],
    ['SUSPENDED', 'ACTIVE'],
    ['SUSPENDED', 'DECOMMISSIONED'],
    ['ACTIVE', 'DECOMMISSIONED'],
  ];

  it.each(STORE_STATUSES.flatMap((from) => STORE_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const isAllowed = allowed.some(([a, b]) => a === from && b === to);
    const extensions = codeOf(() => planTransition({ status: from, openedAt: null }, [step('a', true)], to, now));
    if (isAllowed) expect(extensions).toBeNull();
    else
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to', allowedTargets: allowedTargets(from) });
  });

  it('refuses activation while steps are open, naming them', () => {
    const extensions = codeOf(() =>
      planTransition({ status: 'PROVISIONING', openedAt: null }, [step('a', true), step('b', false)], 'ACTIVE', now),
    );
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', openSteps: ['b'] });
  });

  it('activates with optional steps still open; only required ones are named as open', () => {
    const optional = step('survey', false, false);
    expect(
      planTransition({ status: 'PROVISIONING', openedAt: null }, [step('a', true), optional], 'ACTIVE', now),
    ).toEqual({ status: 'ACTIVE', openedAt: now });
    const extensions = codeOf(() =>
      planTransition({ status: 'PROVISIONING', openedAt: null }, [step('b', false), optional], 'ACTIVE', now),
    );
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', openSteps: ['b'] });
  });

  it('keeps a decommissioned store as it was', () => {
    expect(codeOf(() => checkEditable({ status: 'DECOMMISSIONED' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    for (const status of STORE_STATUSES.filter((s) => s !== 'DECOMMISSIONED'))
      expect(codeOf(() => checkEditable({ status }))).toBeNull();
  });

  it('sets openedAt on the first activation only', () => {
    expect(planTransition({ status: 'PROVISIONING', openedAt: null }, [], 'ACTIVE', now).openedAt).toBe(now);
    const earlier = new Date('2025-01-01T00:00:00Z');
    expect(planTransition({ status: 'SUSPENDED', openedAt: earlier }, [], 'ACTIVE', now).openedAt).toBe(earlier);
  });

  it('lets only an ADMIN decommission, and API keys only with stores:write', () => {
    expect(() => authorizeTransition(userPrincipal('OPERATOR'), 'SUSPENDED')).not.toThrow();
    expect(codeOf(() => authorizeTransition(userPrincipal('OPERATOR'), 'DECOMMISSIONED'))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(() => authorizeTransition(userPrincipal('ADMIN'), 'DECOMMISSIONED')).not.toThrow();
    expect(codeOf(() => authorizeTransition(apiKeyPrincipal('ADMIN', ['stores:read']), 'ACTIVE'))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
