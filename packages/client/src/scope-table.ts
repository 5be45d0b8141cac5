// Loaded on demand by scopes.ts (a separate chunk): the tables that grow with the spec.
import { type OperationId, type Scope, scopeGroups, scopesAllow } from "@instantly-kit/types";
import { operationIds } from "./generated/operation-ids.gen.js";

export function lookup(
  method: string,
  path: string,
):
  | {
      operation: OperationId;
      requiredScopes: readonly (readonly Scope[])[];
      allows: (granted: ReadonlySet<string>) => boolean;
    }
  | undefined {
  const operation = operationIds[path]?.[method];
  if (!operation) return undefined;
  return {
    operation,
    requiredScopes: scopeGroups(operation),
    allows: (granted) => scopesAllow(granted, operation),
  };
}
