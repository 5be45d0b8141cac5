/** Walks the normalized document's operations, resolving local `$ref`s: what the client target derives from. */

type Schema = Record<string, unknown>;

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationEntry {
  path: string;
  method: HttpMethod;
  operation: Schema;
  parameters: Schema[];
}

export function isObject(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows `#/…` refs (a few hops at most; cycles and dangling refs give undefined). */
export function resolve(document: Schema, node: unknown, hops = 0): Schema | undefined {
  if (!isObject(node)) return undefined;
  if (typeof node.$ref !== "string") return node;
  if (hops > 16 || !node.$ref.startsWith("#/")) return undefined;
  let target: unknown = document;
  for (const raw of node.$ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    target = isObject(target) ? target[key] : undefined;
  }
  return resolve(document, target, hops + 1);
}

/** The properties of an object schema, including those contributed by `allOf` members. */
export function propertiesOf(document: Schema, schema: unknown): Schema {
  const resolved = resolve(document, schema);
  if (!resolved) return {};
  const own = isObject(resolved.properties) ? resolved.properties : {};
  const inherited = Array.isArray(resolved.allOf)
    ? Object.assign({}, ...resolved.allOf.map((member) => propertiesOf(document, member)))
    : {};
  return { ...inherited, ...own };
}

export function jsonSchemaOf(document: Schema, holder: unknown): unknown {
  const resolved = resolve(document, holder);
  if (!resolved || !isObject(resolved.content)) return undefined;
  const json = Object.entries(resolved.content).find(([type]) => /^application\/(.+\+)?json/i.test(type));
  return json && isObject(json[1]) ? json[1].schema : undefined;
}

export function* operationsOf(document: Schema): Generator<OperationEntry> {
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      const parameters = [...shared, ...own]
        .map((parameter) => resolve(document, parameter))
        .filter((parameter): parameter is Schema => parameter !== undefined);
      yield { path, method, operation, parameters };
    }
  }
}

export function successResponses(document: Schema, operation: Schema): Schema[] {
  const responses = isObject(operation.responses) ? operation.responses : {};
  return Object.entries(responses)
    .filter(([status]) => /^2(\d\d|XX)$/i.test(status))
    .map(([, response]) => resolve(document, response))
    .filter((response): response is Schema => response !== undefined);
}
