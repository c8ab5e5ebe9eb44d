import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';

/**
 * Writes `file` aside and renames it into place: whatever reads the folder never sees half of it,
 * and of several writers at once, each rename puts one whole file there.
 */
export async function writeFileAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const partial = `${file}.${randomUUID()}.partial`;
  await writeFile(partial, data);
  await rename(partial, file);
}
