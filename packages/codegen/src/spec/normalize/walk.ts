// A schema-aware walk over an OpenAPI 3.x document. Rules only touch *schemas*: a generic walk would
// also reach example payloads (e.g. an example attachment whose data has `"type": "text/css"`),
// property maps (a property may be called `enum` or `nullable`) and vendor extensions.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** RFC 6901 escaping of one reference token. */
export function escapePointer(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointer(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

export type SchemaVisitor = (schema: JsonObject, pointer: string) => void;

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Sub-schema keywords whose value is one schema. */
const SINGLE = [
  "additionalProperties",
  "unevaluatedProperties",
  "propertyNames",
  "contains",
  "additionalItems",
  "unevaluatedItems",
  "not",
  "if",
  "then",
  "else",
];
/** Sub-schema keywords whose value is a list of schemas. */
const LIST = ["allOf", "anyOf", "oneOf", "prefixItems"];
/** Sub-schema keywords whose value maps names to schemas. */
const MAP = ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"];

/**
 * Calls `visit` for every schema object, parents before children (so a visitor may rewrite a
 * schema's own keywords and the walk then descends into the rewritten children).
 */
export function forEachSchema(document: JsonObject, visit: SchemaVisitor): void {
  const schema = (node: Json | undefined, pointer: string): void => {
    if (!isObject(node)) return;
    visit(node, pointer);
    for (const key of SINGLE) schema(node[key], `${pointer}/${key}`);
    const items = node.items;
    if (Array.isArray(items)) {
      for (const [i, item] of items.entries()) schema(item, `${pointer}/items/${i}`);
    } else schema(items, `${pointer}/items`);
    for (const key of LIST) {
      const list = node[key];
      if (Array.isArray(list)) for (const [i, item] of list.entries()) schema(item, `${pointer}/${key}/${i}`);
    }
    for (const key of MAP) eachEntry(node[key], `${pointer}/${key}`, schema);
  };

  const content = (node: Json | undefined, pointer: string): void =>
    eachEntry(node, pointer, (media, at) => {
      if (!isObject(media)) return;
      schema(media.schema, `${at}/schema`);
      eachEntry(media.encoding, `${at}/encoding`, (encoding, encAt) => {
        if (isObject(encoding)) eachEntry(encoding.headers, `${encAt}/headers`, parameter);
      });
    });

  // Parameters and headers share the shape: a `schema` or a `content` map.
  const parameter = (node: Json | undefined, pointer: string): void => {
    if (!isObject(node)) return;
    schema(node.schema, `${pointer}/schema`);
    content(node.content, `${pointer}/content`);
  };

  const requestBody = (node: Json | undefined, pointer: string): void => {
    if (isObject(node)) content(node.content, `${pointer}/content`);
  };

  const response = (node: Json | undefined, pointer: string): void => {
    if (!isObject(node)) return;
    content(node.content, `${pointer}/content`);
    eachEntry(node.headers, `${pointer}/headers`, parameter);
  };

  const pathItem = (node: Json | undefined, pointer: string): void => {
    if (!isObject(node)) return;
    eachItem(node.parameters, `${pointer}/parameters`, parameter);
    for (const method of HTTP_METHODS) {
      const operation = node[method];
      if (!isObject(operation)) continue;
      const at = `${pointer}/${method}`;
      eachItem(operation.parameters, `${at}/parameters`, parameter);
      requestBody(operation.requestBody, `${at}/requestBody`);
      eachEntry(operation.responses, `${at}/responses`, response);
      eachEntry(operation.callbacks, `${at}/callbacks`, (callback, cbAt) =>
        eachEntry(callback, cbAt, pathItem),
      );
    }
  };

  const components = document.components;
  if (isObject(components)) {
    eachEntry(components.schemas, "#/components/schemas", schema);
    eachEntry(components.parameters, "#/components/parameters", parameter);
    eachEntry(components.headers, "#/components/headers", parameter);
    eachEntry(components.requestBodies, "#/components/requestBodies", requestBody);
    eachEntry(components.responses, "#/components/responses", response);
    eachEntry(components.pathItems, "#/components/pathItems", pathItem);
    eachEntry(components.callbacks, "#/components/callbacks", (callback, at) =>
      eachEntry(callback, at, pathItem),
    );
  }
  eachEntry(document.paths, "#/paths", pathItem);
  eachEntry(document.webhooks, "#/webhooks", pathItem);
}

function eachEntry(
  node: Json | undefined,
  pointer: string,
  fn: (value: Json, pointer: string) => void,
): void {
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) fn(value, `${pointer}/${escapePointer(key)}`);
}

function eachItem(node: Json | undefined, pointer: string, fn: (value: Json, pointer: string) => void): void {
  if (Array.isArray(node)) for (const [i, value] of node.entries()) fn(value, `${pointer}/${i}`);
}

/** Every operation object, with its path and method, in document order. */
export function forEachOperation(
  document: JsonObject,
  visit: (operation: JsonObject, path: string, method: string) => void,
): void {
  const paths = document.paths;
  if (!isObject(paths)) return;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) visit(operation, path, method);
    }
  }
}

/** The component schemas map (created if `create` and missing). */
export function componentSchemas(document: JsonObject, create = false): JsonObject | undefined {
  let components = document.components;
  if (!isObject(components)) {
    if (!create) return undefined;
    components = {};
    document.components = components;
  }
  let schemas = components.schemas;
  if (!isObject(schemas)) {
    if (!create) return undefined;
    schemas = {};
    components.schemas = schemas;
  }
  return schemas;
}

export const SCHEMA_REF_PREFIX = "#/components/schemas/";

/**
 * `object[key] = value`, also for the key `__proto__` (which JSON.parse creates as a plain property,
 * but plain assignment would turn into a prototype change and silently drop).
 */
export function setKey(object: JsonObject, key: string, value: Json): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}
