import {
  compareCodePoints,
  isObject,
  type MediaType,
  type Operation,
  type SpecModel,
  sortedBy,
} from "../../model/index.ts";
import { type RealisticKind, realisticKind } from "./mock-data.ts";

/** The prefix of every API path; a resource is named by what follows it (`/api/v2/lead-lists` → `lead-lists`). */
const API_PREFIX = "/api/v2/";

/** How the success response is sent: JSON, text (e.g. CSV downloads) or no body at all (204, empty schema). */
export type BodyKind = "json" | "text" | "none";

/** What the mocks need of one operation of the model. */
export interface MockOperation {
  operationId: string;
  /** The model's PascalCase name of the operation (unique): `get${name}MockHandler`, `get${name}ResponseMock`. */
  name: string;
  /** Upper-case HTTP method, as MSW and the runtime tables spell it. */
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
  /** Whether a request body schema is documented. */
  requestBody: boolean;
  /** Top-level required properties of that body (a missing one → 400). */
  requiredBody: string[];
  /**
   * The named examples (`content[…].examples`) of the success and error responses that have any: status →
   * name → the example's `value`, for `Prefer: example=<name>`. Examples without a `value` are skipped.
   */
  examples: Map<number, Map<string, unknown>>;
  /** The model's operation (docs, scopes, pagination). */
  source: Operation;
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
  /** Top-level string properties the mock API varies per seeded item (names, emails, dates…), and how. */
  realistic: Record<string, RealisticKind>;
  /** Top-level properties holding the id of another resource's item (a lead's `campaign` → `campaigns`). */
  references: Record<string, string>;
}

/** The model's operations as the mocks see them, by operationId (code-point order). */
export function mockOperations(model: SpecModel): MockOperation[] {
  const operations = model.operations.map((operation): MockOperation => {
    const { successBody } = operation;
    // The body's JSON media type, else its first one (a form or text body is still a body).
    const bodyMedia = operation.requestBody?.json ?? operation.requestBody?.media[0];
    const bodySchema = model.resolve(bodyMedia?.schema, bodyMedia?.schemaPointer)?.node;
    return {
      operationId: operation.id,
      name: operation.name,
      method: operation.method.toUpperCase(),
      path: operation.path,
      status: operation.successStatus,
      body: successBody.kind,
      ...(successBody.media
        ? { contentType: successBody.media.contentType, schemaPointer: successBody.media.schemaPointer }
        : {}),
      errors: operation.errorResponses.flatMap((response) =>
        response.code !== undefined && response.json
          ? [{ status: response.code, schemaPointer: response.json.schemaPointer }]
          : [],
      ),
      requestBody: bodySchema !== undefined,
      requiredBody: Array.isArray(bodySchema?.required) ? (bodySchema.required as string[]) : [],
      examples: namedExamples(model, [
        [operation.successStatus, successBody.media],
        ...operation.errorResponses.map((response) => [response.code, response.json] as const),
      ]),
      source: operation,
    };
  });
  return sortedBy(operations, (operation) => operation.operationId);
}

/** status → name → value of the named examples of these responses (only those with at least one). */
function namedExamples(
  model: SpecModel,
  responses: readonly (readonly [number | undefined, MediaType | undefined])[],
): Map<number, Map<string, unknown>> {
  const found = new Map<number, Map<string, unknown>>();
  for (const [status, media] of responses) {
    if (status === undefined || !media) continue;
    const named = new Map<string, unknown>();
    for (const [name, raw] of Object.entries(media.examples)) {
      const example = model.resolve(raw)?.node;
      if (isObject(example) && "value" in example) named.set(name, example.value);
    }
    if (named.size > 0) found.set(status, named);
  }
  return found;
}

/** The property names of the success body's (resolved) object schema. */
function successProperties(model: SpecModel, operation: MockOperation): string[] {
  if (!operation.schemaPointer) return [];
  return Object.keys(model.propertiesOf(model.at(operation.schemaPointer)));
}

/** The item's top-level string properties that hold realistic data, and their kind. */
function realisticProperties(model: SpecModel, operation: MockOperation): Record<string, RealisticKind> {
  if (!operation.schemaPointer) return {};
  const found: Record<string, RealisticKind> = {};
  for (const [name, raw] of Object.entries(model.propertiesOf(model.at(operation.schemaPointer)))) {
    const schema = model.resolve(raw)?.node;
    if (!isObject(schema)) continue;
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.includes("string")) continue;
    const kind = realisticKind(schema, name);
    if (kind) found[name] = kind;
  }
  return found;
}

/**
 * CRUD resources for the stateful mock: a collection path without parameters that creates (POST) and lists
 * (GET, or POST `<collection>/list` as for leads), plus `<collection>/{param}` with at least one of GET/PATCH/DELETE.
 */
export function mockResources(model: SpecModel, operations: MockOperation[]): MockResource[] {
  const byRoute = new Map(
    operations.map((operation) => [`${operation.method} ${operation.path}`, operation]),
  );
  const listShape = (operation: MockOperation | undefined) =>
    operation !== undefined && successProperties(model, operation).includes("items");
  const resources: MockResource[] = [];
  for (const operation of operations) {
    const match = /^(\/[^{}]*)\/\{([^}]+)\}$/.exec(operation.path);
    if (!match || !["GET", "PATCH", "DELETE"].includes(operation.method)) continue;
    const [, collectionPath = "", idParam = ""] = match;
    if (resources.some((resource) => resource.collectionPath === collectionPath)) continue;
    const create = byRoute.get(`POST ${collectionPath}`);
    const getList = byRoute.get(`GET ${collectionPath}`);
    const postList = byRoute.get(`POST ${collectionPath}/list`);
    const list = listShape(getList) ? getList : listShape(postList) ? postList : undefined;
    if (create?.body !== "json" || !list) continue;
    const item = (method: string) => byRoute.get(`${method} ${collectionPath}/{${idParam}}`);
    const get = item("GET");
    const itemOperation = get?.body === "json" ? get : create;
    const itemProperties = successProperties(model, itemOperation);
    if (!itemProperties.includes("id") && !itemProperties.includes(idParam)) continue;
    resources.push({
      name: collectionPath.startsWith(API_PREFIX) ? collectionPath.slice(API_PREFIX.length) : collectionPath,
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
      realistic: realisticProperties(model, itemOperation),
      references: {},
    });
  }
  const names = new Set(resources.map((resource) => resource.name));
  for (const resource of resources) resource.references = referencesOf(resource, names);
  return resources.sort((a, b) => compareCodePoints(a.name, b.name));
}

/**
 * References the `<name>_id` → `<name>s` rule does not find: a lead's `campaign` is a campaign's id, its
 * `list_id` a lead list's. The rest is derived (`campaign_id` → `campaigns`, `subsequence_id` → `subsequences`).
 */
const REFERENCE_NAMES: Readonly<Record<string, string>> = { campaign: "campaigns", list_id: "lead-lists" };

function referencesOf(resource: MockResource, names: ReadonlySet<string>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const property of resource.itemProperties) {
    if (property === resource.idProperty || property in resource.realistic) continue;
    const stem = property.endsWith("_id") ? property.slice(0, -3).replaceAll("_", "-") : undefined;
    const target =
      REFERENCE_NAMES[property] ??
      (stem === undefined ? undefined : [`${stem}s`, `${stem}es`].find((name) => names.has(name)));
    if (target !== undefined && names.has(target) && target !== resource.name) found[property] = target;
  }
  return found;
}
