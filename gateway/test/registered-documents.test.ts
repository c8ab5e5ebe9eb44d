import { formatDocument, stringifyDocument } from '@urql/core';
import { Kind, parse, print, type DocumentNode } from 'graphql';
import { REGISTERED_OPERATIONS, type Principal } from '@switchyard/shared';
import * as webDocuments from '../../web/src/lib/graphql/generated/graphql.ts';
import { createTrustedDocuments } from '../src/trusted-documents.ts';

const VIEWER = {
  kind: 'user',
  userId: 'u1',
  role: 'VIEWER',
  scopes: null,
  sessionId: 's1',
  apiKeyId: null,
} as Principal;

// The web app's operations as its code holds them (codegen's typed documents).
const operations = Object.entries(webDocuments as Record<string, unknown>).filter(
  (entry): entry is [string, DocumentNode] =>
    (entry[1] as DocumentNode | undefined)?.kind === Kind.DOCUMENT &&
    (entry[1] as DocumentNode).definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION),
);

describe("the web app's registered documents", () => {
  const trusted = createTrustedDocuments({ mode: 'enforce' });

  it('are all in the manifest, under the hash of their text', () => {
    expect(operations.length).toBe(REGISTERED_OPERATIONS.size);
    const registeredNames = [...REGISTERED_OPERATIONS.values()].map(({ operationName }) => operationName).sort();
    const names = operations.map(([, document]) =>
      document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name!.value] : [])),
    );
    expect(names.flat().sort()).toEqual(registeredNames);
  });

  it.each(operations)('%s passes under enforce as the web server prints it and as urql sends it', (_name, document) => {
    const printed = print(document);
    expect(trusted.check(printed, document, VIEWER)).toBeNull();
    // urql (graphcache) adds __typename to every selection set and sends a whitespace-collapsed print.
    const sent = stringifyDocument(formatDocument(document));
    expect(trusted.check(sent, parse(sent), VIEWER)).toBeNull();
  });
});
