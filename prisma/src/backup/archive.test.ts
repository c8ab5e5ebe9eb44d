import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_FORMAT, BackupIntegrityError, CHECKSUMS, MANIFEST, verifyArchive, writeManifest } from './archive.ts';

const DATA = '["header",{}]\n{"id":1}\n';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await verifyArchive(dir);
    return [];
  } catch (error) {
    if (!(error instanceof BackupIntegrityError)) throw error;
    return error.problems;
  }
}

describe('verifyArchive', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchyard-archive-'));
    await mkdir(join(dir, 'stores'));
    await writeFile(join(dir, 'stores/data.jsonl'), DATA);
    await writeManifest(dir, {
      format: BACKUP_FORMAT,
      createdAt: '2026-12-06T20:00:00.000Z',
      version: '0.1.0',
      subgraphs: [
        {
          subgraph: 'stores',
          source: 'pglite',
          location: '/data/stores/pglite',
          startedAt: '2026-12-06T20:00:00.000Z',
          migrations: [{ name: '20261122013229_init', checksum: 'abc' }],
          rowCounts: { Store: 1 },
          file: 'stores/data.jsonl',
          sha256: sha256(DATA),
          bytes: DATA.length,
        },
      ],
    });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('returns the manifest of an intact archive', async () => {
    expect((await verifyArchive(dir)).subgraphs[0]!.rowCounts).toEqual({ Store: 1 });
  });

  it('refuses a data file with one changed byte', async () => {
    await writeFile(join(dir, 'stores/data.jsonl'), DATA.replace('1', '2'));
    expect(await problemsOf(dir)).toEqual(['stores/data.jsonl: checksum mismatch']);
  });

  it('refuses a changed manifest, and a data file whose new checksum was written into SHA256SUMS alone', async () => {
    const manifest = await readFile(join(dir, MANIFEST), 'utf8');
    await writeFile(join(dir, MANIFEST), manifest.replace('"Store": 1', '"Store": 2'));
    expect(await problemsOf(dir)).toEqual([`${MANIFEST}: checksum mismatch`]);

    await writeFile(join(dir, MANIFEST), manifest);
    const changed = DATA.replace('1', '2');
    await writeFile(join(dir, 'stores/data.jsonl'), changed);
    const sums = await readFile(join(dir, CHECKSUMS), 'utf8');
    await writeFile(join(dir, CHECKSUMS), sums.replace(sha256(DATA), sha256(changed)));
    expect(await problemsOf(dir)).toEqual([`stores/data.jsonl: ${CHECKSUMS} and ${MANIFEST} disagree`]);
  });

  it('refuses a folder that is not a backup, or one whose data file is gone', async () => {
    await rm(join(dir, 'stores/data.jsonl'));
    expect(await problemsOf(dir)).toEqual(['stores/data.jsonl is missing']);
    await rm(join(dir, CHECKSUMS));
    expect(await problemsOf(dir)).toEqual([`${CHECKSUMS} is missing`]);
  });
});
