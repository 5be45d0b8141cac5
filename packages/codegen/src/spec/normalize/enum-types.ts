import { forEachSchema, type Json, type JsonObject } from "./walk.ts";

/**
 * Rule: a `type` that does not cover its own `enum` values is widened to cover them, keeping every
 * value. The spec has `type: "number"` with `enum: ["CAMPAIGN", "LIST", 1, 2]` (orval then emits the
 * strings as bare identifiers); the API does answer with those strings, so the values are the truth
 * and the type is fixed: `type: ["number", "string"]`. The declared types come first, added ones
 * follow in the order their values appear.
 */
export function widenEnumTypes(document: JsonObject): void {
  forEachSchema(document, (schema) => {
    if (!Array.isArray(schema.enum) || schema.type === undefined) return;
    const declared = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
      (type): type is string => typeof type === "string",
    );
    const types = [...declared];
    for (const value of schema.enum) {
      if (!covers(types, value)) types.push(jsonType(value));
    }
    if (types.length === declared.length) return;
    schema.type = types;
  });
}

export function jsonType(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value; // "string" | "number" | "boolean" | "object"
}

function covers(types: string[], value: Json): boolean {
  const type = jsonType(value);
  if (types.includes(type)) return true;
  return type === "number" && Number.isInteger(value) && types.includes("integer");
}
