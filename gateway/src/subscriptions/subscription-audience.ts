import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Principal } from '@switchyard/shared';
import type { GatewayContext } from '../context.ts';

/**
 * Fields whose answer depends on the caller only through what @authz checks (kind, role, API-key
 * scopes), never through who the caller is: their resolvers read no user, session or key id, and no
 * data that belongs to one (a household, a session). Audited resolver by resolver; a field missing
 * here only costs sharing, a field wrongly here would cost correctness, never secrecy (see
 * roleOnlyPrincipal). `'*'` only for value types that a single subgraph defines: an entity's fields
 * come from several subgraphs (User.household, from meals, depends on the caller), so entities list
 * theirs one by one.
 */
const ANSWERED_BY_ROLE: Record<string, '*' | ReadonlySet<string>> = {
  // stores: the subscription filters by its arguments only (subgraphs/stores/src/resolvers/Subscription.ts).
  Subscription: new Set(['storeChanged']),
  StoreEvent: '*',
  AuditActor: '*',
  Store: new Set([
    'id',
    'code',
    'name',
    'type',
    'status',
    'address',
    'latitude',
    'longitude',
    'timezone',
    'openedAt',
    'network',
    'provisioningSteps',
    'provisioningProgress',
    'allowedTransitions',
    'version',
    'createdAt',
    'updatedAt',
    'createdBy',
  ]),
  Address: '*',
  NetworkPlan: '*',
  DhcpRange: '*',
  ProvisioningStep: '*',
  // identity: User.__resolveReference loads by id; no field reads the caller.
  User: new Set(['id', 'email', 'displayName', 'role', 'deactivatedAt', 'createdAt', 'lastLoginAt']),
};

/** Stands in for the user id of a shared execution: a valid UUID that no user has. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Who a subscription's results are for: subscriptions of one audience may share an execution. */
export interface Audience {
  key: string;
  /** What the shared execution runs with (forwarded, signed, to the subgraphs). */
  context: GatewayContext;
}

/**
 * The audience of `document` for `context`. When every field the document selects is answered by
 * role alone (ANSWERED_BY_ROLE), every caller of the same kind, role and scopes is one audience,
 * and the execution runs as roleOnlyPrincipal: the subgraphs see nothing that tells those callers
 * apart, so the results are the same for each of them by construction. Otherwise the audience is
 * the caller's own principal (user, session, key) and credentials, and the execution runs with the
 * context of its first subscriber.
 */
export function createAudiences(schema: GraphQLSchema) {
  const byRole = new WeakMap<DocumentNode, boolean>();

  function answeredByRole(document: DocumentNode): boolean {
    let known = byRole.get(document);
    if (known === undefined) {
      known = selectsOnlyRoleAnsweredFields(schema, document);
      byRole.set(document, known);
    }
    return known;
  }

  return function audienceOf(document: DocumentNode, context: GatewayContext): Audience {
    const { principal, credentials } = context;
    if (principal && !credentials && answeredByRole(document)) {
      const shared = roleOnlyPrincipal(principal);
      return {
        key: JSON.stringify(['role', shared.kind, shared.role, shared.scopes]),
        context: { ...context, principal: shared },
      };
    }
    return { key: JSON.stringify(['caller', principal, credentials ?? null]), context };
  };
}

export type AudienceOf = ReturnType<typeof createAudiences>;

/** What @authz reads of a principal, and nothing that names the caller. */
export function roleOnlyPrincipal(principal: Principal): Principal {
  return {
    kind: principal.kind,
    role: principal.role,
    scopes: principal.scopes ? [...principal.scopes].sort() : null,
    userId: NOBODY,
    sessionId: null,
    apiKeyId: null,
  };
}

/** Every field of every operation and fragment in the document (more than the one run: never less). */
export function selectsOnlyRoleAnsweredFields(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let only = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType()?.name;
        const fields = parent ? ANSWERED_BY_ROLE[parent] : undefined;
        if (!fields || (fields !== '*' && !fields.has(node.name.value))) only = false;
      },
    }),
  );
  return only;
}
