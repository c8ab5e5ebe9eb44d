import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { SUBGRAPHS, envPrefix } from '@switchyard/shared';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';

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

/** The supergraph at `file` (SUPERGRAPH_FILE), or the checked-in one. */
export function readSupergraph(file?: string): string {
  return readFileSync(file ?? SUPERGRAPH_FILE, 'utf8');
}

/** Each subgraph of a supergraph with the URL its `@join__graph` gives. */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  const graphs = parse(supergraphSdl).definitions.find(
    (definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  ) as EnumTypeDefinitionNode | undefined;
  if (!graphs) throw new SupergraphError('it has no join__Graph enum: is it a Federation 2 supergraph?');
  return (graphs.values ?? []).map((value) => {
    const join = value.directives?.find((directive) => directive.name.value === 'join__graph');
    const argument = (name: string) => {
      const node = join?.arguments?.find((each) => each.name.value === name)?.value;
      return node?.kind === Kind.STRING ? node.value : undefined;
    };
    const name = argument('name');
    if (!name) throw new SupergraphError(`${value.name.value} has no @join__graph(name:)`);
    return { name, url: argument('url') ?? '' };
  });
}

/**
 * Where the gateway sends each subgraph's requests: `<NAME>_URL` (the name upper-cased, `-` as
 * `_`) when set, the supergraph's URL otherwise. Throws, naming the variable, on a missing or
 * non-HTTP URL.
 */
export function subgraphUrlsOf(supergraphSdl: string, env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    subgraphsOf(supergraphSdl).map(({ name, url }) => {
      const variable = `${envPrefix(name)}_URL`;
      const chosen = env[variable] || url;
      if (!isHttpUrl(chosen))
        throw new SupergraphError(
          env[variable]
            ? `${variable} must be an http(s) URL`
            : `subgraph ${name} has no http(s) URL in the supergraph: set ${variable}`,
        );
      return [name, chosen];
    }),
  );
}

export class SupergraphError extends Error {}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
