import { escapePointerSegment } from "./schema-check.ts";

type Schema = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** How the success response is sent: JSON, text (e.g. CSV downloads) or no body at all (204, empty schema). */
export type BodyKind = "json" | "text" | "none";

export interface MockOperation {
  operationId: string;
  method: string;
  /** OpenAPI path, e.g. `/api/v2/leads/{id}`. */
  path: string;
  status: number;
  body: BodyKind;
  contentType?: string;
  /** JSON pointer of the success response schema (absent for bodiless responses). */
  schemaPointer?: string;
  /** Documented error statuses with a JSON body, and their schema pointers. */
  errors: { status: number; schemaPointer: string }[];
  /** Whether a JSON request body is documented. */
  requestBody: boolean;
  /** Top-level required properties of that body (a missing one → 400). */
  requiredBody: string[];
}

/** A CRUD resource derived from paths: `/x` (POST create + GET list, or POST `/x/list`) and `/x/{id}`. */
export interface MockResource {
  /** Path segment(s) after /api/v2, e.g. `lead-labels`. */
  name: string;
  collectionPath: string;
  idParam: string;
  /** Item property holding the id (`id`, or `email` for accounts). */
  idProperty: string;
  create: string;
  list: string;
  listIn: "query" | "body";
  get?: string;
  update?: string;
  remove?: string;
  /** Operation whose success body is one item (get, else create): the template for new items. */
  itemOperation: string;
  /** The item schema's property names: request-body keys outside these are not stored. */
  itemProperties: string[];
}

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function jsonSchemaOf(response: Schema | undefined): { contentType: string; schema: unknown } | undefined {
  const content = isSchema(response?.content) ? response.content : undefined;
  if (!content) return undefined;
  const contentType = Object.keys(content).find((type) => type.includes("json")) ?? Object.keys(content)[0];
  if (!contentType) return undefined;
  const media = content[contentType];
  return { contentType, schema: isSchema(media) ? media.schema : undefined };
}

function resolve(document: Schema, schema: unknown): Schema | undefined {
  let node = schema;
  for (let hops = 0; isSchema(node) && typeof node.$ref === "string" && hops < 10; hops++) {
    let target: unknown = document;
    for (const segment of node.$ref.slice(2).split("/")) {
      target = isSchema(target) ? target[segment.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined;
    }
    node = target;
  }
  return isSchema(node) ? node : undefined;
}

export function collectOperations(document: Schema): MockOperation[] {
  const operations: MockOperation[] = [];
  const paths = isSchema(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isSchema(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isSchema(operation) || typeof operation.operationId !== "string") continue;
      const responses = isSchema(operation.responses) ? operation.responses : {};
      const base = `/paths/${escapePointerSegment(path)}/${method}/responses`;
      const statuses = Object.keys(responses)
        .filter((code) => /^\d{3}$/.test(code))
        .map(Number)
        .sort((a, b) => a - b);
      const status = statuses.find((code) => code >= 200 && code < 300) ?? 200;
      const success = jsonSchemaOf(responses[String(status)] as Schema | undefined);
      const schema = success?.schema;
      // 204/205 never carry a body; an empty schema (`{}`) documents none either.
      const bodiless =
        status === 204 || status === 205 || !success || !isSchema(schema) || Object.keys(schema).length === 0;
      const body: BodyKind = bodiless ? "none" : success.contentType.includes("json") ? "json" : "text";
      const errors = statuses
        .filter((code) => code >= 400)
        .flatMap((code) => {
          const error = jsonSchemaOf(responses[String(code)] as Schema | undefined);
          if (!error?.contentType.includes("json") || !isSchema(error.schema)) return [];
          return [
            {
              status: code,
              schemaPointer: `${base}/${code}/content/${escapePointerSegment(error.contentType)}/schema`,
            },
          ];
        });
      const requestBody = resolve(document, operation.requestBody);
      const requestSchema = resolve(document, jsonSchemaOf(requestBody)?.schema);
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        status,
        body,
        ...(body === "none" ? {} : { contentType: success?.contentType }),
        ...(body === "none"
          ? {}
          : {
              schemaPointer: `${base}/${status}/content/${escapePointerSegment(success?.contentType ?? "")}/schema`,
            }),
        errors,
        requestBody: requestSchema !== undefined,
        requiredBody: Array.isArray(requestSchema?.required) ? (requestSchema.required as string[]) : [],
      });
    }
  }
  return operations.sort((a, b) => a.operationId.localeCompare(b.operationId));
}

function listShape(document: Schema, operation: MockOperation): boolean {
  if (!operation.schemaPointer) return false;
  const schema = resolve(document, resolvePointer(document, operation.schemaPointer));
  const properties = isSchema(schema?.properties) ? schema.properties : {};
  return "items" in properties;
}

function resolvePointer(document: Schema, pointer: string): unknown {
  let node: unknown = document;
  for (const raw of pointer.split("/").slice(1)) {
    node = isSchema(node) ? node[raw.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined;
  }
  return node;
}

/**
 * CRUD resources for the stateful mock: a collection path without parameters that creates (POST) and lists
 * (GET, or POST `<collection>/list` as for leads), plus `<collection>/{param}` with at least one of GET/PATCH/DELETE.
 */
export function collectResources(document: Schema, operations: MockOperation[]): MockResource[] {
  const byRoute = new Map(
    operations.map((operation) => [`${operation.method} ${operation.path}`, operation]),
  );
  const resources: MockResource[] = [];
  for (const operation of operations) {
    const match = /^(\/[^{}]*)\/\{([^}]+)\}$/.exec(operation.path);
    if (!match || !["GET", "PATCH", "DELETE"].includes(operation.method)) continue;
    const [, collectionPath = "", idParam = ""] = match;
    if (resources.some((resource) => resource.collectionPath === collectionPath)) continue;
    const create = byRoute.get(`POST ${collectionPath}`);
    const getList = byRoute.get(`GET ${collectionPath}`);
    const postList = byRoute.get(`POST ${collectionPath}/list`);
    const list =
      getList && listShape(document, getList)
        ? getList
        : postList && listShape(document, postList)
          ? postList
          : undefined;
    if (create?.body !== "json" || !list) continue;
    const item = (method: string) => byRoute.get(`${method} ${collectionPath}/{${idParam}}`);
    const get = item("GET");
    const itemOperation = get?.body === "json" ? get : create;
    const itemSchema = resolve(document, resolvePointer(document, itemOperation.schemaPointer ?? ""));
    const itemProperties = Object.keys(isSchema(itemSchema?.properties) ? itemSchema.properties : {});
    if (!itemProperties.includes("id") && !itemProperties.includes(idParam)) continue;
    resources.push({
      name: collectionPath.replace(/^\/api\/v2\//, ""),
      collectionPath,
      idParam,
      idProperty: itemProperties.includes(idParam) ? idParam : "id",
      create: create.operationId,
      list: list.operationId,
      listIn: list.method === "GET" ? "query" : "body",
      ...(get ? { get: get.operationId } : {}),
      ...(item("PATCH") ? { update: item("PATCH")?.operationId } : {}),
      ...(item("DELETE") ? { remove: item("DELETE")?.operationId } : {}),
      itemOperation: itemOperation.operationId,
      itemProperties,
    });
  }
  return resources.sort((a, b) => a.name.localeCompare(b.name));
}
