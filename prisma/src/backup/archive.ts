import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { dumpHeader, dumpEnd, type DumpSummary } from './dump-format.ts';
import { DumpReader } from './dump-reader.ts';

/**
 * A backup is a folder `switchyard-<UTC time>` holding, per subgraph, `<subgraph>/data.jsonl` (its
 * dump, see dump-format.ts), plus `manifest.json` (time, project version, and per subgraph its
 * applied migrations, row counts per table and its file's SHA-256) and `SHA256SUMS` over every file
 * (the format `sha256sum -c` reads).
 */
export const BACKUP_FORMAT = 'switchyard-backup/1';
export const MANIFEST = 'manifest.json';
export const CHECKSUMS = 'SHA256SUMS';

const manifestSubgraph = dumpHeader.omit({ format: true }).extend({
  ...dumpEnd.shape,
  file: z.string().regex(/^[a-z][a-z0-9_]*\/data\.jsonl$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  version: z.string(),
  subgraphs: z.array(manifestSubgraph),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestSubgraph = z.infer<typeof manifestSubgraph>;

export function dataFileOf(subgraph: string): string {
  return `${subgraph}/data.jsonl`;
}

/** A dump file being written: hashed and checked line by line as it goes to disk. */
export async function createDumpFile(archiveDir: string, subgraph: string) {
  const file = dataFileOf(subgraph);
  const path = join(archiveDir, file);
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  const hash = createHash('sha256');
  const reader = new DumpReader();
  let bytes = 0;
  return {
    async write(chunk: string) {
      reader.push(chunk);
      hash.update(chunk);
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
    },
    /** Closes the file; throws when the dump was incomplete. */
    async finish(): Promise<ManifestSubgraph> {
      out.end();
      await Promise.race([once(out, 'finish'), failed]);
      const summary: DumpSummary = reader.finish();
      const { format: _format, ...rest } = summary;
      return { ...rest, file, sha256: hash.digest('hex'), bytes };
    },
    abort() {
      out.destroy();
    },
  };
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeManifest(archiveDir: string, manifest: Manifest): Promise<void> {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(archiveDir, MANIFEST), text);
  const sums = [
    [createHash('sha256').update(text).digest('hex'), MANIFEST],
    ...manifest.subgraphs.map((s) => [s.sha256, s.file]),
  ];
  await writeFile(join(archiveDir, CHECKSUMS), sums.map(([sum, file]) => `${sum}  ${file}\n`).join(''));
}

/** Thrown before anything is restored when the archive is damaged, incomplete or not a backup. */
export class BackupIntegrityError extends Error {
  constructor(
    readonly archive: string,
    readonly problems: string[],
  ) {
    super(`${archive} is not an intact backup:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/**
 * Checks every checksum of the archive (the manifest's own, and each subgraph file's, in SHA256SUMS
 * and in the manifest) and returns the manifest. Reads the files only: nothing else is touched.
 */
export async function verifyArchive(archiveDir: string): Promise<Manifest> {
  const problems: string[] = [];
  const fail = () => new BackupIntegrityError(archiveDir, problems);
  const sumsText = await readFile(join(archiveDir, CHECKSUMS), 'utf8').catch(() => null);
  if (sumsText === null) {
    problems.push(`${CHECKSUMS} is missing`);
    throw fail();
  }
  const sums = new Map<string, string>();
  for (const line of sumsText.split('\n').filter((l) => l !== '')) {
    const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
    if (!match) problems.push(`${CHECKSUMS}: malformed line "${line.slice(0, 80)}"`);
    else sums.set(match[2]!, match[1]!);
  }
  if (problems.length > 0) throw fail();

  const manifestText = await readFile(join(archiveDir, MANIFEST)).catch(() => null);
  if (!manifestText) problems.push(`${MANIFEST} is missing`);
  else if (createHash('sha256').update(manifestText).digest('hex') !== sums.get(MANIFEST))
    problems.push(`${MANIFEST}: checksum mismatch`);
  if (problems.length > 0) throw fail();

  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(manifestText!.toString('utf8')));
  } catch (error) {
    problems.push(`${MANIFEST}: not a ${BACKUP_FORMAT} manifest (${(error as Error).message.split('\n')[0]})`);
    throw fail();
  }
  for (const subgraph of manifest.subgraphs) {
    if (sums.get(subgraph.file) !== subgraph.sha256) {
      problems.push(`${subgraph.file}: ${CHECKSUMS} and ${MANIFEST} disagree`);
      continue;
    }
    const actual = await sha256OfFile(join(archiveDir, subgraph.file)).catch(() => null);
    if (actual === null) problems.push(`${subgraph.file} is missing`);
    else if (actual !== subgraph.sha256) problems.push(`${subgraph.file}: checksum mismatch`);
  }
  if (problems.length > 0) throw fail();
  return manifest;
}
