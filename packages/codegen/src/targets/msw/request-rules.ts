import {
  isObject,
  type JsonObject,
  pointerToFragment,
  refToPointer,
  type SpecModel,
} from "../../model/index.ts";
import type { MockOperation, MockResource } from "./mock-operations.ts";

/**
 * The JSON Schema keywords the mock's request validator (packages/msw/src/validate.ts) applies. Everything else
 * (descriptions, examples, `x-…` extensions, `default`, `title`) is dropped at generate time: the runtime gets
 * only what it checks, so the tables stay small and loading them costs nothing noticeable.
 */
const SCHEMA_KEYWORDS = new Set([
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "minProperties",
  "maxProperties",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
]);

/** Keywords whose value is one schema, a list of schemas, or a map of schemas. */
const ONE_SCHEMA = new Set(["additionalProperties", "items", "contains", "not", "if", "then", "else"]);
const SCHEMA_LIST = new Set(["prefixItems", "allOf", "anyOf", "oneOf"]);

/** A parameter the validator checks: its value (a string from the URL) is coerced to the schema's type first. */
export interface ParameterRule {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: unknown;
}

export interface RequestRule {
  body?: unknown;
  /** Whether a body is required (`requestBody.required`). */
  bodyRequired?: boolean;
  params?: ParameterRule[];
}

/**
 * Compact request schemas for every operation: bodies and path/query parameters, with `$ref`s kept as references
 * to a shared `defs` table (by JSON pointer), so a component schema used by 30 operations is written once.
 */
export function requestRules(
  model: SpecModel,
  operations: readonly MockOperation[],
  resources: readonly MockResource[] = [],
): { rules: Map<string, RequestRule>; defs: Map<string, unknown>; items: Map<string, unknown> } {
  const defs = new Map<string, unknown>();
  const pending: string[] = [];

  function compact(node: unknown): unknown {
    if (node === true || node === false) return node;
    if (!isObject(node)) return true;
    if (typeof node.$ref === "string") {
      const pointer = refToPointer(node.$ref);
      const target = pointer === undefined ? undefined : model.resolve(node);
      // A ref the model cannot follow (normalization removed dangling ones): accept anything rather than guess.
      if (pointer === undefined || target === undefined) return true;
      if (!defs.has(target.pointer)) {
        defs.set(target.pointer, undefined);
        pending.push(target.pointer);
      }
      return { $ref: target.pointer };
    }
    const out: JsonObject = {};
    for (const [keyword, value] of Object.entries(node)) {
      if (!SCHEMA_KEYWORDS.has(keyword)) continue;
      if (keyword === "properties" && isObject(value)) {
        const properties: JsonObject = {};
        for (const [name, schema] of Object.entries(value)) {
          Object.defineProperty(properties, name, {
            value: compact(schema),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        out.properties = properties;
      } else if (ONE_SCHEMA.has(keyword)) {
        out[keyword] = compact(value);
      } else if (SCHEMA_LIST.has(keyword) && Array.isArray(value)) {
        out[keyword] = value.map(compact);
      } else if (keyword === "pattern" && typeof value === "string" && !compilesAsUnicode(value)) {
        // A pattern JavaScript cannot compile is not checked (Ajv would refuse the whole schema).
      } else {
        out[keyword] = value;
      }
    }
    return out;
  }

  const rules = new Map<string, RequestRule>();
  for (const operation of operations) {
    const source = operation.source;
    const rule: RequestRule = {};
    const json = source.requestBody?.json;
    if (json && source.requestBody) {
      rule.body = compact(json.schema);
      if (source.requestBody.required) rule.bodyRequired = true;
    }
    const params = source.parameters
      .filter((parameter) => parameter.in === "path" || parameter.in === "query")
      .map(
        (parameter): ParameterRule => ({
          name: parameter.name,
          in: parameter.in as "path" | "query",
          required: parameter.required,
          schema: compact(parameter.schema),
        }),
      );
    if (params.length > 0) rule.params = params;
    if (rule.body !== undefined || rule.params) rules.set(operation.operationId, rule);
  }
  // The item schema of each CRUD resource: `mock:serve --data` checks the items it is given against them.
  const items = new Map<string, unknown>();
  for (const resource of resources) {
    const pointer = operations.find(
      (operation) => operation.operationId === resource.itemOperation,
    )?.schemaPointer;
    if (pointer) items.set(resource.name, compact({ $ref: pointerToFragment(pointer) }));
  }
  // Component schemas reached through refs, and the refs inside them, until none is left.
  for (let pointer = pending.shift(); pointer !== undefined; pointer = pending.shift()) {
    defs.set(pointer, compact(model.at(pointer)));
  }
  return { rules, defs, items };
}

function compilesAsUnicode(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}
