import { pascalCase, uniqueName } from "./names.ts";
import { compareCodePoints } from "./sort-keys.ts";
import {
  componentSchemas,
  escapePointer,
  forEachSchema,
  isObject,
  type JsonObject,
  SCHEMA_REF_PREFIX,
} from "./walk.ts";

/**
 * Rule: a request body may accept two spellings of one field (`funding_type` and `fundingType`,
 * `location_mode` and `locationMode`), each with its own inline enum. Generators name inline enums
 * after the property (`…FundingType`), so both spellings claim the same name (orval: "Duplicate schema
 * names detected"). Both spellings are accepted by the API, so both stay; their enums are hoisted to
 * `components/schemas` under distinct readable names:
 * - the snake_case spelling (the API's house style) is the canonical one: `FundingType`;
 *   any other spelling is the alias: `FundingTypeAlias`;
 * - identical enums share one schema, named after the canonical spelling (the same field in several
 *   operations, or both spellings with the same values → one `LocationMode`);
 *   only the definition (type, enum, x-enumDescriptions…) is hoisted: annotations that describe the
 *   use (description, example(s), default…) stay beside the `$ref` (allowed in 3.1), so nothing is lost
 *   and uses that differ only in wording still share a name;
 * - a name already taken by a different schema gets `2`, `3`… (names are claimed in document order,
 *   which is deterministic because keys are sorted first).
 * The enum schema hoisted is the property schema itself, or its `items` for an array of enum values.
 */
export function hoistAliasEnums(document: JsonObject): void {
  const byContent = new Map<string, string>();
  let schemas: JsonObject | undefined;
  let taken: Set<string> | undefined;

  forEachSchema(document, (schema) => {
    const properties = schema.properties;
    if (!isObject(properties)) return;
    const groups = new Map<string, string[]>();
    for (const key of Object.keys(properties)) {
      const name = pascalCase(key);
      groups.set(name, [...(groups.get(name) ?? []), key]);
    }
    for (const [base, spellings] of groups) {
      const withEnum = spellings.filter((key) => inlineEnumHolder(properties[key]) !== undefined);
      if (withEnum.length < 2) continue;
      schemas ??= componentSchemas(document, true) as JsonObject;
      taken ??= new Set(Object.keys(schemas));
      // The canonical spelling goes first, so an enum both spellings share is named after it.
      const sorted = [...withEnum].sort(compareCodePoints);
      const canonical = sorted.find((key) => key.includes("_")) ?? (sorted[0] as string);
      const ordered = [canonical, ...sorted.filter((key) => key !== canonical)];
      for (const key of ordered) {
        const property = properties[key] as JsonObject;
        const holder = inlineEnumHolder(property) as "self" | "items";
        const { definition, annotations } = splitAnnotations(
          (holder === "self" ? property : property.items) as JsonObject,
        );
        // Shared only under the same field name: an unrelated field with the same values keeps its own.
        const content = `${base}\u0000${JSON.stringify(definition)}`;
        let name = byContent.get(content);
        if (name === undefined) {
          name = uniqueName(key === canonical ? base : `${base}Alias`, taken);
          taken.add(name);
          byContent.set(content, name);
          schemas[name] = definition;
        }
        const ref = { $ref: SCHEMA_REF_PREFIX + escapePointer(name), ...annotations };
        if (holder === "self") properties[key] = ref;
        else property.items = ref;
      }
    }
  });
}

/** Where a property carries an inline enum: on itself, on its `items`, or nowhere. */
function inlineEnumHolder(property: unknown): "self" | "items" | undefined {
  if (!isObject(property) || "$ref" in property) return undefined;
  if (Array.isArray(property.enum)) return "self";
  const items = property.items;
  if (isObject(items) && !("$ref" in items) && Array.isArray(items.enum)) return "items";
  return undefined;
}

const ANNOTATIONS = new Set([
  "description",
  "example",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
]);

function splitAnnotations(schema: JsonObject): { definition: JsonObject; annotations: JsonObject } {
  const definition: JsonObject = {};
  const annotations: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) annotations[key] = value;
    else definition[key] = value;
  }
  return { definition, annotations };
}
