import { describe, expect, it } from '@jest/globals';
import { describeCommand, expectedChange, isConfirmed } from './command-feedback.ts';

const attribute = (name: string, value: string | null, updatedAt = '2026-12-07T10:00:00.000Z') => ({
  name,
  value,
  unit: null,
  updatedAt,
});

describe('command feedback', () => {
  it('says what a command does in plain words', () => {
    expect(describeCommand('on', [])).toBe('Turn on');
    expect(describeCommand('setLevel', ['40'])).toBe('Set level to 40%');
    expect(describeCommand('setColor', ['{"hue":5}'])).toBe('setColor ({"hue":5})');
  });

  it('knows the value the standard commands lead to', () => {
    expect(expectedChange('off', [])).toEqual({ attribute: 'switch', value: 'off' });
    expect(expectedChange('unlock', [])).toEqual({ attribute: 'lock', value: 'unlocked' });
    expect(expectedChange('setHeatingSetpoint', ['21.5'])).toEqual({ attribute: 'heatingSetpoint', value: '21.5' });
    expect(expectedChange('refresh', [])).toBeNull();
  });

  it('is confirmed when the device shows the expected value, numbers compared as numbers', () => {
    const sentAt = '2026-12-07T10:00:05.000Z';
    const on = { expectation: { attribute: 'switch', value: 'on' }, sentAt };
    expect(isConfirmed(on, [attribute('switch', 'off')])).toBe(false);
    expect(isConfirmed(on, [attribute('switch', 'on')])).toBe(true);
    const level = { expectation: { attribute: 'level', value: '40' }, sentAt };
    expect(isConfirmed(level, [attribute('level', '40.0')])).toBe(true);
    expect(isConfirmed(level, [attribute('level', '4')])).toBe(false);
  });

  it('without a known outcome, is confirmed by any report newer than the command', () => {
    const pending = { expectation: null, sentAt: '2026-12-07T10:00:05.000Z' };
    expect(isConfirmed(pending, [attribute('level', '40')])).toBe(false);
    expect(isConfirmed(pending, [attribute('level', '40', '2026-12-07T10:00:06.000Z')])).toBe(true);
  });
});
