import { checkStepCompletable, provisioningProgress, stepsFor } from './provisioning.ts';
import type { ProvisioningStep } from './types.ts';

const step = (key: string, done: boolean): ProvisioningStep => ({
  key,
  title: key,
  doneAt: done ? new Date() : null,
  doneBy: null,
});

describe('provisioning steps', () => {
  it('creates the steps of the store type template in order', () => {
    expect(stepsFor('HOME').map((s) => s.key)).toEqual(['network-configured', 'hub-paired']);
    expect(stepsFor('FLAGSHIP')).toHaveLength(5);
    expect(stepsFor('KIOSK').map((s) => s.position)).toEqual([0, 1, 2]);
  });

  it('reports progress as a whole percentage', () => {
    expect(provisioningProgress([])).toBe(100);
    expect(provisioningProgress([step('a', true), step('b', false), step('c', false)])).toBe(33);
    expect(provisioningProgress([step('a', true), step('b', true)])).toBe(100);
  });

  it('completes only open, known steps of a store not yet activated', () => {
    const steps = [step('a', true), step('b', false)];
    expect(checkStepCompletable(steps, 'b', 'PROVISIONING').key).toBe('b');
    expect(() => checkStepCompletable(steps, 'a', 'PROVISIONING')).toThrow(/already done/);
    expect(() => checkStepCompletable(steps, 'zzz', 'PROVISIONING')).toThrow(/no such provisioning step/);
    expect(checkStepCompletable(steps, 'b', 'DRAFT').key).toBe('b');
    expect(() => checkStepCompletable(steps, 'b', 'ACTIVE')).toThrow(/before activation/);
  });
});
