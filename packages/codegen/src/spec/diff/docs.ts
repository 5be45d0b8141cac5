import { isObject, type JsonObject, jsonEqual } from "./types.ts";

/** Keys of an operation, parameter, body or response object that only document it. */
const DOC_FIELDS = new Set([
  "summary",
  "description",
  "tags",
  "deprecated",
  "externalDocs",
  "example",
  "examples",
  "x-enumDescriptions",
]);

/**
 * The documentation-only keys (plus `x-*` extensions) that differ between two objects, sorted. Keys the
 * caller compares itself are passed in `skip`.
 */
export function changedDocFields(
  oldObj: JsonObject,
  newObj: JsonObject,
  skip: ReadonlySet<string> = new Set(),
): string[] {
  const changed: string[] = [];
  for (const key of new Set([...Object.keys(oldObj), ...Object.keys(newObj)])) {
    if (skip.has(key)) continue;
    if (!DOC_FIELDS.has(key) && !key.startsWith("x-")) continue;
    if (!jsonEqual(oldObj[key], newObj[key])) changed.push(key);
  }
  return changed.sort();
}

/** Top-level parts of the document that describe it rather than its operations and types. */
export function changedDocumentFields(oldDoc: JsonObject, newDoc: JsonObject): string[] {
  const changed: string[] = [];
  for (const key of new Set([...Object.keys(oldDoc), ...Object.keys(newDoc)])) {
    if (key === "paths" || key === "components" || key === "openapi") continue;
    if (!jsonEqual(oldDoc[key], newDoc[key])) changed.push(key);
  }
  const oldComponents = isObject(oldDoc.components) ? oldDoc.components : {};
  const newComponents = isObject(newDoc.components) ? newDoc.components : {};
  for (const key of new Set([...Object.keys(oldComponents), ...Object.keys(newComponents)])) {
    // Schemas are diffed structurally; parameters/requestBodies/responses are reached through operations.
    if (key === "schemas" || key === "parameters" || key === "requestBodies" || key === "responses") continue;
    if (!jsonEqual(oldComponents[key], newComponents[key])) changed.push(`components.${key}`);
  }
  return changed.sort();
}
