import { jsonLiteral } from "../../emit/index.ts";
import type { SpecModel } from "../../model/index.ts";
import { GENERATED_BANNER } from "../target.ts";
import type { MockOperation, MockResource } from "./mock-operations.ts";

/**
 * How the stateful mock filters one parameter of a list operation, derived from the spec's parameter and the
 * list item's properties (see `listFilterOf`). The runtime (`@instantly-kit/msw` src/filters.ts) interprets it;
 * parameters it cannot derive are answered by the runtime's own rule table or ignored (`ignored`).
 */
export type ListFilter =
  /** The item's `property` equals the value; `many`: the value is a list (array, or comma-separated text). */
  | { param: string; kind: "equals"; property: string; many?: "array" | "comma" }
  /** The item's `property` differs from the value (`exclude_status`, `parent_campaign_not`). */
  | { param: string; kind: "not"; property: string; many?: "array" | "comma" }
  /** `true`: the item's `property` is set (not null/absent); `false`: it is not (`in_campaign` → `campaign`). */
  | { param: string; kind: "present"; property: string }
  /** The item's date `property` is at or after (`min`) / at or before (`max`) the value (`min_timestamp_created`). */
  | { param: string; kind: "min" | "max"; property: string }
  /** Case-insensitive substring match over `properties` (what the parameter's description names). */
  | { param: string; kind: "search"; properties: string[] };

export interface ListFilterSpec {
  /** Where the filter parameters are sent: query parameters (GET) or JSON body properties (POST `/list`). */
  in: "query" | "body";
  /** The list item's property names. */
  itemProperties: string[];
  filters: ListFilter[];
  /**
   * Documented parameters with no derived filter: the runtime's rule table may answer them; the rest are not
   * applied, and the runtime reports them when a request sends one (`onIgnoredFilter`).
   */
  ignored: string[];
}

/** Pagination and presentation parameters: never filters. */
const NOT_FILTERS = new Set([
  "limit",
  "starting_after",
  "skip",
  "sort_by",
  "sort_column",
  "sort_order",
  "include_tags",
  "preview_only",
  "distinct_contacts",
]);

/**
 * What a `search` parameter matches when its description names no item property ("Search by value", "The search
 * query to filter custom tags.") or names them loosely (emails: "the lead email address, or … thread:"): the
 * properties the API's web app searches, by list operationId. Descriptions that do name the properties ("can be
 * First Name, Last Name, or Email") need no entry. An entry wins over the description.
 */
const SEARCH_FIELDS: Readonly<Record<string, readonly string[]>> = {
  listAccount: ["email", "first_name", "last_name"],
  listAIAgent: ["name"],
  listBlockListEntry: ["bl_value"],
  listCustomTag: ["label", "description"],
  listEmail: ["lead", "subject", "from_address_email", "to_address_email_list"],
  listInboxPlacementTest: ["name"],
  listLeadLabel: ["label"],
  listLeadList: ["name"],
  listCampaignSubsequence: ["name"],
};

/** Parameters named unlike the property they filter (by `operationId.param`): `contacts` are lead emails. */
const PARAM_PROPERTIES: Readonly<Record<string, string>> = {
  "listLeads.contacts": "email",
  "listEmail.lead": "lead",
};

/** Whether a property name is written in a description: `first_name` as "first name", case-insensitive. */
function names(description: string, property: string): boolean {
  const words = property.replaceAll("_", " ").toLowerCase();
  return new RegExp(`(^|[^a-z])${words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z])`).test(
    description.toLowerCase(),
  );
}

function typeOf(schema: Record<string, unknown> | undefined): string[] {
  const type = schema?.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === "string" ? [type] : [];
}

/** A list value: an array parameter, or text documented as comma-separated. */
function manyOf(
  schema: Record<string, unknown> | undefined,
  description: string,
): "array" | "comma" | undefined {
  if (typeOf(schema).includes("array")) return "array";
  return /comma/i.test(description) ? "comma" : undefined;
}

