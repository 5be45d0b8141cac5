import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  type OperationId,
  operationScopeGroups,
  operationScopes,
  operationsWithoutScopes,
  requiredScopes,
  scopeGroups,
  scopesAllow,
} from "../src/index.js";

// Expectations come from the spec the package was generated from (its descriptions), read here independently
// of the generator: the scopes are the backticked words of the "Requires …" sentence, in order.
const root = process.env.INSTANTLY_KIT_ROOT ?? join(import.meta.dirname, "..", "..", "..");
const spec = JSON.parse(readFileSync(join(root, "spec", "openapi.json"), "utf8")) as {
  paths: Record<string, Record<string, { operationId?: string; description?: string }>>;
};

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const specOperations = Object.values(spec.paths).flatMap((item) =>
  Object.entries(item)
    .filter(([method]) => METHODS.has(method))
    .map(([, operation]) => operation),
);

/** The text after "Requires" up to the end of the description: where the spec lists the scopes. */
function scopeText(description: string | undefined): string | undefined {
  const at = description?.indexOf("Requires ") ?? -1;
  return at === -1 ? undefined : description?.slice(at);
}

describe("operationScopes", () => {
  test("has every operation of the spec, and nothing else", () => {
    const ids = specOperations.map((operation) => operation.operationId).sort();
    expect(Object.keys(operationScopes).sort()).toEqual(ids);
  });

  test.each(specOperations.map((operation) => [operation.operationId as string, operation] as const))(
    "%s: the scopes its description lists, in order",
    (id, operation) => {
      const text = scopeText(operation.description);
      const listed = requiredScopes(id as OperationId);
      if (!text || !/scope/.test(text)) {
        expect(listed).toEqual([]);
        return;
      }
      const backticked = [...new Set([...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]))];
      expect(listed).toEqual(backticked);
      // Every scope is `<resource>:<action>`.
      for (const scope of listed) expect(scope).toMatch(/^[a-z0-9_-]+:[a-z0-9_-]+$/);
    },
  );

  test("operationsWithoutScopes lists exactly the operations with no documented scope", () => {
    const none = specOperations
      .filter((operation) => !/Requires (one|all) of the following scope/.test(operation.description ?? ""))
      .map((operation) => operation.operationId)
      .sort();
    expect(operationsWithoutScopes().sort()).toEqual(none);
  });
});

describe("scopesAllow", () => {
  const ids = Object.keys(operationScopes) as OperationId[];

  test("any single accepted scope allows a one-group operation; none of them is denied", () => {
    let checked = 0;
    for (const id of ids) {
      const groups = scopeGroups(id);
      if (groups.length !== 1) continue;
      const [group] = groups as [readonly string[]];
      for (const scope of group) expect(scopesAllow([scope], id)).toBe(true);
      const others = ids.flatMap((other) => requiredScopes(other)).filter((scope) => !group.includes(scope));
      expect(scopesAllow(others, id)).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  test("a multi-group operation needs one scope of each group", () => {
    for (const [id, groups] of Object.entries(operationScopeGroups) as [OperationId, string[][]][]) {
      expect(groups.length).toBeGreaterThan(1);
      expect(
        scopesAllow(
          groups.map((group) => group[0] as string),
          id,
        ),
      ).toBe(true);
      for (let skip = 0; skip < groups.length; skip++) {
        // Every scope of the other groups that the skipped group does not also accept (`all:all` is in both).
        const skipped = groups[skip] as string[];
        const others = groups.flat().filter((scope) => !skipped.includes(scope));
        expect(scopesAllow(others, id)).toBe(false);
        expect(scopesAllow([...others, skipped[0] as string], id)).toBe(true);
      }
    }
  });

  test("operations without documented scopes are allowed for any key", () => {
    for (const id of operationsWithoutScopes()) expect(scopesAllow([], id)).toBe(true);
  });
});
