import type { Operation } from "../model/index.ts";

/** The scopes an app needs, and why. */
export interface ScopePlan {
  /** The least-privilege set, sorted. */
  scopes: string[];
  /** Each used operation and the scopes of the set that allow it. */
  operations: { operationId: string; requiredScopes: readonly (readonly string[])[]; grantedBy: string[] }[];
  /** Used operations whose scopes the spec does not document (the API decides). */
  undocumented: string[];
}

/**
 * The least privilege that allows every operation in `used`. The spec lists each group's scopes from narrow to
 * broad (`leads:read`, `leads:all`, `all:read`, `all:all`), so a group's first scope is the least a key can have
 * for it: the plan takes that one per group — never a broader scope just to make the list shorter (`all:all`
 * is one line and every power) — then drops any scope that the rest already cover.
 */
export function leastPrivilege(used: readonly Operation[]): ScopePlan {
  const groups = used.flatMap((operation) => operation.requiredScopes);
  const chosen = new Set(groups.map((group) => group[0] as string));
  const allowed = (set: ReadonlySet<string>) =>
    groups.every((group) => group.some((scope) => set.has(scope)));
  // Only a scope that a group reaches first can be chosen, and it is dropped only if every group still has one.
  for (const scope of [...chosen].sort().reverse()) {
    const without = new Set(chosen);
    without.delete(scope);
    if (allowed(without)) chosen.delete(scope);
  }
  const scopes = [...chosen].sort();
  return {
    scopes,
    operations: used
      .filter((operation) => operation.requiredScopes.length > 0)
      .map((operation) => ({
        operationId: operation.id,
        requiredScopes: operation.requiredScopes,
        grantedBy: scopes.filter((scope) => operation.requiredScopes.some((group) => group.includes(scope))),
      })),
    undocumented: used
      .filter((operation) => operation.requiredScopes.length === 0)
      .map((operation) => operation.id),
  };
}
