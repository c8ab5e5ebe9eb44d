import { alertRuleInputSchema, alertRulePatchSchema } from './alert-input.ts';

describe('alert rule input', () => {
  it('fills defaults and requires a threshold for latency rules', () => {
    expect(alertRuleInputSchema.parse({ name: 'down', kind: 'SERVICE_DOWN' })).toEqual({
      name: 'down',
      kind: 'SERVICE_DOWN',
      target: null,
      thresholdMs: null,
      thresholdPercent: null,
      consecutiveChecks: 2,
      forSeconds: 0,
      enabled: true,
      channelIds: [],
      repeatIntervalSeconds: null,
    });
    expect(alertRuleInputSchema.safeParse({ name: 'slow', kind: 'LATENCY_ABOVE' }).error?.issues[0]?.path).toEqual([
      'thresholdMs',
    ]);
  });

  it('requires a percentage for error-rate rules and measures them over five minutes unless told', () => {
    expect(alertRuleInputSchema.parse({ name: 'errors', kind: 'ERROR_RATE', thresholdPercent: 5 })).toMatchObject({
      thresholdPercent: 5,
      forSeconds: 300,
    });
    expect(alertRuleInputSchema.safeParse({ name: 'errors', kind: 'ERROR_RATE' }).error?.issues[0]?.path).toEqual([
      'thresholdPercent',
    ]);
    expect(
      alertRuleInputSchema.safeParse({ name: 'errors', kind: 'ERROR_RATE', thresholdPercent: 5, forSeconds: 1 }).error
        ?.issues[0]?.path,
    ).toEqual(['forSeconds']);
    expect(
      alertRuleInputSchema.safeParse({ name: 'errors', kind: 'ERROR_RATE', thresholdPercent: 101 }).error?.issues[0]
        ?.path,
    ).toEqual(['thresholdPercent']);
  });

  it('keeps only the fields a patch sets, and an explicit null target', () => {
    expect(
      alertRulePatchSchema.parse({ enabled: false, name: undefined, target: null, consecutiveChecks: null }),
    ).toEqual({ enabled: false, target: null });
  });
});
