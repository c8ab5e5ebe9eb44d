import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@switchyard/launcher';
import { parse } from 'yaml';

export const COMPOSE_FILE = join(REPO_ROOT, 'infra', 'compose.yaml');

export interface ComposeService {
  image?: string;
  restart?: string;
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  secrets?: string[];
  ports?: string[];
  profiles?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  networks?: string[];
  read_only?: boolean;
  user?: string;
  tmpfs?: string[];
  volumes?: string[];
}

export interface ComposeProject {
  services: Record<string, ComposeService>;
  secrets: Record<string, { file: string }>;
  volumes: Record<string, unknown>;
  networks: Record<string, { internal?: boolean }>;
}

/** compose.yaml as Compose reads it: anchors and `<<` merge keys resolved (interpolation is not). */
export function readCompose(): ComposeProject {
  return parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as ComposeProject;
}

/** The image every program of ours runs from (see infra/docker/Dockerfile). */
export const IMAGE = 'ghcr.io/switchyard/switchyard:${SWITCHYARD_VERSION:-latest}';

/** The services that run our image, by name. */
export function applicationServices(project: ComposeProject): [string, ComposeService][] {
  return Object.entries(project.services).filter(([, service]) => service.image === IMAGE);
}

/**
 * Compose's `${NAME:-default}` and `${NAME}` interpolation with an environment (Compose reads the
 * shell's and infra/.env); `$$` is a literal `$`.
 */
export function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\$|\$\{(\w+)(?::?-([^}]*))?\}/g, (match, name: string | undefined, fallback?: string) => {
    if (match === '$$') return '$';
    const set = env[name!];
    return set !== undefined && set !== '' ? set : (fallback ?? '');
  });
}
