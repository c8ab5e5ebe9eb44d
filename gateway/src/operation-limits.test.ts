import { print, type DocumentNode } from 'graphql';
import * as web from '../../web/src/lib/graphql/generated/graphql.ts';
import { gatewayEnvSchema, withSupergraph } from './config.ts';
import { createOperationLimits } from './operation-limits.ts';
import { readSupergraph } from './supergraph.ts';
import { createSubscriptionPlanner } from './subscriptions/subscription-planner.ts';

const supergraphSdl = readSupergraph();
const { schema } = createSubscriptionPlanner(supergraphSdl);
const defaults = withSupergraph(
  gatewayEnvSchema.parse({ INTERNAL_SIGNING_SECRET: 'x'.repeat(32), JWT_SECRET: 'y'.repeat(32) }),
  { identity: 'http://127.0.0.1:4001/graphql' },
);
// pageSize() in @switchyard/shared refuses more; the web's devices page asks for 200.
const LARGEST_PAGES = { first: 200, last: 200 };
const documents = Object.entries(web).filter((entry): entry is [string, DocumentNode] => entry[0].endsWith('Document'));

describe('the default operation limits', () => {
  const limits = createOperationLimits({ limits: defaults.operationLimits, schema, supergraphSdl });

  it('let every operation of the web app through, even with the largest page any subgraph serves', () => {
    expect(documents.length).toBeGreaterThan(50);
    const refused = documents.flatMap(([name, document]) => {
      const text = print(document);
      const error = limits.checkText(text) ?? limits.checkOperation(document, undefined, LARGEST_PAGES).refused;
      return error ? [`${name}: ${error.message}`] : [];
    });
    expect(refused).toEqual([]);
  });
});
