import type { RequestValidator, SchemaNode } from "./validate.js";

type Item = Record<string, unknown>;

/**
 * `merged` with each of the caller's properties (`known`) that breaks the item `schema` put back to its value in
 * `base` (the mock item, or the stored item), or removed when `base` has none: the request schema may allow what
 * the item's does not (an empty `reply_to` where the account's is an email, any `type` where the agent's is an
 * enum). Stored as sent, it would make every later answer for the item one the validating client refuses.
 * A violation names its property by `segments[0]`, not by reading `path` back: a name can hold `.`, `[`, `"`.
 */
export function fitting(
  validator: RequestValidator,
  schema: SchemaNode,
  base: Item,
  merged: Item,
  known: Item,
): Item {
  // The validator names at most 10 violations: a property put back can make room for another's, so again.
  for (let round = 0; round < Object.keys(known).length; round++) {
    const broken = new Set<string>();
    for (const violation of validator.violations(schema, merged, "")) {
      const [property] = violation.segments;
      if (typeof property === "string" && Object.hasOwn(known, property)) broken.add(property);
    }
    if (broken.size === 0) break;
    for (const property of broken) {
      if (Object.hasOwn(base, property)) merged[property] = base[property];
      else delete merged[property];
    }
  }
  return merged;
}