function listFilterOf(
  operationId: string,
  param: string,
  schema: Record<string, unknown> | undefined,
  description: string,
  properties: readonly string[],
  idProperty: string,
): ListFilter | undefined {
  const has = (name: string) => properties.includes(name);
  const many = manyOf(schema, description);
  const withMany = many ? { many } : {};
  if (param === "search") {
    const listed = (SEARCH_FIELDS[operationId] ?? []).filter(has);
    const fields = listed.length > 0 ? listed : properties.filter((property) => names(description, property));
    return fields.length > 0 ? { param, kind: "search", properties: fields } : undefined;
  }
  const aliased = PARAM_PROPERTIES[`${operationId}.${param}`];
  if (aliased !== undefined && has(aliased)) return { param, kind: "equals", property: aliased, ...withMany };
  if (param === "ids" || param === "included_ids") {
    return { param, kind: "equals", property: idProperty, many: many ?? "array" };
  }
  if (param === "excluded_ids") return { param, kind: "not", property: idProperty, many: many ?? "array" };
  if (has(param)) return { param, kind: "equals", property: param, ...withMany };
  const excluded = /^exclude_(.+)$/.exec(param)?.[1] ?? /^(.+)_not$/.exec(param)?.[1];
  if (excluded !== undefined && has(excluded)) {
    return { param, kind: "not", property: excluded, ...withMany };
  }
  const inside = /^in_(.+)$/.exec(param)?.[1];
  if (inside !== undefined && typeOf(schema).includes("boolean")) {
    const property = [inside, `${inside}_id`].find(has);
    if (property) return { param, kind: "present", property };
  }
  const range = /^(min|max)_(.+)$/.exec(param);
  if (range?.[2] !== undefined && has(range[2])) {
    return { param, kind: range[1] as "min" | "max", property: range[2] };
  }
  return undefined;
}

/** The list item schema's properties of a paginated list operation (`items: [...]`). */
function listItemProperties(model: SpecModel, operation: MockOperation): string[] {
  if (!operation.schemaPointer) return [];
  const page = model.propertiesOf(model.at(operation.schemaPointer));
  const items = model.resolve(page.items)?.node;
  return Object.keys(model.propertiesOf(model.resolve(items?.items)?.node));
}

/**
 * The filters of every paginated list operation: query parameters (GET) or JSON body properties (POST
 * `/list`), matched by name against the list item's properties, plus the naming patterns the API uses
 * (`ids`, `excluded_ids`, `exclude_<p>`, `<p>_not`, `in_<p>`, `min_<p>`/`max_<p>`, `search`).
 */
export function listFilterSpecs(
  model: SpecModel,
  operations: readonly MockOperation[],
  resources: readonly MockResource[],
): Record<string, ListFilterSpec> {
  const specs: Record<string, ListFilterSpec> = {};
  for (const operation of operations) {
    const pagination = operation.source.pagination;
    if (!pagination) continue;
    const itemProperties = listItemProperties(model, operation);
    if (itemProperties.length === 0) continue;
    const idProperty =
      resources.find((resource) => resource.list === operation.operationId)?.idProperty ?? "id";
    const parameters: { name: string; schema: Record<string, unknown> | undefined; description: string }[] =
      [];
    if (pagination.in === "query") {
      for (const parameter of operation.source.parametersIn.query) {
        parameters.push({
          name: parameter.name,
          schema: model.resolve(parameter.schema)?.node,
          description: parameter.description ?? "",
        });
      }
    } else {
      const body = operation.source.requestBody?.json;
      for (const [name, schema] of Object.entries(model.propertiesOf(model.resolve(body?.schema)?.node))) {
        const node = model.resolve(schema)?.node;
        parameters.push({
          name,
          schema: node,
          description: typeof node?.description === "string" ? node.description : "",
        });
      }
    }
    const filters: ListFilter[] = [];
    const ignored: string[] = [];
    for (const { name, schema, description } of parameters) {
      if (NOT_FILTERS.has(name)) continue;
      const filter = listFilterOf(
        operation.operationId,
        name,
        schema,
        description,
        itemProperties,
        idProperty,
      );
      if (filter) filters.push(filter);
      else ignored.push(name);
    }
    specs[operation.operationId] = { in: pagination.in, itemProperties, filters, ignored };
  }
  return specs;
}

