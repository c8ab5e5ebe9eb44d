import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, env, parseConfig, withEmbeddedSecrets } from './config.ts';

const schema = z.object({ PORT: env.port(4000), SECRET: env.secret(), FLAG: env.boolean(false) });

describe('parseConfig', () => {
  it('applies defaults, coerces and freezes', () => {
    const config = parseConfig(schema, { SECRET: 's'.repeat(32), FLAG: 'true' });
    expect(config).toEqual({ PORT: 4000, SECRET: 's'.repeat(32), FLAG: true });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad variable', () => {
    try {
      parseConfig(schema, { PORT: '99999', SECRET: 'short', FLAG: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'SECRET', 'FLAG']);
    }
  });

  it('refuses ports that browsers and fetch block, naming the variable', () => {
    expect(() => parseConfig(schema, { PORT: '6000', SECRET: 's'.repeat(32) })).toThrow(
      /PORT: is a port browsers and fetch refuse/,
    );
    expect(parseConfig(schema, { PORT: '6001', SECRET: 's'.repeat(32) }).PORT).toBe(6001);
  });

  it('reads <NAME>_FILE and refuses both forms at once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'config-'));
    const file = path.join(dir, 'secret');
    writeFileSync(file, `${'f'.repeat(40)}\n`);
    expect(parseConfig(schema, { SECRET_FILE: file }).SECRET).toBe('f'.repeat(40));
    expect(() => parseConfig(schema, { SECRET_FILE: file, SECRET: 'x'.repeat(40) })).toThrow(/SECRET: set both/);
    expect(() => parseConfig(schema, { SECRET_FILE: path.join(dir, 'missing') })).toThrow(/SECRET_FILE: cannot read/);
    const transformed = schema.transform((e) => ({ secret: e.SECRET }));
    expect(
      parseConfig(transformed, { SECRET_FILE: file, OTHER_TOOL_CONFIG_FILE: path.join(dir, 'missing') }).secret,
    ).toBe('f'.repeat(40));
  });
});

describe('env.retentionDays', () => {
  const days = z.object({ DAYS: env.retentionDays(7) });
  it('takes whole days, with 0 or off meaning keep forever, and refuses anything else', () => {
    expect(parseConfig(days, {}).DAYS).toBe(7);
    expect(parseConfig(days, { DAYS: '30' }).DAYS).toBe(30);
    expect(parseConfig(days, { DAYS: '0' }).DAYS).toBeNull();
    expect(parseConfig(days, { DAYS: 'off' }).DAYS).toBeNull();
    for (const bad of ['-1', '1.5', 'never']) expect(() => parseConfig(days, { DAYS: bad })).toThrow(/DAYS: /);
  });
});

describe('withEmbeddedSecrets', () => {
  it('generates a secret once and returns the same one afterwards', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'secrets-'));
    const first = withEmbeddedSecrets({ DATA_DIR: dataDir }, ['JWT_SECRET']);
    const second = withEmbeddedSecrets({ DATA_DIR: dataDir }, ['JWT_SECRET']);
    expect(first.JWT_SECRET_FILE).toBe(second.JWT_SECRET_FILE);
    expect(readFileSync(first.JWT_SECRET_FILE!, 'utf8')).toHaveLength(43);
  });

  it('leaves configured secrets and non-embedded mode alone', () => {
    expect(withEmbeddedSecrets({ JWT_SECRET: 'given' }, ['JWT_SECRET'])).toEqual({ JWT_SECRET: 'given' });
    expect(withEmbeddedSecrets({ DATABASE_URL: 'postgresql://x/y' }, ['JWT_SECRET'])).toEqual({
      DATABASE_URL: 'postgresql://x/y',
    });
  });
});
