import { pascalCase, uniqueName } from "./naming.ts";
import { isObject, type JsonObject, pointerOf } from "./pointer.ts";
import { parseScopes } from "./scopes.ts";
import {
  HTTP_METHODS,
  type HttpMethod,
  type MediaType,
  type Operation,
  type Pagination,
  type Parameter,
  type ParameterLocation,
  type RequestBody,
  type Response,
  type SuccessBody,
} from "./types.ts";

/** `application/json`, `application/problem+json`, `application/json; charset=utf-8`. */
export function isJsonMediaType(contentType: string): boolean {
  return /^[\w.-]+\/([\w.-]+\+)?json\s*(;.*)?$/i.test(contentType);
}

const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];
const CURSOR = "starting_after";

/** What building an operation needs from the model (resolution lives in the model, not here). */
export interface Resolver {
  document: JsonObject;
  resolve(node: unknown, pointer: string): { node: JsonObject; pointer: string } | undefined;
  propertiesOf(schema: unknown): Record<string, unknown>;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function mediaTypes(content: unknown, pointer: string): MediaType[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([contentType, media]) => ({
    contentType,
    schema: isObject(media) ? media.schema : undefined,
    schemaPointer: `${pointer}${pointerOf(contentType, "schema")}`,
    examples: isObject(media) && isObject(media.examples) ? media.examples : {},
  }));
}

function parameter(raw: unknown, pointer: string, resolver: Resolver): Parameter | undefined {
  const found = resolver.resolve(raw, pointer);
  if (!found) return undefined;
  const { node } = found;
  if (typeof node.name !== "string" || !LOCATIONS.includes(node.in as ParameterLocation)) return undefined;
  return {
    name: node.name,
    in: node.in as ParameterLocation,
    required: node.required === true || node.in === "path",
    deprecated: node.deprecated === true,
    description: text(node.description),
    schema: node.schema,
    pointer: found.pointer,
  };
}

function requestBody(raw: unknown, pointer: string, resolver: Resolver): RequestBody | undefined {
  const found = resolver.resolve(raw, pointer);
  if (!found) return undefined;
  const media = mediaTypes(found.node.content, `${found.pointer}/content`);
  return {
    required: found.node.required === true,
    description: text(found.node.description),
    media,
    json: media.find((entry) => isJsonMediaType(entry.contentType)),
    pointer: found.pointer,
  };
}

function responses(raw: unknown, pointer: string, resolver: Resolver): Response[] {
  if (!isObject(raw)) return [];
  const result: Response[] = [];
  for (const [status, value] of Object.entries(raw)) {
    const found = resolver.resolve(value, `${pointer}${pointerOf(status)}`);
    if (!found) continue;
    const media = mediaTypes(found.node.content, `${found.pointer}/content`);
    result.push({
      status,
      code: /^\d{3}$/.test(status) ? Number(status) : undefined,
      description: text(found.node.description),
      media,
      json: media.find((entry) => isJsonMediaType(entry.contentType)),
      pointer: found.pointer,
    });
  }
  return result;
}

/**
 * Whether a response status (`200`, `2XX`) is a success: what callers' success paths are typed from. The one
 * definition for the model's "success response", the diff and the hooks target.
 */
export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

const isSuccess = (response: Response) => isSuccessStatus(response.status);

/** The lowest numeric 2xx status, else a `2XX` range. */
function theSuccessResponse(successes: readonly Response[]): Response | undefined {
  const numeric = successes.filter((response) => response.code !== undefined);
  numeric.sort((a, b) => (a.code as number) - (b.code as number));
  return numeric[0] ?? successes[0];
}

function successBodyOf(success: Response | undefined): SuccessBody {
  if (!success || success.code === 204 || success.code === 205) return { kind: "none" };
  // The JSON media type when there is one, else the first (e.g. `text/csv`).
  const media = success.json ?? success.media[0];
  if (!media) return { kind: "none" };
  // An empty schema (`{}`) documents no body.
  if (!isObject(media.schema) || Object.keys(media.schema).length === 0) return { kind: "none" };
  return isJsonMediaType(media.contentType) ? { kind: "json", media } : { kind: "text", media };
}

function isArraySchema(schema: JsonObject | undefined): boolean {
  if (!schema) return false;
  return schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array"));
}

/**
 * Cursor pagination, derived from the spec rather than listed by hand: the operation takes `starting_after` (query
 * parameter, else JSON body property) and one of its 2xx JSON responses has `items` (an array) and
 * `next_starting_after`. The API adds list endpoints often; a hand-kept list would go stale.
 */
