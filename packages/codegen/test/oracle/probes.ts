// The probes of the compiler oracle: what a strict consumer of the OLD @instantly-kit/types does, written as one
// line of TypeScript each, against a namespace `O` (old types) and `N` (new types). The same lines are compiled
// twice — once with N = the old types ("before"), once with N = the new types ("after") — and a probe that
// compiled before and fails after is a breaking change. See probe-lib.ts for the reader/caller model.

export interface Probe {
  /** Human-readable: `POST /api/v2/leads: request body application/json (excess keys)`. */
  label: string;
  /** One line of TypeScript declaring the identifier it is given. */
  code: (id: string) => string;
}

type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const LOCATIONS = ["query", "path", "header", "cookie"] as const;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const lit = (text: string) => JSON.stringify(text);
/** Status keys as openapi-typescript declares them: `200` is a numeric key (so `keyof` holds `200`, not `"200"`). */
const statusKey = (status: string) => (/^[1-9]\d*$/.test(status) ? status : lit(status));

/**
 * Every probe for a consumer of `oldDocument`'s types, plus one import per export name of the old package
 * (`exports`, read from the old generated package by the compiler) from `newModule`. The probes name the
 * old types `O.…` and the new ones `N.…`.
 */
export function probesFor(
  oldDocument: Json,
  newDocument: Json,
  exports: readonly string[],
  newModule: string,
): Probe[] {
  const probes: Probe[] = [];
  const paths = isObject(oldDocument.paths) ? oldDocument.paths : {};
  const unchanged = new Unchanged(oldDocument, newDocument);
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      operationProbes(probes, oldDocument, path, method, operation, unchanged);
    }
  }
  const schemas = isObject(oldDocument.components) && isObject(oldDocument.components.schemas);
  const reached = reachedFromOperations(oldDocument);
  for (const name of schemas ? Object.keys((oldDocument.components as Json).schemas as Json) : []) {
    const at = (ns: string) => `${ns}.components["schemas"][${lit(name)}]`;
    probes.push({ label: `schema ${name} exists`, code: (id) => `export type ${id} = ${at("N")};` });
    // A schema no operation reaches is exported and read as it is (README: compared as a response).
    if (!reached.has(name) && !unchanged.schema(name)) {
      responseProbes(probes, `schema ${name}`, at("O"), at("N"));
    }
  }
  for (const name of exports) {
    probes.push({
      label: `export ${name}`,
      code: (id) => `import type { ${name} as ${id} } from ${lit(newModule)};`,
    });
  }
  return probes;
}

function operationProbes(
  probes: Probe[],
  doc: Json,
  path: string,
  method: string,
  operation: Json,
  unchanged: Unchanged,
): void {
  const where = `${method.toUpperCase()} ${path}`;
  const op = (ns: string) => `${ns}.paths[${lit(path)}][${lit(method)}]`;
  const operationId = operation.operationId;
  if (typeof operationId === "string") {
    probes.push({
      label: `${where}: operations[${operationId}]`,
      code: (id) => `export type ${id} = N.operations[${lit(operationId)}];`,
    });
  }
  for (const location of unchanged.part(path, method, "parameters") ? [] : LOCATIONS) {
    const params = (ns: string) => `${op(ns)}["parameters"][${lit(location)}]`;
    probes.push(
      {
        label: `${where}: ${location} parameters`,
        code: (id) => `export const ${id}: ${params("N")} = null as unknown as ${params("O")};`,
      },
      {
        label: `${where}: ${location} parameters (excess keys)`,
        code: (id) =>
          `export const ${id}: never = null as unknown as Excess<${params("O")}, ${params("N")}>;`,
      },
    );
  }
  const rb = (ns: string) => `${op(ns)}["requestBody"]`;
  const sameBody = unchanged.part(path, method, "requestBody");
  // Callers that sent no body (optional, or none at all) must still be allowed to send none.
  if (!sameBody)
    probes.push({
      label: `${where}: request body omitted`,
      code: (id) => `export const ${id}: ${rb("N")} = null as unknown as Omittable<${rb("O")}>;`,
    });
  const body = resolve(doc, operation.requestBody);
  if (body && !sameBody) {
    for (const mediaType of Object.keys(isObject(body.content) ? body.content : {})) {
      const content = (ns: string) => `NonNullable<${rb(ns)}>["content"][${lit(mediaType)}]`;
      probes.push(
        {
          label: `${where}: request body ${mediaType}`,
          code: (id) => `export const ${id}: ${content("N")} = null as unknown as ${content("O")};`,
        },
        {
          label: `${where}: request body ${mediaType} (excess keys)`,
          code: (id) =>
            `export const ${id}: never = null as unknown as Excess<${content("O")}, ${content("N")}>;`,
        },
      );
    }
  }
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const [status, raw] of Object.entries(responses)) {
    const response = resolve(doc, raw);
    if (!response || !isObject(response.content)) continue;
    if (unchanged.part(path, method, "responses", status)) continue;
    for (const mediaType of Object.keys(response.content)) {
      const oldBody = `${op("O")}["responses"][${statusKey(status)}]["content"][${lit(mediaType)}]`;
      // A 2xx (or default) body must still exist; an error body that disappears is not probed (README: minor).
      const newBody = status.startsWith("2")
        ? `${op("N")}["responses"][${statusKey(status)}]["content"][${lit(mediaType)}]`
        : `ContentOr<${op("N")}["responses"], ${statusKey(status)}, ${lit(mediaType)}, ${oldBody}>`;
      responseProbes(probes, `${where}: response ${status} ${mediaType}`, oldBody, newBody);
    }
  }
}

