import { subgraphDatabaseUrl } from '../src/index.ts';

describe('subgraphDatabaseUrl', () => {
  test('appends the subgraph to the database name', () => {
    expect(subgraphDatabaseUrl('postgresql://postgres@127.0.0.1:5432/postgres', 'identity')).toBe(
      'postgresql://postgres@127.0.0.1:5432/postgres_identity',
    );
  });

  test('keeps credentials, host, port and query parameters untouched', () => {
    const derived = new URL(
      subgraphDatabaseUrl(
        'postgres://app:p%40ss%2Fw%3Ard@db.internal:6543/switchyard?sslmode=require&application_name=gw',
        'identity',
      ),
    );
    expect(derived.protocol).toBe('postgres:');
    expect(derived.username).toBe('app');
    expect(decodeURIComponent(derived.password)).toBe('p@ss/w:rd');
    expect(derived.hostname).toBe('db.internal');
    expect(derived.port).toBe('6543');
    expect(derived.pathname).toBe('/switchyard_identity');
    expect(derived.searchParams.get('sslmode')).toBe('require');
    expect(derived.searchParams.get('application_name')).toBe('gw');
  });

  test('works with IPv6 hosts and socket URLs without a host', () => {
    expect(subgraphDatabaseUrl('postgresql://u@[::1]:5432/app', 'identity')).toBe(
      'postgresql://u@[::1]:5432/app_identity',
    );
    expect(subgraphDatabaseUrl('postgresql:///app?host=/var/run/postgresql', 'identity')).toBe(
      'postgresql:///app_identity?host=/var/run/postgresql',
    );
  });

  test('decodes the base name and percent-encodes the derived one', () => {
    const derived = subgraphDatabaseUrl('postgresql://h/my%20caf%C3%A9', 'identity');
    expect(derived).toBe('postgresql://h/my%20caf%C3%A9_identity');
    expect(decodeURIComponent(new URL(derived).pathname.slice(1))).toBe('my café_identity');
  });

  test('rejects URLs it cannot derive from', () => {
    expect(() => subgraphDatabaseUrl('postgresql://127.0.0.1:5432', 'identity')).toThrow('names no database');
    expect(() => subgraphDatabaseUrl('mysql://h/app', 'identity')).toThrow('not a PostgreSQL URL');
    expect(() => subgraphDatabaseUrl('not a url', 'identity')).toThrow('not a valid PostgreSQL URL');
  });

  test('never leaks the password into errors', () => {
    expect(() => subgraphDatabaseUrl('mysql://u:s3cret@h/app', 'identity')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') }),
    );
  });

  test('rejects subgraph names unsafe in database and variable names', () => {
    expect(() => subgraphDatabaseUrl('postgresql://h/app', 'Identity')).toThrow('invalid subgraph name');
    expect(() => subgraphDatabaseUrl('postgresql://h/app', 'a;drop')).toThrow('invalid subgraph name');
  });

  test('refuses names PostgreSQL would truncate to 63 bytes', () => {
    expect(() => subgraphDatabaseUrl(`postgresql://h/${'d'.repeat(60)}`, 'identity')).toThrow('63-byte limit');
  });
});
