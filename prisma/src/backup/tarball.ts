import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { create } from 'tar';

/**
 * A backup folder as a gzipped tar with the folder at its root (`switchyard-…/manifest.json`…),
 * streamed as it is read: the download and the S3 upload. `tar -xzf` gives back the folder
 * `npm run restore` takes.
 */
export function archiveTarball(archiveDir: string): Readable {
  // tar's stream is a Minipass; a Node Readable is what pipeline() and the AWS SDK take.
  const pack = create({ gzip: true, cwd: dirname(archiveDir), portable: true }, [basename(archiveDir)]);
  return Readable.from(pack as unknown as AsyncIterable<Buffer>, { objectMode: false });
}

/** Bytes of every file under a backup folder. */
export async function archiveSize(archiveDir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(archiveDir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
