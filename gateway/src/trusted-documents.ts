import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, Kind, parse, print, visit, type DocumentNode } from 'graphql';
import {
  REGISTERED_OPERATIONS,
  UnregisteredDocumentError,
  withHttpStatus,
  type Principal,
  type RegisteredOperation,
} from '@switchyard/shared';
import type { GatewayContext } from './context.ts';

/**
 * Who must send one of the web app's registered documents (TRUSTED_DOCUMENTS):
 * - `enforce`: every caller, API keys included;
 * - `allow-unregistered-for-api-keys`: browser sessions (access tokens) and anonymous callers;
 *   API keys, which integrators use to write their own operations, may send any operation;
 * - `off`: nobody.
 * The operation limits and rate limits apply to everything that is let through.
 */
export const TRUSTED_DOCUMENTS_MODES = ['enforce', 'allow-unregistered-for-api-keys', 'off'] as const;
export type TrustedDocumentsMode = (typeof TRUSTED_DOCUMENTS_MODES)[number];

export function mustSendRegistered(mode: TrustedDocumentsMode, principal: Principal | null): boolean {
  switch (mode) {
    case 'enforce':
      return true;
    case 'allow-unregistered-for-api-keys':
      return principal?.kind !== 'apiKey';
    case 'off':
      return false;
  }
}

const MAX_REMEMBERED_SPELLINGS = 10_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The spelling two sendings of one document share: printed (whitespace, commas and comments do not
 * count), fragments after the operations by name, and without bare `__typename` selections, which
 * clients add on their own (urql's and Apollo Client's caches add one to every selection set).
 */
export function canonicalDocument(document: DocumentNode): string {
  const withoutTypenames = visit(document, {
    Field(field) {
      return field.name.value === '__typename' && !field.alias && !field.directives?.length ? null : undefined;
    },
  });
  const operations = withoutTypenames.definitions.filter(({ kind }) => kind !== Kind.FRAGMENT_DEFINITION);
  const fragments = withoutTypenames.definitions
    .flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [definition] : []))
    .sort((a, b) => a.name.value.localeCompare(b.name.value));
  return print({ kind: Kind.DOCUMENT, definitions: [...operations, ...fragments] });
}

/** What a client sends besides the query: APQ's `{ persistedQuery: { version: 1, sha256Hash } }`. */
function persistedQueryHash(extensions: unknown): string | undefined {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

/**
 * The registered documents (codegen's manifest of the web app's operations) and the check of each
 * operation against them, applied where the operation limits are: in Apollo's pipeline for HTTP
 * (and the queries and mutations of streaming transports), in prepare-operation for websockets and
 * event streams. A registered document may be sent by its text (in any spelling of the same
 * document) or by its hash alone, APQ style, on every transport and whatever the mode.
 */
export function createTrustedDocuments({
  mode,
  registered = REGISTERED_OPERATIONS,
}: {
  mode: TrustedDocumentsMode;
  registered?: ReadonlyMap<string, RegisteredOperation>;
}) {
  const canonicalHashes = new Set(
    [...registered.values()].map(({ document }) => sha256(canonicalDocument(parse(document)))),
  );
  const acceptedSpellings = new Set<string>();

  /** UNREGISTERED_DOCUMENT when this caller must send a registered document and `document` (sent as `source`) is not one. */
  function check(source: string, document: DocumentNode, principal: Principal | null): GraphQLError | null {
    if (!mustSendRegistered(mode, principal)) return null;
    // The exact text first: what the web app's server and persisted-query clients send.
    const sourceHash = sha256(source);
    if (registered.has(sourceHash) || acceptedSpellings.has(sourceHash)) return null;
    if (canonicalHashes.has(sha256(canonicalDocument(document)))) {
      // Browsers send a few spellings (urql's) again and again: remembered, they cost a hash, not
      // a print. Bounded, since anyone can make up spellings.
      if (acceptedSpellings.size >= MAX_REMEMBERED_SPELLINGS) acceptedSpellings.clear();
      acceptedSpellings.add(sourceHash);
      return null;
    }
    return new UnregisteredDocumentError(
      mode === 'enforce'
        ? "This gateway accepts the web app's registered operations only"
        : "This gateway accepts the web app's registered operations only, unless they come with an API key",
    );
  }

  return {
    check,

    /**
     * The query text of a streaming request (graphql-ws, SSE): those protocols require a string
     * `query`, so a registered document is sent by hash with an empty one. A hash with a text must
     * be that text's, as over HTTP.
     */
    resolveQuery(request: { query?: unknown; extensions?: unknown }): { query: unknown } | { error: GraphQLError } {
      const hash = persistedQueryHash(request.extensions);
      if (hash === undefined) return { query: request.query };
      if (typeof request.query === 'string' && request.query !== '') {
        return sha256(request.query) === hash
          ? { query: request.query }
          : { error: requestError('provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH') };
      }
      const operation = registered.get(hash);
      return operation
        ? { query: operation.document }
        : {
            error: requestError(
              'PersistedQueryNotFound: only registered documents can be sent by hash on this transport',
              ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
            ),
          };
    },

    /**
     * HTTP: a registered document sent by hash alone is filled in from the manifest before Apollo
     * looks its persisted-query cache up (its hash is the text's, so Apollo's own check passes);
     * other hashes go to that cache as usual (APQ).
     */
    plugin(): ApolloServerPlugin<GatewayContext> {
      return {
        async requestDidStart({ request }) {
          const hash = persistedQueryHash(request.extensions);
          if (request.query === undefined && hash !== undefined) request.query = registered.get(hash)?.document;
        },
      };
    },

    /** Refuses a parsed HTTP operation (called with the operation limits: see server.ts). */
    admit({ source, document, contextValue }: GraphQLRequestContextDidResolveOperation<GatewayContext>): void {
      const refused = check(source, document, contextValue.principal);
      if (refused) throw withHttpStatus(refused);
    },
  };
}

export type TrustedDocuments = ReturnType<typeof createTrustedDocuments>;

function requestError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
