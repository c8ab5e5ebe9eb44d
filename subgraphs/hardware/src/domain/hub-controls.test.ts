import {
  classifyLocationEvent,
  hsmStatusOf,
  isDisarmed,
  normaliseVariableValue,
  variableTypeOf,
} from './hub-controls.ts';

const codeOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
};

describe('hub controls', () => {
  it('maps HSM statuses, unknown wording included', () => {
    expect(hsmStatusOf('armedAway')).toBe('ARMED_AWAY');
    expect(hsmStatusOf('armingNight')).toBe('ARMING_NIGHT');
    expect(hsmStatusOf('allDisarmed')).toBe('ALL_DISARMED');
    expect(hsmStatusOf('somethingNew')).toBe('UNKNOWN');
    expect(hsmStatusOf(null)).toBe('UNKNOWN');
    expect(isDisarmed('ALL_DISARMED')).toBe(true);
    expect(isDisarmed('ARMING_AWAY')).toBe(false);
  });

  it('classifies location events and ignores the rest', () => {
    expect(classifyLocationEvent('mode', 'Night')).toEqual({ kind: 'MODE', name: 'mode', value: 'Night' });
    expect(classifyLocationEvent('hsmAlert', 'intrusion')?.kind).toBe('HSM_ALERT');
    expect(classifyLocationEvent('hsmStatus', 'armedHome')?.kind).toBe('HSM_STATUS');
    expect(classifyLocationEvent('variable:Guests', '3')).toEqual({ kind: 'VARIABLE', name: 'Guests', value: '3' });
    expect(classifyLocationEvent('variable:', '3')).toBeNull();
    expect(classifyLocationEvent('sunrise', 'true')).toBeNull();
  });

  it('reads the Maker API type names', () => {
    expect(variableTypeOf('integer')).toBe('Number');
    expect(variableTypeOf('bigdecimal')).toBe('Decimal');
    expect(variableTypeOf('boolean')).toBe('Boolean');
    expect(variableTypeOf('datetime')).toBe('DateTime');
    expect(variableTypeOf('string')).toBe('String');
    expect(variableTypeOf(undefined)).toBe('String');
  });

  it('validates values against the type', () => {
    expect(normaliseVariableValue('Number', ' 42 ')).toBe('42');
    expect(normaliseVariableValue('Decimal', '-21.5')).toBe('-21.5');
    expect(normaliseVariableValue('Boolean', 'TRUE')).toBe('true');
    expect(normaliseVariableValue('DateTime', '2026-12-24T18:00:00Z')).toBe('2026-12-24T18:00:00.000Z');
    expect(normaliseVariableValue('String', ' as is ')).toBe(' as is ');
    for (const [type, value] of [
      ['Number', '4.5'],
      ['Number', 'four'],
      ['Decimal', '1e5'],
      ['Boolean', 'yes'],
      ['DateTime', 'tomorrow'],
      ['DateTime', '2026-13-45T99:00'],
      ['String', 'x'.repeat(1001)],
    ] as const)
      expect(codeOf(() => normaliseVariableValue(type, value))).toEqual({ code: 'BAD_USER_INPUT', field: 'value' });
  });
});
