/**
 * The subgraphs behind the gateway, in one list: composition, codegen, the local launcher and the
 * gateway's default URLs all read it. Adding a subgraph starts here.
 */
export const SUBGRAPHS = [
  { name: 'identity', defaultPort: 4001 },
  { name: 'stores', defaultPort: 4002 },
  { name: 'hardware', defaultPort: 4003 },
  { name: 'meals', defaultPort: 4004 },
  { name: 'observability', defaultPort: 4005 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export function envPrefix(subgraph: string): string {
  return subgraph.toUpperCase().replace(/-/g, '_');
}

export function defaultPortOf(subgraph: string): number {
  const entry = SUBGRAPHS.find(({ name }) => name === subgraph);
  if (!entry) throw new Error(`unknown subgraph ${subgraph}`);
  return entry.defaultPort;
}

/** Where a subgraph's GraphQL endpoint is when nothing says otherwise (every service on this machine, default ports). */
export function defaultSubgraphUrl(subgraph: string): string {
  return `http://127.0.0.1:${defaultPortOf(subgraph)}/graphql`;
}
