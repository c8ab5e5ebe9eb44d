// npm run compose: writes gateway/supergraph.graphql from the subgraphs' schemas, and the web app's
// API reference (web/src/lib/api/generated/reference.json) from both.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_REFERENCE_FILE, generateApiReference } from '../src/api-reference.ts';
import { CompositionError, SUPERGRAPH_FILE, composeSupergraph } from '../src/supergraph.ts';

try {
  writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
  process.stdout.write(`wrote ${fileURLToPath(SUPERGRAPH_FILE)}\n`);
  writeFileSync(API_REFERENCE_FILE, generateApiReference());
  process.stdout.write(`wrote ${fileURLToPath(API_REFERENCE_FILE)}\n`);
} catch (error) {
  if (!(error instanceof CompositionError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
