import { existsSync } from 'node:fs';
import { stop as stopEsbuild } from 'esbuild';
import { generatePrismaClients } from '@switchyard/prisma/generate';
import { templateFile } from '@switchyard/prisma/pglite-template-file';
import { bundleServices } from './bundle.ts';
import { ALL_IN_ONE, SERVICES, TOOLS } from './services.ts';
import { buildWeb } from './web-build.ts';

export interface PrepareOptions {
  /** Build the web app too (the test harness needs it only for browser tests). */
  web?: boolean;
  /** Cache the template new PGlite databases start from (embedded mode). */
  pgliteTemplate?: boolean;
  /** Told before each step that has work to do (nothing is said of what is up to date). */
  onStep?: (step: string) => void;
}

/**
 * Everything a start needs, each step skipped when its inputs are unchanged since it last ran:
 * the Prisma clients, the services' bundles, the web app, the PGlite template (made here once rather
 * than by each subgraph starting on a new database). The clients come first: the bundles contain them.
 */
export async function prepare({ web = true, pgliteTemplate = false, onStep = () => {} }: PrepareOptions = {}) {
  await generatePrismaClients([], (subgraph) => onStep(`generating the ${subgraph} Prisma client`));
  try {
    await Promise.all([
      bundleServices([...SERVICES, ALL_IN_ONE, ...TOOLS], () => onStep('bundling the services')),
      web ? buildWeb(() => onStep('building the web app')) : false,
      pgliteTemplate ? preparePGliteTemplate(() => onStep('creating the embedded PostgreSQL template')) : false,
    ]);
  } finally {
    // esbuild keeps a helper process for the next build; there is none.
    await stopEsbuild();
  }
}

async function preparePGliteTemplate(onBuild: () => void): Promise<void> {
  if (existsSync(await templateFile())) return;
  onBuild();
  // Loaded only now: PGlite is heavy, and needed here only on a first start.
  await (await import('@switchyard/prisma/pglite')).preparePGliteTemplate();
}
