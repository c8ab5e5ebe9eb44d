// npm run db:generate [-- <subgraph>...]
// Generates each subgraph's Prisma client (all subgraphs when none are named), skipping those whose
// schema and Prisma version are unchanged since their last generation (see generatePrismaClients).
import { generatePrismaClients } from '../src/generate-clients.ts';

const requested = process.argv.slice(2);
generatePrismaClients(requested).then(
  (generated) => {
    const names = requested.length > 0 ? requested : ['every subgraph'];
    console.log(generated.length > 0 ? `generated: ${generated.join(', ')}` : `${names.join(', ')}: up to date`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error('usage: npm run db:generate [-- <subgraph>...]');
    process.exitCode = 1;
  },
);
