import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { templateFile } from './pglite-template-file.ts';

export const IN_MEMORY = 'memory://';

// Creating a PGlite cluster runs initdb (~2.5 s); unpacking a tarball of a fresh cluster takes
// ~0.4 s in memory, ~0.7 s on disk. New databases (tests, drift checks, first starts) therefore
// start from such a tarball, built once per PGlite version and kept in a file cache for later processes.

async function buildTemplate(file: string): Promise<Buffer> {
  const fresh = await PGlite.create(IN_MEMORY);
  try {
    const tarball = Buffer.from(await (await fresh.dumpDataDir('none')).arrayBuffer());
    // Written aside and renamed so that parallel processes never read a partial file. Failing to
    // cache only costs the next process time.
    const partial = `${file}.${process.pid}.partial`;
    await mkdir(dirname(file), { recursive: true })
      .then(() => writeFile(partial, tarball))
      .then(() => rename(partial, file))
      .catch(() => {});
    return tarball;
  } finally {
    await fresh.close();
  }
}

let template: Promise<Buffer> | undefined;

function loadTemplate(): Promise<Buffer> {
  template ??= templateFile().then((file) => readFile(file).catch(() => buildTemplate(file)));
  return template;
}

/**
 * Builds the template unless it is cached: before several processes start on new databases at
 * once, so that one initdb runs rather than one in each.
 */
export async function preparePGliteTemplate(): Promise<void> {
  await loadTemplate();
}

/** Opens PGlite on `dataDir` (an existing directory, a new one, or IN_MEMORY). */
export async function createPGlite(dataDir: string): Promise<PGlite> {
  const exists =
    dataDir !== IN_MEMORY &&
    (await access(join(dataDir, 'PG_VERSION')).then(
      () => true,
      () => false,
    ));
  if (exists) return PGlite.create(dataDir);
  const loadDataDir = new Blob([await loadTemplate()]);
  if (dataDir === IN_MEMORY) return PGlite.create({ loadDataDir });
  await mkdir(dataDir, { recursive: true });
  return PGlite.create({ dataDir, loadDataDir });
}
