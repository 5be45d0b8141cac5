import type { OperationId, Scope } from "@instantly-kit/types";

/**
 * A call that the API key's declared `scopes` cannot make (kind `"scope"`), thrown before anything is sent:
 * the API would answer 401/403 anyway, and the error names what to add to the key instead of a bare status.
 */
export class InstantlyScopeError extends Error {
  override name = "InstantlyScopeError";
  readonly kind = "scope" as const;
  /** The operationId, e.g. `createLeadLabel`. */
  readonly operation: OperationId;
  readonly method: string;
  /** The path template, e.g. `/api/v2/lead-labels`. */
  readonly path: string;
  /** The scope groups the operation needs: one scope of every group. */
  readonly requiredScopes: readonly (readonly Scope[])[];

  constructor(init: {
    operation: OperationId;
    method: string;
    path: string;
    requiredScopes: readonly (readonly Scope[])[];
  }) {
    const needs = init.requiredScopes.map((group) => `one of ${group.join(", ")}`).join("; and ");
    super(
      `${init.operation} (${init.method} ${init.path}) needs a key with ${needs}; the key's scopes allow none`,
    );
    this.operation = init.operation;
    this.method = init.method;
    this.path = init.path;
    this.requiredScopes = init.requiredScopes;
  }

  toJSON(): Record<string, unknown> {
    return { ...(this as object), message: this.message };
  }
}

/**
 * The check for a client created with `scopes`: rejects with `InstantlyScopeError` when the operation of
 * `method path` (a path template, as openapi-fetch is called) needs a scope the key does not have; a path the
 * spec does not know is left to the API. The operation/scope tables grow with the spec (≈6 KB gzip), so they
 * are imported on the first checked call: a bundler puts them in their own chunk, and apps that do not
 * declare `scopes` never load them (ADR 0027).
 */
export function scopeCheck(
  scopes: readonly string[],
  load: () => Promise<typeof import("./scope-table.js")> = () => import("./scope-table.js"),
): (method: string, path: string) => Promise<void> {
  const granted = new Set(scopes);
  let table: Promise<typeof import("./scope-table.js")> | undefined;
  return async (method, path) => {
    // A failed import (a browser's chunk request failing) fails this call only: the next one imports again.
    table ??= load().catch((error: unknown) => {
      table = undefined;
      throw error;
    });
    const found = (await table).lookup(method, path);
    if (found && !found.allows(granted)) {
      throw new InstantlyScopeError({ ...found, method, path });
    }
  };
}
