import { alertRuleInputSchema } from './alert-input.ts';
import {
  DEFAULT_ALERT_RULES,
  DEFAULT_CERTIFICATE_ALERT_RULES,
  DEFAULT_DEVICE_ALERT_RULES,
  DEFAULT_HSM_ALERT_RULES,
} from './default-alert-rules.ts';

describe('default alert rules', () => {
  it('are rules an admin could have written, one per kind the issue asks for, for every subject', () => {
    // As an admin's input reads them: every enabled channel, no reminders.
    for (const rule of [
      ...DEFAULT_ALERT_RULES,
      ...DEFAULT_CERTIFICATE_ALERT_RULES,
      ...DEFAULT_DEVICE_ALERT_RULES,
      ...DEFAULT_HSM_ALERT_RULES,
    ])
      expect(alertRuleInputSchema.parse(rule)).toEqual({ ...rule, channelIds: [], repeatIntervalSeconds: null });
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
