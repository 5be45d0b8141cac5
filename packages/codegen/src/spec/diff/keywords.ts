/**
 * Which schema keywords change what, for consumers of the generated TypeScript. Keywords not listed in any
 * set are treated as annotations (patch): the diff never silently ignores a change.
 */

/** Pure documentation: change → patch. */
export const DOC_KEYWORDS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "x-enumDescriptions",
  "deprecated",
  "x-tags",
  "$comment",
]);

/**
 * Validation-only keywords: the API may accept or reject different values, but the generated types do not
 * change (TypeScript has no `format`, `pattern` or ranges) → minor. `readOnly`/`writeOnly` are here too:
 * openapi-typescript only marks a property `readonly`, which does not stop an object from being assigned.
 */
export const VALIDATION_KEYWORDS = new Set([
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minContains",
  "maxContains",
  "contains",
  "minProperties",
  "maxProperties",
  "propertyNames",
  "dependentRequired",
  "dependentSchemas",
  "default",
  "readOnly",
  "writeOnly",
  "if",
  "then",
  "else",
  "not",
  "contentMediaType",
  "contentEncoding",
  "contentSchema",
]);

/** Keywords the structural walk compares itself (types, nullability, enums, properties, composition). */
export const STRUCTURAL_KEYWORDS = new Set([
  "$ref",
  "type",
  "nullable",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "prefixItems",
  "anyOf",
  "oneOf",
  "allOf",
]);
