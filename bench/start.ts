// npm run bench:start [-- --runs 3]
// How long `npm start` takes until it prints "Switchyard is running", on free ports:
// - cold: as on a fresh clone after `npm install`: no Prisma clients, no service bundles, no web build,
//   no cached PGlite template, an empty DATA_DIR (everything is built and created);
// - warm: the next start of that installation (nothing to build, the data is there).
// Prints each run and the median. Deletes the build outputs for the cold runs (they are rebuilt).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { SUBGRAPHS } from '@switchyard/shared';
import { REPO_ROOT } from '@switchyard/testing';
import { npmStart } from './npm-start.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

// What `npm start` builds or caches, absent from a fresh clone after `npm install`.
const BUILD_OUTPUTS = [
  'node_modules/.cache/switchyard',
  'node_modules/.cache/switchyard-prisma',
  'web/build',
  'web/.svelte-kit',
  ...SUBGRAPHS.map(({ name }) => `subgraphs/${name}/src/generated/prisma`),
];

/** Seconds from `npm start` to its "Switchyard is running", then stops it with SIGINT as Ctrl-C would. */
async function timedStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const system = await npmStart(dataDir);
  const seconds = (performance.now() - started) / 1000;
  await system.stop();
  return seconds;
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const format = (samples: number[]) =>
  `${median(samples).toFixed(1)} s (runs: ${samples.map((s) => s.toFixed(1)).join(', ')})`;

const dataDirs: string[] = [];
try {
  const cold: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const output of BUILD_OUTPUTS) rmSync(path.join(REPO_ROOT, output), { recursive: true, force: true });
    dataDirs.push(mkdtempSync(path.join(tmpdir(), 'switchyard-bench-start-')));
    cold.push(await timedStart(dataDirs.at(-1)!));
    console.log(`cold start ${run + 1}: ${cold.at(-1)!.toFixed(1)} s`);
  }
  const warm: number[] = [];
  for (let run = 0; run < runs; run++) {
    warm.push(await timedStart(dataDirs.at(-1)!));
    console.log(`warm start ${run + 1}: ${warm.at(-1)!.toFixed(1)} s`);
  }
  console.log(`\nnpm start to "Switchyard is running", median of ${runs}:`);
  console.log(`  cold (fresh clone after npm install, empty DATA_DIR): ${format(cold)}`);
  console.log(`  warm (the next start, nothing changed):               ${format(warm)}`);
  console.log(
    `  load average at the end (1, 5, 15 min): ${loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}`,
  );
} finally {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
