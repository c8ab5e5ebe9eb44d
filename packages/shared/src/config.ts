import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BLOCKED_PORTS } from './ports.ts';

export type Env = Record<string, string | undefined>;

/** Thrown by `parseConfig`; `problems` holds one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/**
 * Resolves `<NAME>_FILE` variables (the Docker/Kubernetes secrets convention) into `<NAME>`,
 * reading the file and dropping one trailing newline. Only names the service reads are resolved,
 * so unrelated `*_FILE` variables in the environment are left alone.
 */
export function resolveFileVariables(env: Env, names: ReadonlySet<string>): { env: Env; problems: string[] } {
  const resolved: Env = { ...env };
  const problems: string[] = [];
  for (const [key, file] of Object.entries(env)) {
    if (!key.endsWith('_FILE') || !file) continue;
    const name = key.slice(0, -'_FILE'.length);
    if (!names.has(name)) continue;
    if (env[name] !== undefined && env[name] !== '') {
      problems.push(`${name}: set both ${name} and ${key}; keep one`);
      continue;
    }
    try {
      resolved[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      problems.push(`${key}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return { env: resolved, problems };
}

/** Parses the environment with a zod schema; throws ConfigError listing every problem by variable name. */
export function parseConfig<S extends z.ZodType>(schema: S, env: Env): Readonly<z.output<S>> {
  const { env: resolved, problems } = resolveFileVariables(emptyToUndefined(env), variablesOf(schema));
  const result = schema.safeParse(resolved);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const variable = issue.path.length > 0 ? issue.path.join('.') : 'environment';
      problems.push(`${variable}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return deepFreeze(result.data);
}

/** For a service's index.ts: parse or print every problem and exit 1. */
export function loadConfigOrExit<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Env = process.env,
): Readonly<z.output<S>> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${service}: config error: ${problem}\n`);
    process.exit(1);
  }
}

/**
 * Embedded mode (no DATABASE_URL): secrets the operator did not set are generated once and kept
 * under DATA_DIR/secrets, so every local process shares them and tokens survive a restart.
 * Creation is atomic (write a temp file, hard-link it into place) because the gateway and the
 * subgraphs start at the same moment.
 */
export function withEmbeddedSecrets(env: Env, names: readonly string[]): Env {
  if (env.DATABASE_URL) return env;
  const result: Env = { ...env };
  for (const name of names) {
    if (env[name] || env[`${name}_FILE`]) continue;
    const file = embeddedSecretFile(env, name);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (!existsSync(file)) {
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, randomBytes(32).toString('base64url'), { mode: 0o600 });
      try {
        linkSync(temp, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        unlinkSync(temp);
      }
    }
    result[`${name}_FILE`] = file;
  }
  return result;
}

/** Where embedded mode keeps a generated secret: `DATA_DIR/secrets/<name in lower case>`. */
export function embeddedSecretFile(env: Env, name: string): string {
  return path.resolve(env.DATA_DIR || '.data', 'secrets', name.toLowerCase());
}

/** The keys of the z.object at the root of `schema`, looking through refinements and transforms. */
function variablesOf(schema: z.ZodType): Set<string> {
  let current: unknown = schema;
  while (current && typeof current === 'object') {
    if ('shape' in current) return new Set(Object.keys((current as z.ZodObject).shape));
    current = (current as { _zod?: { def?: { in?: unknown } } })._zod?.def?.in;
  }
  return new Set();
}

function emptyToUndefined(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Reusable field schemas so every service validates the same way. */
export const env = {
  port: (fallback: number) =>
    z.coerce
      .number()
      .int()
      .min(1)
      .max(65535)
      .refine((port) => !BLOCKED_PORTS.has(port), 'is a port browsers and fetch refuse to connect to; choose another')
      .default(fallback),
  secret: () => z.string().min(32, 'must be at least 32 characters (use a random value)'),
  seconds: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  url: () => z.url({ protocol: /^https?$/ }),
  postgresUrl: () => z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' }),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
  nodeEnv: () => z.enum(['development', 'production', 'test']).default('production'),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Days a kind of row is kept; `0` or `off` keeps it forever (null). */
  retentionDays: (fallback: number) =>
    z
      .union([z.literal('off'), z.coerce.number().int().min(0).max(36_500)], {
        error: 'must be a whole number of days (0 or off: keep forever)',
      })
      .default(fallback)
      .transform((days) => (days === 'off' || days === 0 ? null : days)),
  /** OTEL_EXPORTER_OTLP_ENDPOINT: set, spans are exported there (see tracing.ts). */
  otlpEndpoint: () =>
    z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL of an OTLP/HTTP receiver' }).optional(),
};
