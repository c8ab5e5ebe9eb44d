import { alertRuleInputSchema, alertRulePatchSchema } from './alert-input.ts';

describe('alert rule input', () => {
  it('fills defaults and requires a threshold for latency rules', () => {
    expect(alertRuleInputSchema.parse({ name: 'down', kind: 'SERVICE_DOWN' })).toEqual({
      name: 'down', kind: 'SERVICE_DOWN', target: null, thresholdMs: null, consecutiveChecks: 2, forSeconds: 0, enabled: true,
    });
    expect(alertRuleInputSchema.safeParse({ name: 'slow', kind: 'LATENCY_ABOVE' }).error?.issues[0]?.path).toEqual(['thresholdMs']);
  });

  it('keeps only the fields a patch sets, and an explicit null target', () => {
    expect(alertRulePatchSchema.parse({ enabled: false, name: undefined, target: null, consecutiveChecks: null })).toEqual({ enabled: false, target: null });
  });
});
