import { checkStepCompletable, openRequiredSteps, provisioningProgress } from './provisioning.ts';
import type { ProvisioningStep } from './types.ts';

const step = (key: string, done: boolean, required = true): ProvisioningStep => ({
  key,
  title: key,
  doneAt: done ? new Date() : null,
  doneBy: null,
  required,
});

describe('provisioning steps', () => {
  it('reports progress as a whole percentage', () => {
    expect(provisioningProgress([])).toBe(100);
    expect(provisioningProgress([step('a', true), step('b', false), step('c', false)])).toBe(33);
    expect(provisioningProgress([step('a', true), step('b', true)])).toBe(100);
  });

  it('counts required steps only: optional ones neither hold back progress nor activation', () => {
    expect(provisioningProgress([step('a', true), step('b', false), step('c', false, false)])).toBe(50);
    expect(provisioningProgress([step('a', true), step('c', false, false)])).toBe(100);
    expect(provisioningProgress([step('c', false, false)])).toBe(100);
    expect(openRequiredSteps([step('a', false), step('b', true), step('c', false, false)]).map((s) => s.key)).toEqual([
      'a',
    ]);
  });

  it('completes an optional step like a required one', () => {
    expect(checkStepCompletable([step('c', false, false)], 'c', 'PROVISIONING').key).toBe('c');
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
