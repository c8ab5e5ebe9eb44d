import { ConfigError, env as field, parseConfig, type Env } from '@switchyard/shared/config';
import { SUBGRAPHS, envPrefix } from '@switchyard/shared/subgraphs';
import { z } from 'zod';
import { SERVICES, type ServiceDefinition } from './services.ts';

export interface SystemPlan {
  /** The environment every process gets: the caller's, plus each service's URL derived from the ports. */
  env: Env;
  ports: Record<string, number>;
  /** Each service's base URL (http://host:port), as the other processes reach it. */
  urls: Record<string, string>;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The one place service addresses come from: each service's port variable (PORT, IDENTITY_PORT…,
 * WEB_PORT, SIMULATOR_PORT) or its default, and HOST. Every `<SUBGRAPH>_URL` and GATEWAY_URL not set
 * by the caller is derived from them, so setting ports alone moves the whole system. Throws a
 * ConfigError naming each bad variable: a port browsers or fetch refuse, or one port used twice.
 */
export function planSystem(input: Env, services: readonly ServiceDefinition[] = SERVICES): SystemPlan {
  const schema = z.object(
    Object.fromEntries(services.map(({ portVariable, defaultPort }) => [portVariable, field.port(defaultPort)])),
  );
  const parsed = parseConfig(schema, input) as Record<string, number>;
  const ports = Object.fromEntries(services.map(({ name, portVariable }) => [name, parsed[portVariable]!]));
  const problems: string[] = [];
  for (const [index, a] of services.entries()) {
    const clash = services.slice(index + 1).find((b) => ports[b.name] === ports[a.name]);
    if (clash)
      problems.push(
        `${clash.portVariable}: ${ports[a.name]} is also ${a.portVariable}; give each service its own port`,
      );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const host = !input.HOST || WILDCARD_HOSTS.has(input.HOST) ? '127.0.0.1' : input.HOST;
  const urls = Object.fromEntries(
    services.map(({ name }) => [name, `http://${host.includes(':') ? `[${host}]` : host}:${ports[name]}`]),
  );
  const derived: Env = {};
  for (const { name } of SUBGRAPHS) if (urls[name]) derived[`${envPrefix(name)}_URL`] = `${urls[name]}/graphql`;
  if (urls.gateway) derived.GATEWAY_URL = `${urls.gateway}/graphql`;
  const env: Env = { ...input };
  for (const [key, value] of Object.entries(derived)) if (!input[key]) env[key] = value;
  return { env, ports, urls };
}
