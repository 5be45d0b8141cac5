// The one public entry of @instantly-kit/types. Everything under ./generated is produced by
// `pnpm generate` from the pinned spec; the helpers next to this file are hand-written.

export * from "./generated/enums.gen.js";
export type { components, operations, paths, webhooks } from "./generated/openapi.gen.js";
export type * from "./generated/schemas.gen.js";
export { operationScopeGroups, operationScopes, type Scope } from "./generated/scopes.gen.js";
export type {
  ErrorBody,
  OperationId,
  PathParams,
  QueryParams,
  RequestBody,
  ResponseBody,
} from "./operation-helpers.js";
export { operationsWithoutScopes, requiredScopes, scopeGroups, scopesAllow } from "./scopes.js";
