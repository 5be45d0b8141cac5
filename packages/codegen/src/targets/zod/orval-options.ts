import type { Options } from "orval";
import { identifier } from "../../emit/index.ts";
import { CliError } from "../../errors.ts";
import { isObject } from "../../model/index.ts";
import { inertPath } from "../react-query/orval-options.ts";
import { COMPONENT_SUFFIX, type OperationSchemaNames } from "./names.ts";

/**
 * The orval 8 configuration for the zod schemas (ADR 0031). What orval can express is said in its options:
 *
 * - `client: "zod"`, zod 4 (`version: 4`, classic API), one file (`mode: "single"`) that the transforms read;
 * - `generateReusableSchemas`: one schema per component (`CampaignSchema`, named by
 *   `override.components.schemas.suffix`), referenced by every operation schema instead of inlined — a body or
 *   response that is a `Campaign` is validated by the one `CampaignSchema`;
 * - `generateEachHttpStatus`: a schema per documented status (the operation table validates error bodies too);
 * - `strict: false` everywhere: the API adds fields before the spec says so, and a contract check must report a
 *   missing or mistyped field, not a new one;
 * - `coerce`: none — the schemas validate the values the client sends and receives, typed already;
 * - `dateTimeOptions: { offset: true }`: `date-time` accepts `+00:00` as well as `Z`, as RFC 3339 does.
 */
export function orvalZodOptions(input: {
  document: Record<string, unknown>;
  names: ReadonlyMap<string, OperationSchemaNames>;
  workDir: string;
}): Options {
  return {
    input: {
      target: input.document as never,
      unsafeDisableValidation: true,
      override: { transformer: ((document: Record<string, unknown>) => zodInput(document)) as never },
    },
    output: {
      target: `${input.workDir}/schemas.ts`,
      client: "zod",
      mode: "single",
      clean: false,
      prettier: false,
      override: {
        header: false,
        components: { schemas: { suffix: COMPONENT_SUFFIX } },
        // orval names every export `<operationName><Suffix>`: it gets the model's PascalCase name, which the
        // transforms (postprocess.ts) rename to the camelCase stem of names.ts.
        operationName: (operation: { operationId?: string }) => {
          const names = input.names.get(operation.operationId ?? "");
          if (!names)
            throw new CliError(
              `zod: orval asks for the name of an operation the model does not have: ${JSON.stringify(operation.operationId)}`,
            );
          return names.orvalName;
        },
        zod: {
          version: 4,
          variant: "classic",
          generateReusableSchemas: true,
          generateEachHttpStatus: true,
          strict: { param: false, query: false, header: false, body: false, response: false },
          generate: { param: true, query: true, header: false, body: true, response: true },
          coerce: { param: false, query: false, header: false, body: false, response: false },
          dateTimeOptions: { offset: true },
        },
      },
    },
  } as Options;
}

/** Keys of a schema object that hold schemas (recursed into when prose is removed). */
const SCHEMA_KEYS = [
  "items",
  "additionalProperties",
  "not",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
];
const SCHEMA_LIST_KEYS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_MAP_KEYS = ["properties", "patternProperties", "$defs", "dependentSchemas"];

/**
 * A copy of `schema` without `description`, `title` and `x-` extensions anywhere a schema sits (property names are
 * kept).
 */
function withoutProse(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutProse);
  if (!isObject(schema)) return schema;
  const rest: Record<string, unknown> = {};
  // Extensions too: orval writes `x-enumDescriptions` into JSDoc and `x-enumNames` into object keys.
  for (const [key, value] of Object.entries(schema))
    if (key !== "description" && key !== "title" && !key.startsWith("x-")) rest[key] = value;
  // `enum: [true]`: orval writes `zod.boolean()`, openapi-typescript `true` — a `const` is orval's `zod.literal(true)`.
  if (Array.isArray(rest.enum) && rest.enum.length === 1 && typeof rest.enum[0] === "boolean") {
    rest.const = rest.enum[0];
    delete rest.enum;
  }
  for (const key of SCHEMA_KEYS) if (key in rest) rest[key] = withoutProse(rest[key]);
  for (const key of SCHEMA_LIST_KEYS) {
    const list = rest[key];
    if (Array.isArray(list)) rest[key] = list.map(withoutProse);
  }
  for (const key of SCHEMA_MAP_KEYS) {
    const map = rest[key];
    if (isObject(map))
      rest[key] = Object.fromEntries(Object.entries(map).map(([name, value]) => [name, withoutProse(value)]));
  }
  return withOpenProperties(closedEmptyObject(rest));
}

/**
 * An object schema that says nothing of its keys: openapi-typescript types it `Record<string, never>`, orval writes
 * `zod.looseObject({})` (`{ [k: string]: unknown }`). With `additionalProperties: false` orval writes
 * `zod.object({})`, whose `z.infer` is `Record<string, never>` too — and which still accepts any object.
 */