function paginationOf(
  parameters: readonly Parameter[],
  body: RequestBody | undefined,
  successes: readonly Response[],
  resolver: Resolver,
): Pagination | undefined {
  const inQuery = parameters.some((entry) => entry.name === CURSOR && entry.in === "query");
  const inBody = body?.json !== undefined && CURSOR in resolver.propertiesOf(body.json.schema);
  if (!inQuery && !inBody) return undefined;
  const pages = successes.some((response) => {
    if (!response.json) return false;
    const properties = resolver.propertiesOf(response.json.schema);
    const items = resolver.resolve(properties.items, "")?.node;
    return isArraySchema(items) && "next_starting_after" in properties;
  });
  return pages ? { cursor: CURSOR, in: inQuery ? "query" : "body" } : undefined;
}

/** `/api/v2/lead-labels/{id}` → `lead-labels`; a path without the `/api/vN` prefix → its first segment. */
export function resourceOf(path: string): string {
  const parts = path.split("/").filter(Boolean);
  const prefix = parts[0] === "api" && parts[1] !== undefined && /^v\d+$/.test(parts[1]) ? 2 : 0;
  return parts[prefix] ?? "";
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

function operation(
  path: string,
  method: HttpMethod,
  item: JsonObject,
  itemPointer: string,
  raw: JsonObject,
  resolver: Resolver,
): Operation {
  const pointer = `${itemPointer}${pointerOf(method)}`;
  const shared = Array.isArray(item.parameters) ? item.parameters : [];
  const own = Array.isArray(raw.parameters) ? raw.parameters : [];
  const ownParameters = own.flatMap(
    (entry, index) => parameter(entry, `${pointer}/parameters/${index}`, resolver) ?? [],
  );
  const overridden = (entry: Parameter) =>
    ownParameters.some((mine) => mine.name === entry.name && mine.in === entry.in);
  const parameters = [
    ...shared
      .flatMap((entry, index) => parameter(entry, `${itemPointer}/parameters/${index}`, resolver) ?? [])
      .filter((entry) => !overridden(entry)),
    ...ownParameters,
  ];
  const parametersIn = Object.fromEntries(
    LOCATIONS.map((location) => [location, parameters.filter((entry) => entry.in === location)]),
  ) as Record<ParameterLocation, Parameter[]>;
  const body = requestBody(raw.requestBody, `${pointer}/requestBody`, resolver);
  const all = responses(raw.responses, `${pointer}/responses`, resolver);
  const successResponses = all.filter(isSuccess);
  const success = theSuccessResponse(successResponses);
  const successBody = successBodyOf(success);
  const successTypes = successResponses.flatMap((response) =>
    response.media.map((media) => media.contentType),
  );
  const description = text(raw.description);
  const tags = Array.isArray(raw.tags)
    ? raw.tags.filter((tag): tag is string => typeof tag === "string")
    : [];
  const id = typeof raw.operationId === "string" ? raw.operationId : method + pascalCase(path);
  return {
    id,
    name: pascalCase(id),
    method,
    path,
    pointer,
    tags,
    tag: tags[0],
    resource: resourceOf(path),
    summary: text(raw.summary),
    description,
    deprecated: raw.deprecated === true,
    requiredScopes: parseScopes(description),
    parameters,
    parametersIn,
    pathParamNames: pathParamNames(path),
    requestBody: body,
    responses: all,
    successResponses,
    success,
    successStatus: success?.code ?? 200,
    successBody,
    jsonBody: successBody.kind === "json" ? successBody.media : undefined,
    answersText: !successTypes.some(isJsonMediaType) && successTypes.some((type) => /^text\//i.test(type)),
    errorResponses: all
      .filter(
        (response) => response.code !== undefined && response.code >= 400 && isObject(response.json?.schema),
      )
      .sort((a, b) => (a.code as number) - (b.code as number)),
    pagination: paginationOf(parameters, body, successResponses, resolver),
  };
}

/** Every operation of the document, in document order. */
export function collectOperations(resolver: Resolver): Operation[] {
  const paths = isObject(resolver.document.paths) ? resolver.document.paths : {};
  const result: Operation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const found = resolver.resolve(rawItem, pointerOf("paths", path));
    if (!found) continue;
    for (const method of HTTP_METHODS) {
      const raw = found.node[method];
      if (isObject(raw)) result.push(operation(path, method, found.node, found.pointer, raw, resolver));
    }
  }
  const names = new Set<string>();
  for (const entry of result) {
    entry.name = uniqueName(entry.name, names);
    names.add(entry.name);
  }
  return result;
}
