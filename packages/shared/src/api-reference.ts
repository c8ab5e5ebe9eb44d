// The shape of the API reference the gateway's `npm run compose` writes for the web app
// (web/src/lib/api/generated/reference.json): written by gateway/src/api-reference.ts, read by web/src/lib/api.
export const API_ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;
export type RootType = (typeof API_ROOT_TYPES)[number];

/** Who may call a root field: anyone, or at least `role`; an API key also needs `scope`, and none may when `userOnly`. */
export type Access = { public: true } | { public: false; role: string; scope: string | null; userOnly: boolean };

export interface ArgumentDoc {
  name: string;
  description: string;
  type: string;
  defaultValue: string | null;
}
export interface FieldDoc {
  name: string;
  description: string;
  type: string;
  args: ArgumentDoc[];
  deprecationReason: string | null;
}
export interface TypeDoc {
  name: string;
  kind: 'OBJECT' | 'INTERFACE' | 'UNION' | 'ENUM' | 'INPUT_OBJECT' | 'SCALAR';
  description: string;
  fields: FieldDoc[];
  /** Enum values; union members and interface implementations are in `possibleTypes`. */
  values: { name: string; description: string; deprecationReason: string | null }[];
  possibleTypes: string[];
  interfaces: string[];
}
export interface OperationDoc extends FieldDoc {
  rootType: RootType;
  subgraph: string;
  access: Access;
  /** Subscriptions only: one event as graphql-ws delivers it when every field is selected (nested objects up to a depth). */
  example: unknown;
}
export interface ApiReference {
  operations: OperationDoc[];
  types: TypeDoc[];
}
