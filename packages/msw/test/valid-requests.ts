// Requests that are valid against the spec, for tests that need a handler to answer (request validation is on by
// default): bodies from the generator's mock-data builder (checked with Ajv there), path parameters from the
// spec's examples. Whether they are valid is checked against the spec itself, by Ajv, in validation.test.ts.
import { buildModel } from "../../codegen/src/model/index.ts";
import { MockDataBuilder } from "../../codegen/src/targets/msw/mock-data.ts";
import { SchemaChecker } from "../../codegen/src/targets/msw/schema-check.ts";
import { type SpecOperation, spec } from "./spec.js";

type Schema = Record<string, unknown>;

export const model = buildModel(spec);
const builder = new MockDataBuilder(model, new SchemaChecker(model));

const escapeSegment = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/** The schema a `$ref` chain ends at, read from the spec. */
export function resolve(node: unknown): Schema | undefined {
  let current = node as Schema | undefined;
  for (let hops = 0; typeof current?.$ref === "string" && hops < 32; hops++) {
    current = (current.$ref as string)
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (at, raw) =>
          (at as Schema | undefined)?.[decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~")],
        spec,
      ) as Schema | undefined;
  }
  return current;
}

/** JSON pointer of the operation's JSON request body schema, if it has one. */
export function bodyPointer(operation: SpecOperation): string | undefined {
  const content = (operation.operation.requestBody as { content?: Record<string, unknown> } | undefined)
    ?.content;
  if (!content?.["application/json"]) return undefined;
  return `/paths/${escapeSegment(operation.path)}/${operation.method.toLowerCase()}/requestBody/content/application~1json/schema`;
}

const bodies = new Map<string, { value: unknown; valid: boolean }>();

/** A valid JSON body for the operation (undefined when it takes none). */
export function validBody(operation: SpecOperation): { value: unknown; valid: boolean } | undefined {
  const pointer = bodyPointer(operation);
  if (pointer === undefined) return undefined;
  let built = bodies.get(pointer);
  if (!built) {
    built = builder.build(pointer);
    bodies.set(pointer, built);
  }
  return { value: structuredClone(built.value), valid: built.valid };
}

/**
 * The operation's URL with each path parameter and each required query parameter set to its example (a plain id
 * when there is none).
 */
export function validUrl(operation: SpecOperation, base = "https://api.instantly.ai"): string {
  const params = (operation.operation.parameters ?? []) as Schema[];
  const exampleOf = (parameter: Schema | undefined) => {
    const schema = resolve(parameter?.schema) ?? {};
    const example = schema.example ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
    return String(example ?? "0198f6d3-0000-4000-8000-000000000000");
  };
  const url = new URL(
    base +
      operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
        encodeURIComponent(
          exampleOf(params.find((parameter) => parameter.in === "path" && parameter.name === name)),
        ),
      ),
  );
  for (const parameter of params) {
    if (parameter.in === "query" && parameter.required === true) {
      url.searchParams.set(String(parameter.name), exampleOf(parameter));
    }
  }
  return url.href;
}

/**
 * A request the operation's validation accepts; `valid` is false for the few operations whose body the mock-data
 * builder cannot make valid (required properties it does not find in the schema's own properties).
 */
export function validRequest(operation: SpecOperation, base?: string): { request: Request; valid: boolean } {
  const body = validBody(operation);
  const request = new Request(validUrl(operation, base), {
    method: operation.method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body.value), headers: { "content-type": "application/json" } }),
  });
  return { request, valid: body?.valid ?? true };
}
