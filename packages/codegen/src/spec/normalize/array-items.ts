import { forEachSchema, type JsonObject } from "./walk.ts";

/**
 * Rule: an array schema without `items` (the spec has `type: ["null", "array"]` with no items, on
 * which Kubb crashes) gets `items: {}` — "an array of anything", which is what the missing keyword
 * means in JSON Schema.
 */
export function addMissingArrayItems(document: JsonObject): void {
  forEachSchema(document, (schema) => {
    const type = schema.type;
    const isArray = type === "array" || (Array.isArray(type) && type.includes("array"));
    if (isArray && !("items" in schema) && !("prefixItems" in schema)) schema.items = {};
  });
}
