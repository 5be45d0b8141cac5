import { operationScopeGroups, operationScopes, type Scope } from "./generated/scopes.gen.js";
import type { OperationId } from "./operation-helpers.js";

/**
 * The scopes an operation accepts, as the spec lists them, in order (`[]` when it documents none):
 * `requiredScopes("createLeadLabel")` → `["lead-labels:create", "lead-labels:all", "all:create", "all:all"]`.
 * A key with any one of them may call it — except the few operations of `operationScopeGroups`, which need one
 * scope of each group (use {@link scopesAllow} to decide).
 */
export function requiredScopes(operationId: OperationId): readonly Scope[] {
  return operationScopes[operationId] ?? [];
}

/** The scope groups of an operation: a key needs one scope of every group. `[]` when none are documented. */
export function scopeGroups(operationId: OperationId): readonly (readonly Scope[])[] {
  const groups = operationScopeGroups[operationId];
  if (groups) return groups;
  const scopes = requiredScopes(operationId);
  return scopes.length > 0 ? [scopes] : [];
}

/**
 * Whether a key with `scopes` may call the operation: it has one scope of every group. An operation whose
 * scopes the spec does not document is allowed (the API is the judge there).
 */
export function scopesAllow(scopes: Iterable<string>, operationId: OperationId): boolean {
  const granted = new Set(scopes);
  return scopeGroups(operationId).every((group) => group.some((scope) => granted.has(scope)));
}

/** The operations whose description documents no scopes, sorted. */
export function operationsWithoutScopes(): OperationId[] {
  return (Object.keys(operationScopes) as OperationId[]).filter((id) => operationScopes[id].length === 0);
}
