import { forEachSchema, type JsonObject } from "./walk.ts";

/**
 * Rule: `nullable: true` is an OpenAPI 3.0 keyword (ignored by 3.1 tooling) that real 3.1 versions of
 * this spec have used; it means "or null". Rewritten in 3.1 terms and dropped:
 * - `type: T` → `type: [T, "null"]` (and `null` joins an `enum`, which would otherwise forbid it);
 * - `$ref` → `anyOf: [{ $ref }, { type: "null" }]` (siblings of the ref stay on the outer schema);
 * - `anyOf`/`oneOf` → a `{ type: "null" }` branch is added; `allOf` → wrapped in an `anyOf` with null;
 * - no type at all → already accepts null, nothing to add.
 * `nullable: false` is the default and is simply dropped.
 */
export function rewriteNullable(document: JsonObject): void {
  forEachSchema(document, (schema) => {
    if (!("nullable" in schema)) return;
    const nullable = schema.nullable === true;
    delete schema.nullable;
    if (nullable) makeNullable(schema);
  });
}

const NULL_SCHEMA = (): JsonObject => ({ type: "null" });

export function makeNullable(schema: JsonObject): void {
  if (typeof schema.$ref === "string") {
    const ref = schema.$ref;
    delete schema.$ref;
    schema.anyOf = [{ $ref: ref }, NULL_SCHEMA()];
    return;
  }
  const type = schema.type;
  if (typeof type === "string") {
    if (type !== "null") schema.type = [type, "null"];
  } else if (Array.isArray(type)) {
    if (!type.includes("null")) type.push("null");
  } else if (Array.isArray(schema.anyOf)) {
    schema.anyOf.push(NULL_SCHEMA());
  } else if (Array.isArray(schema.oneOf)) {
    schema.oneOf.push(NULL_SCHEMA());
  } else if (Array.isArray(schema.allOf)) {
    schema.anyOf = [{ allOf: schema.allOf }, NULL_SCHEMA()];
    delete schema.allOf;
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
}
