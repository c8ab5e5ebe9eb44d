import { alertRuleInputSchema } from './alert-input.ts';
import { DEFAULT_ALERT_RULES } from './default-alert-rules.ts';

describe('default alert rules', () => {
  it('are rules an admin could have written, one per kind the issue asks for, for every subject', () => {
    for (const rule of DEFAULT_ALERT_RULES) expect(alertRuleInputSchema.parse(rule)).toEqual(rule);
    expect(DEFAULT_ALERT_RULES.map((rule) => [rule.kind, rule.target, rule.forSeconds, rule.thresholdPercent])).toEqual(
      [
        ['SERVICE_DOWN', null, 60, null],
        ['HUB_OFFLINE', null, 300, null],
        ['ERROR_RATE', null, 300, 5],
        ['BREAKER_OPEN', null, 120, null],
      ],
    );
  });
});
