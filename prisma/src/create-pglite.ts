import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { writeFileAtomically } from '@switchyard/shared/atomic-file';
import { extract } from 'tar';
import { templateFile } from './pglite-template-file.ts';

export const IN_MEMORY = 'memory://';

// PostgreSQL's default shared_buffers (128 MB in PGlite's postgresql.conf) grows every instance's
// WebAssembly memory to 184 MiB, most of it resident: ~250 MiB RSS per database. At 16 MB, five
// databases in one process take ~350 MiB (see the README's Footprint); on disk, the operating system
// caches their files anyway.
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

// Creating a PGlite cluster runs initdb (~2.5 s and ~700 MiB RSS); unpacking a tarball of a fresh
// cluster takes well under a second. New databases (tests, drift checks, first starts) therefore start
// from such a tarball, built once per PGlite version and kept in a file cache for later processes.

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function buildTemplate(file: string): Promise<void> {
  const fresh = await PGlite.create({ startParams });
  try {
    const tarball = Buffer.from(await (await fresh.dumpDataDir('none')).arrayBuffer());
    // Parallel processes never read a partial file.
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomically(file, tarball);
  } finally {
    await fresh.close();
  }
}

let template: Promise<string> | undefined;

/** The template tarball's path, built first unless it is cached. */
function templateTarball(): Promise<string> {
  template ??= templateFile().then(async (file) => {
    if (!(await exists(file))) await buildTemplate(file);
    return file;
  });
  return template;
}

/**
 * Builds the template unless it is cached: before several processes start on new databases at
 * once, so that one initdb runs rather than one in each.
 */
export async function preparePGliteTemplate(): Promise<void> {
  await templateTarball();
}

/** Opens PGlite on `dataDir` (an existing directory, a new one, or IN_MEMORY). */
export async function createPGlite(dataDir: string): Promise<PGlite> {
  // Read whole, not as a file-backed blob: another process building the template at the same time
  // renames a new file over it, and a file-backed blob of a file that changed can no longer be read.
  if (dataDir === IN_MEMORY)
    return PGlite.create({ loadDataDir: new Blob([await readFile(await templateTarball())]), startParams });
  if (!(await exists(join(dataDir, 'PG_VERSION')))) {
    // Unpacked here rather than given to PGlite as loadDataDir, whose copies of the 40 MB tarball
    // stay in memory as long as the database is open; unpacked aside and renamed, so that an
    // interrupted first start leaves no half-made database behind (the rename replaces an empty
    // folder only: it fails rather than remove anything in one).
    const partial = `${dataDir}.partial`;
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial, { recursive: true });
    await extract({ file: await templateTarball(), cwd: partial });
    await rename(partial, dataDir);
  }
  return PGlite.create({ dataDir, startParams });
}
