import { checkMigrationsInSync, listSubgraphSchemas } from '../src/index.ts';

const subgraphs = await listSubgraphSchemas();

test('subgraphs are discovered from prisma/*/schema.prisma', () => {
  expect(subgraphs).toContain('identity');
});

test.each(subgraphs)(
  'prisma/%s: migrations produce exactly schema.prisma',
  async (subgraph) => {
    const { inSync, sql } = await checkMigrationsInSync(subgraph);
    if (!inSync) {
      throw new Error(
        `prisma/${subgraph}/schema.prisma differs from its migrations; run \`npm run db:migration -- ${subgraph} <name>\`\n` +
          `SQL the missing migration would contain:\n\n${sql}`,
      );
    }
  },
  60_000,
);
