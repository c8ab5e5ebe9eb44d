import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// s3rver ships no types; its constructor options and run()/close() are all a test needs.
// @ts-expect-error -- untyped package
import S3rver from 's3rver';

const ACCESS_KEY = 'S3RVER';

/**
 * A real S3-compatible server (s3rver: the S3 REST API over a folder) on a free port with one
 * empty bucket, for the backups' upload and retention. `env` is what observability needs to use it.
 */
export async function startS3Server(bucket = 'switchyard-backups', prefix = 'nightly') {
  const directory = mkdtempSync(path.join(tmpdir(), 'switchyard-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  }) as { run(): Promise<{ port: number }>; close(): Promise<void> };
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    prefix,
    /** s3rver accepts any signature made with its fixed key pair. */
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY },
    env: {
      BACKUP_S3_URL: `s3://${bucket}/${prefix}`,
      BACKUP_S3_ENDPOINT: endpoint,
      BACKUP_S3_ACCESS_KEY_ID: ACCESS_KEY,
      BACKUP_S3_SECRET_ACCESS_KEY: ACCESS_KEY,
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
