import type { Readable } from 'node:stream';
import { DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Settings } from '../backup-config.ts';

/** Archives as `<prefix>/<backup id>.tar.gz` objects in an S3-compatible bucket. */
export interface BackupObjectStore {
  /** Uploads (multipart for large archives) and returns the object's s3:// URL. */
  upload(id: string, body: Readable): Promise<string>;
  /** Backup ids of the archives in the bucket under the prefix. */
  list(): Promise<string[]>;
  remove(ids: string[]): Promise<void>;
  close(): void;
}

const SUFFIX = '.tar.gz';

export function createS3BackupStore(settings: S3Settings): BackupObjectStore {
  const client = new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    // A copy: the SDK marks the credentials it is given, and the config is frozen.
    ...(settings.credentials ? { credentials: { ...settings.credentials } } : {}),
  });
  const folder = settings.prefix ? `${settings.prefix}/` : '';
  const keyOf = (id: string) => `${folder}${id}${SUFFIX}`;
  return {
    async upload(id, body) {
      // The archive is streamed: lib-storage buffers one part (5 MiB) at a time, in multipart above that.
      await new Upload({
        client,
        params: { Bucket: settings.bucket, Key: keyOf(id), Body: body, ContentType: 'application/gzip' },
      }).done();
      return `s3://${settings.bucket}/${keyOf(id)}`;
    },
    async list() {
      const ids: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: folder, ContinuationToken: token }),
        );
        for (const { Key } of page.Contents ?? []) {
          const name = Key?.slice(folder.length);
          if (name && !name.includes('/') && name.endsWith(SUFFIX)) ids.push(name.slice(0, -SUFFIX.length));
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return ids;
    },
    async remove(ids) {
      // DeleteObjects takes at most 1,000 keys.
      for (let i = 0; i < ids.length; i += 1000) {
        const result = await client.send(
          new DeleteObjectsCommand({
            Bucket: settings.bucket,
            Delete: { Objects: ids.slice(i, i + 1000).map((id) => ({ Key: keyOf(id) })), Quiet: true },
          }),
        );
        if (result.Errors?.length)
          throw new Error(`S3 refused to delete ${result.Errors.map((e) => e.Key).join(', ')}`);
      }
    },
    close: () => client.destroy(),
  };
}
