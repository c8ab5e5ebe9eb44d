import { assertSubgraphName } from './subgraph-schemas.ts';

// PostgreSQL silently truncates longer identifiers, which would make two subgraphs share a database.
const MAX_DATABASE_NAME_BYTES = 63;

function parsePostgresUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('not a valid PostgreSQL URL (expected postgresql://user:password@host:port/database)');
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new Error(`not a PostgreSQL URL: scheme is "${parsed.protocol}", expected "postgresql:"`);
  }
  return parsed;
}

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(parsePostgresUrl(url).pathname.slice(1));
  if (name === '') throw new Error('the PostgreSQL URL names no database (expected …/<database>)');
  return name;
}

/** The same URL (server, credentials, parameters) pointing at another database on that server. */
export function withDatabaseName(url: string, database: string): string {
  if (Buffer.byteLength(database) > MAX_DATABASE_NAME_BYTES) {
    throw new Error(`database name "${database}" is longer than PostgreSQL's ${MAX_DATABASE_NAME_BYTES}-byte limit`);
  }
  const parsed = parsePostgresUrl(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.href;
}

/** Each subgraph owns a database named `<base database>_<subgraph>` on the base URL's server. */
export function subgraphDatabaseUrl(baseUrl: string, subgraph: string): string {
  assertSubgraphName(subgraph);
  return withDatabaseName(baseUrl, `${databaseNameOf(baseUrl)}_${subgraph}`);
}
