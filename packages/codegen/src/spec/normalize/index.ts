// normalize(raw) → { document, warnings }: the one place the spec is made generator-safe.
// Pure and deterministic: it works on a key-sorted deep copy, every rule is a plain function of the
// document, and the result is key-sorted again — same input meaning → same bytes → same sha256.
// Rules are listed (and justified) in docs/spec-pipeline.md; each lives in its own module.
// (Re-exported by @scalar/openapi-parser, marked deprecated there in favour of @scalar/openapi-upgrader,
// which is the same code but not a direct dependency here.)
import { upgradeFromThreeToThreeOne } from "@scalar/openapi-parser";
import { hoistAliasEnums } from "./alias-enums.ts";
import { addMissingArrayItems } from "./array-items.ts";
import { replaceDanglingRefs } from "./dangling-refs.ts";
import { dropTypesThatContradictEnums } from "./enum-types.ts";
import { sanitizeIdentifiers } from "./identifiers.ts";
import { splitMixedTypeLists } from "./multi-type.ts";
import { rewriteNullable } from "./nullable.ts";
import { renameSchemas } from "./schema-names.ts";
import { canonicalSetOrder } from "./set-order.ts";
import { sortKeysDeep } from "./sort-keys.ts";
import { isObject, type Json, type JsonObject } from "./walk.ts";

export interface Normalized {
  document: Record<string, unknown>;
  /** Problems worked around (dangling $refs…), for the pull output and the lock. */
  warnings: string[];
}

export function normalize(raw: unknown): Normalized {
  if (!isObject(raw)) throw new TypeError("an OpenAPI document must be a JSON/YAML object");
  let document = sortKeysDeep(raw as Json) as JsonObject;
  const warnings: string[] = [];

  // Order matters: dangling refs are reported by the names the source used, before any rename;
  // `nullable` is rewritten before a 3.0 document is upgraded (the upgrader would drop `null` from enums).
  replaceDanglingRefs(document, warnings);
  rewriteNullable(document);
  if (typeof document.openapi === "string" && document.openapi.startsWith("3.0")) {
    document = upgradeFromThreeToThreeOne(document) as unknown as JsonObject;
  }
  renameSchemas(document);
  sanitizeIdentifiers(document);
  addMissingArrayItems(document);
  dropTypesThatContradictEnums(document);
  splitMixedTypeLists(document);
  hoistAliasEnums(document);
  canonicalSetOrder(document);

  return { document: sortKeysDeep(document) as JsonObject, warnings };
}

/** The bytes written to spec/openapi.json (and hashed into the lock): 2-space JSON, trailing newline. */
export function serializeSpec(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
