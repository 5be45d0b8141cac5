import { forEachSchema, type Json, type JsonObject } from "./walk.ts";

/**
 * Rule: a `type` that does not cover its own `enum` values is dropped, keeping every value: the enum
 * alone says exactly which values are allowed. The spec has `type: "number"` with
 * `enum: ["CAMPAIGN", "LIST", 1, 2]`, and the API does send those strings.
 *
 * Why not widen the type to `["number", "string"]`? Measured with orval 8 here: for a type list plus
 * an enum it emits every enum member twice (an object literal with duplicate keys, a TypeScript
 * error), and orval 7 emits the strings as bare identifiers. With the enum alone, orval emits
 * `CAMPAIGN: 'CAMPAIGN', …, NUMBER_1: 1` and openapi-typescript `"CAMPAIGN" | "LIST" | 1 | 2`.
 */
export function dropTypesThatContradictEnums(document: JsonObject): void {
  forEachSchema(document, (schema) => {
    if (!Array.isArray(schema.enum) || schema.type === undefined) return;
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
      (type): type is string => typeof type === "string",
    );
    if (schema.enum.every((value) => covers(types, value))) return;
    delete schema.type;
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
