import type { ChangeKind } from "./kinds.ts";
import { code } from "./markdown.ts";
import type { Direction, JsonObject } from "./types.ts";

/**
 * Enum rules. `null` is left out here: it is nullability, compared with the types (so `null` joining an enum
 * is reported once, as "now accepts null" / "made nullable"). `const: x` counts as `enum: [x]`.
 */
export function compareEnums(
  oldSchema: JsonObject,
  newSchema: JsonObject,
  direction: Direction,
  at: (kind: ChangeKind, detail: string) => void,
): void {
  const oldValues = enumValues(oldSchema);
  const newValues = enumValues(newSchema);
  if (!oldValues && !newValues) return;
  if (!oldValues && newValues) {
    // A free value now restricted: callers' values may no longer type-check, and readers' comparisons with
    // values outside the enum become compile errors (TS2367) — the same reason an enum value removed is major.
    at(
      direction === "request" ? "request-enum-constrained" : "response-enum-constrained",
      `constrained to enum ${list(newValues)}`,
    );
    return;
  }
  if (oldValues && !newValues) {
    // Readers that switched over the values now get a plain type: their exhaustive checks break.
    at(
      direction === "request" ? "request-enum-lifted" : "response-enum-lifted",
      `enum ${list(oldValues)} lifted`,
    );
    return;
  }
  if (!oldValues || !newValues) return;
  const removed = [...oldValues.keys()].filter((key) => !newValues.has(key));
  const added = [...newValues.keys()].filter((key) => !oldValues.has(key));
  if (removed.length > 0 && removed.length === added.length) {
    // Replaced one for one (in order): a rename, which the changelog shows as `old` → `new`.
    const pairs = removed.map((value, index) => `${code(value)} → ${code(added[index] as string)}`);
    at("enum-value-renamed", `enum value${pairs.length > 1 ? "s" : ""} renamed: ${pairs.join(", ")}`);
    return;
  }
  if (removed.length > 0) {
    at(
      "enum-value-removed",
      `enum value${removed.length > 1 ? "s" : ""} ${removed.map(code).join(", ")} removed`,
    );
  }
  if (added.length > 0) {
    at("enum-value-added", `enum value${added.length > 1 ? "s" : ""} ${added.map(code).join(", ")} added`);
  }
}

/** Enum values keyed by their JSON text (so `1` and `"1"` stay distinct), without `null`. */
function enumValues(schema: JsonObject): Map<string, unknown> | undefined {
  let values: unknown[] | undefined;
  if (Array.isArray(schema.enum)) values = schema.enum;
  else if (Object.hasOwn(schema, "const")) values = [schema.const];
  if (!values) return undefined;
  const map = new Map<string, unknown>();
  for (const value of values) {
    if (value === null) continue;
    map.set(JSON.stringify(value), value);
  }
  // `enum: [null]` alone is a nullability statement, not an enum of values.
  return map.size === 0 && values.length > 0 ? undefined : map;
}

function list(values: Map<string, unknown>): string {
  const keys = [...values.keys()].map(code);
  return keys.length > 8 ? `${keys.slice(0, 8).join(", ")}, … (${keys.length})` : keys.join(", ");
}
