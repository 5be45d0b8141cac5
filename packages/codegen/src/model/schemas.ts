import { isNumericEnumSchema } from "./enums.ts";
import { isIdentifier } from "./naming.ts";
import { isObject, type JsonObject, pointerOf, schemaRef } from "./pointer.ts";
import type { NamedSchema } from "./types.ts";

/**
 * Names @instantly-kit/types exports besides the generated ones (see packages/types/src/index.ts): a schema or
 * enum with one of these names would clash, so it is not exported / is renamed.
 */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  "paths",
  "components",
  "operations",
  "webhooks",
  "$defs",
  "OperationId",
  "RequestBody",
  "ResponseBody",
  "QueryParams",
  "PathParams",
]);

/** The component schemas in document order (normalization makes their names PascalCase titles). */
export function collectSchemas(document: JsonObject): NamedSchema[] {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return Object.entries(schemas).map(([name, schema]) => ({
    name,
    ref: schemaRef(name),
    pointer: pointerOf("components", "schemas", name),
    schema,
    title: isObject(schema) && typeof schema.title === "string" ? schema.title : undefined,
    description: isObject(schema) && typeof schema.description === "string" ? schema.description : undefined,
    exported: isIdentifier(name) && !RESERVED_TYPE_NAMES.has(name) && !isNumericEnumSchema(schema),
  }));
}
