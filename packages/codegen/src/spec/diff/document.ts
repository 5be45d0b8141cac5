import { isObject, type JsonObject } from "./types.ts";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface IndexedOperation {
  /** `GET /api/v2/leads`: operations are matched across versions by method + path. */
  key: string;
  method: string;
  path: string;
  operationId: string;
  operation: JsonObject;
  /** Path-item parameters merged with the operation's own (the operation's win, as in OpenAPI). */
  parameters: JsonObject[];
}

/**
 * One side of a diff: operations by method + path, component schemas by name, and $ref resolution.
 * Component schemas are identified by their normalized name; a raw `def-N` key (an un-normalized document)
 * falls back to the schema's title, because the `def-N` numbering shifts between versions.
 */
export class IndexedDocument {
  readonly operations = new Map<string, IndexedOperation>();
  /** schema identity → schema */
  readonly schemas = new Map<string, JsonObject>();
  /** `#/components/schemas/<key>` → schema identity */
  private readonly identityByRef = new Map<string, string>();
  readonly root: JsonObject;

  constructor(document: unknown) {
    this.root = isObject(document) ? document : {};
    const components = isObject(this.root.components) ? this.root.components : {};
    const schemas = isObject(components.schemas) ? components.schemas : {};
    for (const [key, schema] of Object.entries(schemas)) {
      if (!isObject(schema)) continue;
      const identity = schemaIdentity(key, schema);
      this.schemas.set(identity, schema);
      this.identityByRef.set(`#/components/schemas/${escapePointer(key)}`, identity);
    }
    const paths = isObject(this.root.paths) ? this.root.paths : {};
    for (const [path, rawItem] of Object.entries(paths)) {
      const item = isObject(rawItem) ? (this.resolve(rawItem) ?? rawItem) : {};
      const shared = parameterList(this, item.parameters);
      for (const method of METHODS) {
        const operation = item[method];
        if (!isObject(operation)) continue;
        const own = parameterList(this, operation.parameters);
        const ownKeys = new Set(own.map(parameterKey));
        const key = `${method.toUpperCase()} ${path}`;
        this.operations.set(key, {
          key,
          method: method.toUpperCase(),
          path,
          operationId: typeof operation.operationId === "string" ? operation.operationId : key,
          operation,
          parameters: [...shared.filter((p) => !ownKeys.has(parameterKey(p))), ...own],
        });
      }
    }
  }

  /** The identity of the component schema a `$ref` points at, or undefined for other refs. */
  componentOf(ref: string): string | undefined {
    return this.identityByRef.get(ref);
  }

  /** Follow `$ref`s (any local JSON pointer) until a non-ref object; undefined when dangling or cyclic. */
  resolve(node: JsonObject): JsonObject | undefined {
    let current: JsonObject = node;
    for (let hops = 0; hops < 32; hops++) {
      const ref = current.$ref;
      if (typeof ref !== "string") return current;
      const target = this.pointer(ref);
      if (!isObject(target)) return undefined;
      current = target;
    }
    return undefined;
  }

  pointer(ref: string): unknown {
    if (!ref.startsWith("#")) return undefined;
    let node: unknown = this.root;
    for (const raw of ref.slice(1).split("/").slice(1)) {
      const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
      if (!isObject(node) && !Array.isArray(node)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
    return node;
  }
}

function schemaIdentity(key: string, schema: JsonObject): string {
  if (/^def-\d+$/.test(key) && typeof schema.title === "string") return pascalCase(schema.title);
  return key;
}

/** Same shape as normalized names (`Inbox Placement Blacklist & SpamAssassin Report` → `InboxPlacementBlacklistAndSpamAssassinReport`). */
export function pascalCase(title: string): string {
  return title
    .replaceAll("&", " And ")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join("");
}

function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

function parameterList(doc: IndexedDocument, value: unknown): JsonObject[] {
  if (!Array.isArray(value)) return [];
  const list: JsonObject[] = [];
  for (const entry of value) {
    const parameter = isObject(entry) ? doc.resolve(entry) : undefined;
    if (parameter) list.push(parameter);
  }
  return list;
}

export function parameterKey(parameter: JsonObject): string {
  return `${String(parameter.in)}:${String(parameter.name)}`;
}
