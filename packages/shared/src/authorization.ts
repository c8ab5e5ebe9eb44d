import {
  Kind,
  defaultFieldResolver,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLFieldResolver,
} from 'graphql';
import { ForbiddenError, TwoFactorRequiredError, UnauthenticatedError } from './errors.ts';
import {
  SCOPE_ROLES,
  isApiKeyScope,
  isRole,
  roleAtLeast,
  type ApiKeyScope,
  type Principal,
  type Role,
} from './principal.ts';

/**
 * One authorization mechanism for every subgraph, declared in the SDL:
 *
 *   directive @authz(role: String!, scope: String, userOnly: Boolean) on FIELD_DEFINITION | OBJECT
 *   directive @public on FIELD_DEFINITION
 *
 * `role` is the least role needed; `scope` is what an API key must carry; `userOnly` refuses API
 * keys outright. On an entity type, @authz guards `__resolveReference`. Every root field must say
 * @authz or @public, so a new operation cannot be exposed by forgetting a check.
 *
 * `directive @allowedBeforeTwoFactor on FIELD_DEFINITION` (declared by identity only) marks the few
 * fields an admin who must still enrol two-factor sign-in may use (see Principal.twoFactorEnrolmentRequired);
 * every other @authz field refuses them with TWO_FACTOR_REQUIRED. The check costs nothing: identity
 * puts the flag on the principal it already answers the gateway with.
 */
export const AUTHORIZATION_DIRECTIVES_SDL = `
directive @authz(role: String!, scope: String, userOnly: Boolean) on FIELD_DEFINITION | OBJECT
directive @public on FIELD_DEFINITION
directive @allowedBeforeTwoFactor on FIELD_DEFINITION`;

export interface Requirement {
  role: Role;
  scope: string | null;
  userOnly: boolean;
  /** Open to an admin who must still enrol two-factor sign-in (@allowedBeforeTwoFactor). */
  beforeTwoFactor?: boolean;
}

export function authorize(principal: Principal | null, requirement: Requirement): Principal {
  if (!principal) throw new UnauthenticatedError();
  if (principal.twoFactorEnrolmentRequired && !requirement.beforeTwoFactor) throw new TwoFactorRequiredError();
  if (requirement.userOnly && principal.kind === 'apiKey')
    throw new ForbiddenError('This operation needs a signed-in user, not an API key');
  if (!roleAtLeast(principal.role, requirement.role))
    throw new ForbiddenError(`This operation needs the ${requirement.role} role`);
  if (principal.kind === 'apiKey' && requirement.scope && !principal.scopes?.includes(requirement.scope)) {
    throw new ForbiddenError(`This API key lacks the ${requirement.scope} scope`);
  }
  return principal;
}

type Resolver = GraphQLFieldResolver<unknown, { principal: Principal | null }>;
type ResolverMap = Record<string, Record<string, unknown>>;

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** Returns a copy of `resolvers` in which every field and entity carrying @authz checks it first. */
export function applyAuthorization<R extends object>(typeDefs: DocumentNode, resolvers: R): R {
  const result: ResolverMap = Object.fromEntries(
    Object.entries(resolvers as ResolverMap).map(([type, fields]) => [type, { ...fields }]),
  );
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    const typeResolvers = (result[typeName] ??= {});
    const typeRequirement = readRequirement(typeName, definition.directives);
    if (typeRequirement && typeResolvers.__resolveReference) {
      typeResolvers.__resolveReference = guardReference(
        typeResolvers.__resolveReference as ReferenceResolver,
        typeRequirement,
      );
    }
    for (const field of definition.fields ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      const requirement = readRequirement(coordinate, field.directives);
      const isPublic = field.directives?.some((d) => d.name.value === 'public');
      if (ROOT_TYPES.has(typeName) && !requirement && !isPublic) {
        throw new Error(`${coordinate} has neither @authz nor @public: every operation must declare who may call it`);
      }
      if (!requirement) continue;
      typeResolvers[field.name.value] = guardField(
        typeName,
        field.name.value,
        typeResolvers[field.name.value],
        requirement,
      );
    }
  }
  return result as R;
}

type ReferenceResolver = (reference: unknown, context: { principal: Principal | null }, info: unknown) => unknown;

function guardReference(resolve: ReferenceResolver, requirement: Requirement): ReferenceResolver {
  return (reference, context, info) => {
    authorize(context.principal, requirement);
    return resolve(reference, context, info);
  };
}

function guardField(typeName: string, fieldName: string, resolver: unknown, requirement: Requirement): unknown {
  if (typeName === 'Subscription') {
    // Checked at subscribe time and again for every event.
    const { subscribe, resolve } = (resolver ?? {}) as { subscribe?: Resolver; resolve?: Resolver };
    if (!subscribe) throw new Error(`Subscription.${fieldName} has no subscribe resolver`);
    return {
      subscribe: guard(subscribe, requirement),
      resolve: guard(resolve ?? (defaultFieldResolver as Resolver), requirement),
    };
  }
  const resolve: Resolver =
    typeof resolver === 'function'
      ? (resolver as Resolver)
      : (source) => (source as Record<string, unknown>)[fieldName];
  return guard(resolve, requirement);
}

function guard(resolve: Resolver, requirement: Requirement): Resolver {
  return (source, args, context, info) => {
    authorize(context.principal, requirement);
    return resolve(source, args, context, info);
  };
}

/** The @authz among `directives` (null without one); throws when it names an unknown role or scope. */
export function readRequirement(
  coordinate: string,
  directives: readonly ConstDirectiveNode[] | undefined,
): Requirement | null {
  const directive = directives?.find((d) => d.name.value === 'authz');
  if (!directive) return null;
  const args = Object.fromEntries(
    (directive.arguments ?? []).map((arg) => [arg.name.value, 'value' in arg.value ? arg.value.value : undefined]),
  );
  if (!isRole(args.role)) throw new Error(`${coordinate}: @authz role must be one of VIEWER, OPERATOR, ADMIN`);
  if (typeof args.scope === 'string' && !isApiKeyScope(args.scope))
    throw new Error(`${coordinate}: @authz scope ${args.scope} is not in API_KEY_SCOPES`);
  if (typeof args.scope === 'string' && !roleAtLeast(args.role, SCOPE_ROLES[args.scope as ApiKeyScope]))
    throw new Error(`${coordinate}: role ${args.role} is below ${args.scope}'s least role in SCOPE_ROLES`);
  return {
    role: args.role,
    scope: typeof args.scope === 'string' ? args.scope : null,
    userOnly: args.userOnly === true,
    // Only where it is set: the API reference lists each field's requirement as it is.
    ...(directives?.some((d) => d.name.value === 'allowedBeforeTwoFactor') ? { beforeTwoFactor: true } : {}),
  };
}
