// Several services in one Node process, each listening on its own port as it would alone (the
// launcher's PROCESS_MODE=all-in-one). Each argument is a stage: a comma-separated list of services
// started together once the previous stage's are listening (the simulated hub before hardware).
// Each service is its own bundle beside this one; they share their common code's chunks, so the
// process holds one copy of it and one shutdown (see stopOnSignal).
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const bundles = dirname(process.argv[1]!);
for (const stage of process.argv.slice(2))
  await Promise.all(stage.split(',').map((name) => import(pathToFileURL(join(bundles, `${name}.mjs`)).href)));