function responseProbes(probes: Probe[], label: string, oldType: string, newType: string): void {
  probes.push(
    {
      label: `${label} (read)`,
      code: (id) => `export const ${id}: never = null as unknown as Read<${newType}, ${oldType}>;`,
    },
    {
      label: `${label} (compare)`,
      code: (id) => `export const ${id}: never = null as unknown as Cmp<${oldType}, ${newType}>;`,
    },
  );
}

function resolve(doc: Json, node: unknown): Json | undefined {
  let current = node;
  for (let hops = 0; hops < 16 && isObject(current) && typeof current.$ref === "string"; hops++) {
    current = pointer(doc, current.$ref);
  }
  return isObject(current) ? current : undefined;
}

function pointer(doc: Json, ref: string): unknown {
  let node: unknown = doc;
  for (const raw of ref.replace(/^#\//, "").split("/")) {
    if (!isObject(node)) return undefined;
    node = node[raw.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return node;
}

/** Component schema names reachable from the operations (through any chain of `$ref`s). */
function reachedFromOperations(doc: Json): Set<string> {
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    if (!isObject(node)) return;
    if (typeof node.$ref === "string") {
      const match = /^#\/components\/schemas\/(.+)$/.exec(node.$ref);
      const name = match?.[1]?.replaceAll("~1", "/").replaceAll("~0", "~");
      if (name !== undefined && !reached.has(name)) {
        reached.add(name);
        visit(pointer(doc, node.$ref));
      } else if (name === undefined) visit(pointer(doc, node.$ref));
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(doc.paths);
  return reached;
}

/**
 * Speed only: an operation (or schema) whose JSON — and that of every component schema it reaches — is the
 * same in both documents generates the same types, so its probes cannot break and are not written. (The
 * types target maps a document to types deterministically; names are the component keys, compared here.)
 */
class Unchanged {
  private readonly oldDoc: Json;
  private readonly newDoc: Json;
  private readonly schemas = new Map<string, boolean>();

  constructor(oldDoc: Json, newDoc: Json) {
    this.oldDoc = oldDoc;
    this.newDoc = newDoc;
  }

  /** One part of an operation (`parameters` — with the path item's —, `requestBody`, `responses` + status). */
  part(
    path: string,
    method: string,
    key: "parameters" | "requestBody" | "responses",
    status?: string,
  ): boolean {
    const select = (doc: Json): unknown => {
      const item = isObject(doc.paths) ? doc.paths[path] : undefined;
      const operation = isObject(item) ? item[method] : undefined;
      if (!isObject(item) || !isObject(operation)) return undefined;
      if (key === "parameters") return { own: operation.parameters, shared: item.parameters };
      const value = operation[key];
      return status === undefined ? value : isObject(value) ? value[status] : undefined;
    };
    const oldPart = select(this.oldDoc);
    const newPart = select(this.newDoc);
    if (oldPart === undefined && newPart === undefined) return this.exists(path, method);
    return this.same(oldPart, newPart);
  }

  private exists(path: string, method: string): boolean {
    const item = isObject(this.newDoc.paths) ? this.newDoc.paths[path] : undefined;
    return isObject(item) && isObject(item[method]);
  }

  schema(name: string): boolean {
    const ref = { $ref: `#/components/schemas/${name.replaceAll("~", "~0").replaceAll("/", "~1")}` };
    return this.same(ref, ref);
  }

  /** Equal JSON, and every `$ref` in it points at something equal in both documents (transitively). */
  private same(oldNode: unknown, newNode: unknown): boolean {
    if (JSON.stringify(oldNode) !== JSON.stringify(newNode)) return false;
    const pending = [...refsIn(oldNode)];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const ref = pending.pop() as string;
      if (seen.has(ref)) continue;
      seen.add(ref);
      const known = this.schemas.get(ref);
      if (known === false) return false;
      const oldTarget = pointer(this.oldDoc, ref);
      if (JSON.stringify(oldTarget) !== JSON.stringify(pointer(this.newDoc, ref))) {
        this.schemas.set(ref, false);
        return false;
      }
      pending.push(...refsIn(oldTarget));
    }
    return true;
  }
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, out);
  else if (isObject(node)) {
    if (typeof node.$ref === "string") out.push(node.$ref);
    for (const value of Object.values(node)) refsIn(value, out);
  }
  return out;
}
