import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { SUBGRAPHS } from '@switchyard/shared';
import { parse } from 'graphql';

/** The checked-in supergraph the gateway serves; `npm run compose` rewrites it. */
export const SUPERGRAPH_FILE = new URL('../supergraph.graphql', import.meta.url);

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`composition failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Composes every subgraph's schema.graphql (the URLs written are the local defaults; the gateway's config decides the real ones). */
export function composeSupergraph(): string {
  const services = SUBGRAPHS.map(({ name, defaultPort }) => {
    const file = new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url);
    return { name, url: `http://127.0.0.1:${defaultPort}/graphql`, typeDefs: parse(readFileSync(file, 'utf8')) };
  });
  const result = composeServices(services);
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl;
}

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}
