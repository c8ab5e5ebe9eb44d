// npm run compose: writes gateway/supergraph.graphql from the subgraphs' schemas.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CompositionError, SUPERGRAPH_FILE, composeSupergraph } from '../src/supergraph.ts';

try {
  writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
  process.stdout.write(`wrote ${fileURLToPath(SUPERGRAPH_FILE)}\n`);
} catch (error) {
  if (!(error instanceof CompositionError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
