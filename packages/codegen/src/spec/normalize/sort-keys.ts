import { compareCodePoints } from "../../model/order.ts";
import { type Json, setKey } from "./walk.ts";

/**
 * A deep copy with every object's keys in code-point order. This is both the copy that keeps
 * `normalize` pure and the rule "stable key order".
 *
 * Why every object, `properties` included: key order carries no meaning in JSON or OpenAPI, the
 * upstream document reorders keys between versions, and byte-stable output (same meaning → same
 * sha256, no noisy regeneration diffs) matters more than keeping the author's property order.
 * Arrays keep their order: `enum`, `parameters`, `allOf`, `servers`… are ordered data.
 */
export function sortKeysDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== "object") return value;
  const sorted: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort(compareCodePoints)) {
    const child = value[key];
    if (child !== undefined) setKey(sorted, key, sortKeysDeep(child));
  }
  return sorted;
}

// Locale-independent order (localeCompare would depend on the machine's ICU data): the model's one rule.
export { compareCodePoints };