function closedEmptyObject(schema: Record<string, unknown>): Record<string, unknown> {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const composed = ["allOf", "anyOf", "oneOf", "$ref", "enum", "const", "not"].some((key) => key in schema);
  const hasProperties = isObject(schema.properties) && Object.keys(schema.properties).length > 0;
  if (!types.includes("object") || composed || hasProperties || schema.additionalProperties !== undefined)
    return schema;
  return { ...schema, additionalProperties: false };
}

/** A request body's inline schema without `default`s (openapi-typescript keeps such fields optional there). */
function withoutDefaults(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDefaults);
  if (!isObject(schema) || "$ref" in schema) return schema;
  const { default: _default, ...rest } = schema;
  for (const key of SCHEMA_KEYS) if (key in rest) rest[key] = withoutDefaults(rest[key]);
  for (const key of SCHEMA_LIST_KEYS) {
    const list = rest[key];
    if (Array.isArray(list)) rest[key] = list.map(withoutDefaults);
  }
  for (const key of SCHEMA_MAP_KEYS) {
    const map = rest[key];
    if (isObject(map))
      rest[key] = Object.fromEntries(
        Object.entries(map).map(([name, value]) => [name, withoutDefaults(value)]),
      );
  }
  return rest;
}

/**
 * `properties` next to `additionalProperties` (`true` or a schema): orval writes a plain `zod.object` (which
 * drops the other keys), openapi-typescript `{ …known } & { [key: string]: T }`. As an `allOf` of the known
 * properties and a map, orval writes `zod.object({…}).and(zod.record(zod.string(), T))`: the same type, and every
 * key kept.
 */
function withOpenProperties(schema: Record<string, unknown>): Record<string, unknown> {
  const { properties, required, additionalProperties, ...rest } = schema;
  if (!isObject(properties) || additionalProperties === undefined || additionalProperties === false)
    return schema;
  const known = { type: "object", properties, ...(required === undefined ? {} : { required }) };
  const map = { type: "object", additionalProperties };
  return { ...rest, allOf: [...(Array.isArray(rest.allOf) ? rest.allOf : []), known, map] };
}

function parameterWithoutProse(parameter: unknown): unknown {
  if (!isObject(parameter) || "$ref" in parameter) return parameter;
  const { description: _d, ...rest } = parameter;
  if (!isObject(rest.schema)) return rest;
  // A parameter's `default` is the server's business: orval's `.default()` would make the parameter required in
  // `z.infer` (the types package keeps it optional) and fill it in on parse.
  const { default: _default, ...schema } = rest.schema;
  return { ...rest, schema: withoutProse(schema) };
}

function contentWithoutProse(holder: unknown, request = false): unknown {
  if (!isObject(holder) || "$ref" in holder) return holder;
  const { description: _d, ...rest } = holder;
  if (!isObject(rest.content)) return rest;
  return {
    ...rest,
    content: Object.fromEntries(
      Object.entries(rest.content).map(([type, media]) => [
        type,
        isObject(media)
          ? { ...media, schema: withoutProse(request ? withoutDefaults(media.schema) : media.schema) }
          : media,
      ]),
    ),
  };
}

/**
 * The document orval sees. Spec prose never reaches the schemas: orval would copy descriptions into
 * `.describe('…')` string literals and summaries into JSDoc — spec text in generated code that only emit/ may
 * escape (ADR 0020) — and the types package documents every field already. Paths are made inert as for the
 * hooks; operationIds must be identifiers.
 */
export function zodInput(document: Record<string, unknown>): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, unknown>)) {
    if (!isObject(item)) continue;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) {
      if (key === "summary" || key === "description") continue;
      if (key === "parameters" && Array.isArray(value)) {
        copy[key] = value.map(parameterWithoutProse);
        continue;
      }
      if (!isObject(value) || !("responses" in value)) {
        copy[key] = value;
        continue;
      }
      const { summary: _s, description: _d, deprecated: _x, ...operation } = value;
      if (typeof operation.operationId === "string") {
        try {
          identifier(operation.operationId);
        } catch (error) {
          throw new CliError(
            `zod: operationId of ${key.toUpperCase()} ${JSON.stringify(path)}: ${(error as Error).message}`,
          );
        }
      }
      if (Array.isArray(operation.parameters))
        operation.parameters = operation.parameters.map(parameterWithoutProse);
      if (operation.requestBody) operation.requestBody = contentWithoutProse(operation.requestBody, true);
      if (isObject(operation.responses))
        operation.responses = Object.fromEntries(
          Object.entries(operation.responses).map(([status, response]) => [
            status,
            contentWithoutProse(response),
          ]),
        );
      copy[key] = operation;
    }
    paths[inertPath(path)] = copy;
  }
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return {
    ...document,
    paths,
    components: {
      ...components,
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([name, schema]) => [name, withoutProse(schema)]),
      ),
    },
  };
}