/**
 * Operations the API runs as background jobs: their success body is the schema `GET /background-jobs/{id}`
 * answers (`BackgroundJob`). The mock queues a job for them and applies the effect when it completes.
 */
export function backgroundJobOperations(operations: readonly MockOperation[]): string[] {
  const jobs = operations.find(
    (operation) => operation.method === "GET" && /\/background-jobs\/\{[^}]+\}$/.test(operation.path),
  );
  if (!jobs?.schemaPointer) return [];
  const pointerOf = (operation: MockOperation) => operation.source.success?.json?.schema;
  const jobSchema = pointerOf(jobs);
  const ref = (schema: unknown) =>
    typeof schema === "object" && schema !== null && "$ref" in schema ? String(schema.$ref) : undefined;
  const jobRef = ref(jobSchema);
  if (jobRef === undefined) return [];
  return operations
    .filter((operation) => operation !== jobs && ref(pointerOf(operation)) === jobRef)
    .map((operation) => operation.operationId);
}

/**
 * For CRUD operations whose documented success body is not the item shape the store keeps (createAIAgent
 * answers its own schema, the store keeps `getAIAgent`'s): the top-level properties of that body, so the mock
 * answers each operation in its own shape.
 */
export function ownResponseProperties(
  model: SpecModel,
  operations: readonly MockOperation[],
  resources: readonly MockResource[],
): Record<string, string[]> {
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const result: Record<string, string[]> = {};
  for (const resource of resources) {
    const item = byId.get(resource.itemOperation);
    for (const id of [resource.create, resource.update, resource.remove]) {
      const operation = id === undefined ? undefined : byId.get(id);
      if (!operation?.schemaPointer || !item?.schemaPointer || operation === item) continue;
      const same =
        JSON.stringify(model.at(operation.schemaPointer)) === JSON.stringify(model.at(item.schemaPointer));
      if (same) continue;
      result[operation.operationId] = Object.keys(model.propertiesOf(model.at(operation.schemaPointer)));
    }
  }
  return result;
}

/** The required properties of each resource's item schema (what `api.store.insert` fills when absent). */
export function requiredItemProperties(
  model: SpecModel,
  operations: readonly MockOperation[],
  resources: readonly MockResource[],
): Record<string, string[]> {
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const result: Record<string, string[]> = {};
  for (const resource of resources) {
    const pointer = byId.get(resource.itemOperation)?.schemaPointer;
    const schema = pointer ? model.resolve(model.at(pointer), pointer)?.node : undefined;
    result[resource.name] = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
  }
  return result;
}

/** `stateful.gen.ts`: what the stateful mock derives from the spec beyond CRUD (filters, jobs, shapes). */
export function renderStateful(
  model: SpecModel,
  operations: readonly MockOperation[],
  resources: readonly MockResource[],
): string {
  const filters = listFilterSpecs(model, operations, resources);
  const jobs = backgroundJobOperations(operations);
  const own = ownResponseProperties(model, operations, resources);
  const required = requiredItemProperties(model, operations, resources);
  return [
    GENERATED_BANNER,
    'import type { ListFilterSpec } from "../filters.js";',
    'import type { MockOperationId } from "./operations.gen.js";',
    "",
    "/** The filters of each paginated list operation, derived from its parameters and its item's properties. */",
    `export const listFilters: { readonly [operationId: string]: ListFilterSpec } = ${jsonLiteral(filters)};`,
    "",
    "/** Operations whose success body is a background job: the stateful mock queues a job for them. */",
    `export const backgroundJobOperations: readonly MockOperationId[] = ${jsonLiteral(jobs)};`,
    "",
    "/** CRUD operations that answer their own documented shape rather than the stored item's: its properties. */",
    `export const ownResponseProperties: { readonly [operationId: string]: readonly string[] } = ${jsonLiteral(own)};`,
    "",
    "/** Required properties of each resource's item: `api.store.insert` fills these and no others. */",
    `export const requiredItemProperties: { readonly [resource: string]: readonly string[] } = ${jsonLiteral(required)};`,
    "",
  ].join("\n");
}
