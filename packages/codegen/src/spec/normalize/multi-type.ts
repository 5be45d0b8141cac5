import { forEachSchema, type Json, type JsonObject } from "./walk.ts";

// Keywords that only apply to values of one JSON type: they move into that type's branch.
const KEYWORDS_BY_TYPE: Record<string, string[]> = {
  object: [
    "properties",
    "additionalProperties",
    "patternProperties",
    "propertyNames",
    "required",
    "minProperties",
    "maxProperties",
    "dependentRequired",
    "dependentSchemas",
    "unevaluatedProperties",
  ],
  array: [
    "items",
    "prefixItems",
    "minItems",
    "maxItems",
    "uniqueItems",
    "contains",
    "minContains",
    "maxContains",
    "unevaluatedItems",
  ],
  string: ["minLength", "maxLength", "pattern", "format", "contentEncoding", "contentMediaType"],
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
};
KEYWORDS_BY_TYPE.integer = KEYWORDS_BY_TYPE.number as string[];

/**
 * Rule: a type list that mixes a structured type (object/array) with other types, e.g. the map
 * values `type: [null, string, number, boolean, object]`, becomes an `anyOf` with one branch per type
 * (orval references a type it never emits for the list form). Type-specific keywords move into their
 * branch; annotations (description, example…) and `enum`/`const` stay on the outer schema. Lists of
 * scalars plus null (`["string", "null"]`, `["string", "number", "boolean", "null"]`) are handled by
 * every generator and stay as they are.
 */
export function splitMixedTypeLists(document: JsonObject): void {
  forEachSchema(document, (schema) => {
    const type = schema.type;
    if (!Array.isArray(type) || "anyOf" in schema) return;
    const nonNull = type.filter((t): t is string => typeof t === "string" && t !== "null");
    if (nonNull.length < 2 || !nonNull.some((t) => t === "object" || t === "array")) return;
    const branches: Json[] = nonNull.map((t) => {
      const branch: JsonObject = { type: t };
      for (const keyword of KEYWORDS_BY_TYPE[t] ?? []) {
        if (keyword in schema) branch[keyword] = schema[keyword] as Json;
      }
      return branch;
    });
    for (const t of nonNull) for (const keyword of KEYWORDS_BY_TYPE[t] ?? []) delete schema[keyword];
    if (type.includes("null")) branches.push({ type: "null" });
    delete schema.type;
    schema.anyOf = branches;
  });
}
