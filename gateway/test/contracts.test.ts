import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { composeSupergraph, readSupergraph } from '../src/supergraph.ts';
import { REPO_ROOT } from '@switchyard/testing';

/** Everything derived from the subgraphs' schema.graphql files must be regenerated when they change. */
describe('contracts derived from the SDL', () => {
  it('the checked-in supergraph is what composition produces now', () => {
    const fresh = composeSupergraph();
    if (fresh !== readSupergraph())
      throw new Error('gateway/supergraph.graphql is stale: run `npm run compose` and commit it');
  });

  it('the generated resolver types are up to date', async () => {
    try {
      await promisify(execFile)(
        process.execPath,
        ['node_modules/@graphql-codegen/cli/esm/bin.js', '--config', 'codegen.ts', '--check'],
        { cwd: REPO_ROOT },
      );
    } catch (error) {
      throw new Error(
        `generated GraphQL types are stale: run \`npm run codegen\` and commit the result\n${(error as { stdout?: string }).stdout ?? ''}`,
        { cause: error },
      );
    }
  });
});
