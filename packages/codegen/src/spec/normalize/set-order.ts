import { compareCodePoints } from "./sort-keys.ts";
import { forEachSchema, type JsonObject } from "./walk.ts";

/**
 * Rule (part of "stable key order"): arrays that are sets get one canonical order, so reordering them
 * upstream changes no byte. `type` lists lose duplicates and put `"null"` last (the conventional
 * `string | null`); `required` is sorted and deduplicated. Every other array keeps its order.
 */
export function canonicalSetOrder(document: JsonObject): void {
  forEachSchema(document, (schema) => {
    if (Array.isArray(schema.type)) {
      const types = [...new Set(schema.type)];
      const hasNull = types.includes("null");
      const rest = types.filter((t) => t !== "null");
      schema.type = hasNull ? [...rest, "null"] : rest;
      if (schema.type.length === 1) schema.type = schema.type[0] as string;
    }
    if (Array.isArray(schema.required)) {
      schema.required = [...new Set(schema.required.filter((r): r is string => typeof r === "string"))].sort(
        compareCodePoints,
      );
    }
  });
}
