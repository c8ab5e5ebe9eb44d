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
