import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { embeddedSecretFile, env as field, parseConfig, type Env } from '@switchyard/shared/config';
import { SUBGRAPHS, defaultPortOf, envPrefix } from '@switchyard/shared/subgraphs';
import { z } from 'zod';
import { subgraphDatabaseUrl } from '../subgraph-database-url.ts';
import { repoRoot } from '../subgraph-schemas.ts';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/** Where one subgraph's data lives and, on embedded PGlite, where its running service answers. */
export interface SubgraphTarget {
  name: string;
  /** Its PostgreSQL database; absent: embedded PGlite under dataDir. */
  databaseUrl?: string;
  /** http://host:port of its service, as `npm start` derives it (HOST and <SUBGRAPH>_PORT). */
  serviceUrl: string;
}

export interface BackupConfig {
  dataDir: string;
  backupDir: string;
  internalSigningSecret: string | undefined;
  subgraphs: SubgraphTarget[];
}

function schema() {
  const perSubgraph = Object.fromEntries(
    SUBGRAPHS.flatMap(({ name }) => [
      [`${envPrefix(name)}_DATABASE_URL`, field.postgresUrl().optional()],
      [`${envPrefix(name)}_PORT`, field.port(defaultPortOf(name))],
    ]),
  );
  return z.object({
    DATA_DIR: z.string().default('.data'),
    BACKUP_DIR: z.string().optional(),
    DATABASE_URL: field.postgresUrl().optional(),
    HOST: z.string().default('127.0.0.1'),
    INTERNAL_SIGNING_SECRET: field.secret().optional(),
    ...perSubgraph,
  });
}

/**
 * In embedded mode the services share the signing secret generated under DATA_DIR: the backup signs
 * its calls to them with it. Read only, never generated: without it no service ran there, and a
 * restore must not write into DATA_DIR before the archive is verified.
 */
function withExistingSecret(env: Env): Env {
  if (env.DATABASE_URL || env.INTERNAL_SIGNING_SECRET || env.INTERNAL_SIGNING_SECRET_FILE) return env;
  const file = embeddedSecretFile(env, 'INTERNAL_SIGNING_SECRET');
  return existsSync(file) ? { ...env, INTERNAL_SIGNING_SECRET_FILE: file } : env;
}

/**
 * The backup and restore commands read the variables `npm start` and the services read, so that the
 * same environment names the same databases and the same ports: DATA_DIR (relative to the
 * repository, as for `npm run db:migrate`), DATABASE_URL and <SUBGRAPH>_DATABASE_URL, HOST and
 * <SUBGRAPH>_PORT, INTERNAL_SIGNING_SECRET (in embedded mode the one generated under DATA_DIR), and
 * BACKUP_DIR (default DATA_DIR/backups). Throws ConfigError naming every bad variable.
 */
export function loadBackupConfig(input: Env): BackupConfig {
  const dataDir = resolve(repoRoot, input.DATA_DIR || '.data');
  const values = parseConfig(schema(), withExistingSecret({ ...input, DATA_DIR: dataDir })) as Record<string, unknown>;
  const host = WILDCARD_HOSTS.has(values.HOST as string) ? '127.0.0.1' : (values.HOST as string);
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return backupConfigOf({
    dataDir,
    backupDir: values.BACKUP_DIR ? resolve(repoRoot, values.BACKUP_DIR as string) : resolve(dataDir, 'backups'),
    internalSigningSecret: values.INTERNAL_SIGNING_SECRET as string | undefined,
    databaseUrl: values.DATABASE_URL as string | undefined,
    databaseUrls: Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [name, values[`${envPrefix(name)}_DATABASE_URL`] as string | undefined]),
    ),
    serviceUrls: Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [name, `http://${hostInUrl}:${values[`${envPrefix(name)}_PORT`] as number}`]),
    ),
  });
}

/**
 * A BackupConfig from settled values, for the command above and for the observability subgraph's
 * scheduled backups (which know the services' URLs from its own <SUBGRAPH>_URL variables). Each
 * subgraph's database is its own URL if set, else DATABASE_URL with its name appended, else PGlite
 * under dataDir reached through its running service at serviceUrls[name].
 */
export function backupConfigOf(input: {
  dataDir: string;
  backupDir: string;
  internalSigningSecret: string | undefined;
  databaseUrl: string | undefined;
  databaseUrls: Record<string, string | undefined>;
  serviceUrls: Record<string, string>;
}): BackupConfig {
  return {
    dataDir: input.dataDir,
    backupDir: input.backupDir,
    internalSigningSecret: input.internalSigningSecret,
    subgraphs: SUBGRAPHS.map(({ name }) => {
      const databaseUrl =
        input.databaseUrls[name] ?? (input.databaseUrl ? subgraphDatabaseUrl(input.databaseUrl, name) : undefined);
      const serviceUrl = input.serviceUrls[name];
      if (!serviceUrl) throw new Error(`backup: no URL for the ${name} service`);
      return { name, ...(databaseUrl ? { databaseUrl } : {}), serviceUrl };
    }),
  };
}
