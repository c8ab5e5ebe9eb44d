import { MAX_TEMPLATE_STEPS, parseTemplateSteps } from './provisioning-templates.ts';

const fieldOf = (steps: unknown) => {
  try {
    parseTemplateSteps(steps);
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  return null;
};

describe('provisioning template steps', () => {
  it('keeps the order given as positions, trims titles and makes steps required unless said otherwise', () => {
    expect(
      parseTemplateSteps([
        { key: 'network-configured', title: ' Network configured ' },
        { key: 'site-survey', title: 'Site survey', required: false },
        { key: 'pos2', title: 'POS tested', required: null },
      ]),
    ).toEqual([
      { key: 'network-configured', title: 'Network configured', required: true, position: 0 },
      { key: 'site-survey', title: 'Site survey', required: false, position: 1 },
      { key: 'pos2', title: 'POS tested', required: true, position: 2 },
    ]);
    expect(parseTemplateSteps([])).toEqual([]);
  });

  it.each([
    ['', 'empty'],
    ['Upper', 'upper case'],
    ['two--hyphens', 'double hyphen'],
    ['-leading', 'leading hyphen'],
    ['trailing-', 'trailing hyphen'],
    ['with space', 'space'],
    ['a'.repeat(41), 'too long'],
  ])('refuses the key %j (%s) on steps.<i>.key', (key) => {
    expect(
      fieldOf([
        { key: 'ok', title: 'Fine' },
        { key, title: 'Title' },
      ]),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'steps.1.key',
    });
  });

  it('accepts a key of 40 characters', () => {
    expect(parseTemplateSteps([{ key: 'a'.repeat(40), title: 'Long' }])).toHaveLength(1);
  });

  it('refuses a key used twice, on the later step', () => {
    expect(
      fieldOf([
        { key: 'a', title: 'A' },
        { key: 'b', title: 'B' },
        { key: 'a', title: 'Again' },
      ]),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'steps.2.key' });
  });

  it('refuses blank and over-long titles on steps.<i>.title', () => {
    expect(fieldOf([{ key: 'a', title: '   ' }])).toMatchObject({ field: 'steps.0.title' });
    expect(fieldOf([{ key: 'a', title: 'x'.repeat(121) }])).toMatchObject({ field: 'steps.0.title' });
    expect(parseTemplateSteps([{ key: 'a', title: 'x'.repeat(120) }])).toHaveLength(1);
  });

  it(`refuses more than ${MAX_TEMPLATE_STEPS} steps on steps`, () => {
    const steps = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `s${i}`, title: `Step ${i}` }));
    expect(parseTemplateSteps(steps(MAX_TEMPLATE_STEPS))).toHaveLength(MAX_TEMPLATE_STEPS);
    expect(fieldOf(steps(MAX_TEMPLATE_STEPS + 1))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'steps' });
  });
});
