import { findPaginatedOperations } from "../client/pagination.ts";

/**
 * What the hooks target needs to know about each operation, derived from the normalized spec:
 * whether it is a query or a mutation, whether it is cursor-paginated, and which query keys it
 * owns / invalidates. Pure functions of the document, so the rules are testable on small fixtures.
 */

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * One operation as the hooks target reads it. The field names are the spec model's (`packages/codegen/src/model`,
 * `Operation`), plus the hooks' own decision `isQuery`.
 */
export interface HookOperation {
  id: string;
  method: HttpMethod;
  /** The path template as in the spec, e.g. `/api/v2/campaigns/{id}`. */
  path: string;
  /** Path parameter names in the order they appear in the path. */
  pathParamNames: string[];
  /** A query (useQuery, suspense, query options) rather than a mutation. */
  isQuery: boolean;
  /** Where the `starting_after` cursor goes, for cursor-paginated operations. */
  pagination: "query" | "body" | undefined;
  /** What the success response sends: JSON, text (e.g. `text/csv`) or nothing. */
  successBody: "json" | "text" | "none";
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  /** Scopes the API key needs: one scope of every group. */
  requiredScopes: string[][];
}

/**
 * A POST reads (and becomes a query) when it is cursor-paginated or its operationId says it reads:
 * `list…`, `get…`, `search…`, `count…`, `check…`, `preview…` (e.g. `POST /api/v2/leads/list` =
 * `listLeads`, `POST /api/v2/accounts/warmup-analytics` = `getWarmupAnalytics`). Instantly uses POST for
 * reads whose filters do not fit a query string; everything else that is not a GET changes state.
 */
export const READ_POST_PREFIX = /^(list|get|search|count|check|preview)(?=[A-Z0-9_]|$)/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follow local `$ref`s (bounded, so a cyclic ref cannot loop). */
function deref(document: Json, value: unknown): Json | undefined {
  let current = value;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current.$ref === "string"; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) return undefined;
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.split("~1").join("/").split("~0").join("~"))
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
  }
  return isObject(current) ? current : undefined;
}

function successResponses(document: Json, operation: Json): Json[] {
  const responses = isObject(operation.responses) ? operation.responses : {};
  return Object.entries(responses)
    .filter(([status]) => /^2(\d\d|XX)$/.test(status))
    .map(([, response]) => deref(document, response))
    .filter((response): response is Json => response !== undefined);
}

function contentOf(response: Json): Json {
  return isObject(response.content) ? response.content : {};
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

/** The scope groups an operation's description states (the spec documents them only in prose). */
function requiredScopes(description: string | undefined): string[][] {
  const backticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] as string);
  const allOf = /Requires all of the following scope groups:((?:\s*\n\s*-[^\n]*)+)/.exec(description ?? "");
  if (allOf)
    return (allOf[1] as string)
      .split("\n")
      .map(backticked)
      .filter((group) => group.length > 0);
  const oneOf = /Requires one of the following scopes:([^\n]*)/.exec(description ?? "");
  const group = oneOf ? backticked(oneOf[1] as string) : [];
  return group.length > 0 ? [group] : [];
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/** Every operation of the document, in document order. */
export function collectOperations(document: Json): HookOperation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  // Infinite hooks exist for exactly the operations the client's `paginate()` accepts: one rule.
  const paginated = new Map(
    findPaginatedOperations(document).map((op) => [`${op.method} ${op.path}`, op.cursorIn]),
  );
  const result: HookOperation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = deref(document, rawItem) ?? {};
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation) || typeof operation.operationId !== "string") continue;
      const pagination = paginated.get(`${method} ${path}`);
      const contents = successResponses(document, operation).map(contentOf);
      const json = contents.some((content) => "application/json" in content);
      const answersText = contents.some((content) =>
        Object.keys(content).some((type) => type.startsWith("text/")),
      );
      result.push({
        id: operation.operationId,
        method,
        path,
        pathParamNames: pathParamNames(path),
        isQuery:
          method === "get" ||
          (method === "post" && (pagination !== undefined || READ_POST_PREFIX.test(operation.operationId))),
        pagination,
        successBody: json ? "json" : answersText ? "text" : "none",
        summary: text(operation.summary),
        description: text(operation.description),
        deprecated: operation.deprecated === true,
        requiredScopes: requiredScopes(text(operation.description)),
      });
    }
  }
  return result;
}

/**
 * Query-key layout: `[resource, ...segments]` where resource is the first path segment after the API
 * prefix (`/api/v2/campaigns`) and each further segment is either the literal path segment or the value
 * of a path parameter — `["/api/v2/campaigns", id]`, `["/api/v2/campaigns", "analytics", params]`.
 * So `[resource]` is a prefix of every key of that resource and one call invalidates them all.
 */
export interface KeySegments {
  resource: string;
  /** Literal segments as `{ literal }`, path parameters as `{ param }` (the spec's parameter name). */
  rest: Array<{ literal: string } | { param: string }>;
}

export function keySegments(path: string): KeySegments {
  const parts = path.split("/").filter(Boolean);
  // `/api/v2/<resource>`: the version prefix belongs to the resource so keys read like the URL.
  const prefixLength = parts[0] === "api" && parts[1] && /^v\d+$/.test(parts[1]) ? 3 : 1;
  const resourceParts = parts.slice(0, Math.min(prefixLength, parts.length));
  const toSegment = (part: string) => {
    const param = /^\{([^}]+)\}$/.exec(part)?.[1];
    return param ? { param } : { literal: part };
  };
  return { resource: `/${resourceParts.join("/")}`, rest: parts.slice(prefixLength).map(toSegment) };
}

/**
 * What a mutation invalidates after it succeeds:
 * - a path with parameters (`PATCH /campaigns/{id}`, `POST /campaigns/{id}/pause`) names an item: its
 *   queries (the item and everything below it, prefix `[resource, …, id]`) and the lists it belongs to
 *   (`[resource, …]` followed by nothing but params) are invalidated; a DELETE of the item itself
 *   removes the item's queries instead of refetching a 404;
 * - a path without parameters (`POST /campaigns`, `POST /leads/move`, `DELETE /leads`) is a
 *   collection-level or bulk change: every query of the resource is invalidated.
 */
export interface InvalidationPlan {
  /** Segments of the item prefix (up to and including the last path parameter), if any. */
  item: KeySegments["rest"] | undefined;
  /** Segments of the collection the item belongs to (the item prefix minus its last parameter). */
  collection: KeySegments["rest"];
  /** DELETE of the item itself: drop its cached queries rather than refetch them. */
  removeItem: boolean;
}

export function invalidationPlan(operation: Pick<HookOperation, "method" | "path">): InvalidationPlan {
  const { rest } = keySegments(operation.path);
  let lastParam = -1;
  rest.forEach((segment, index) => {
    if ("param" in segment) lastParam = index;
  });
  if (lastParam < 0) return { item: undefined, collection: [], removeItem: false };
  const item = rest.slice(0, lastParam + 1);
  return {
    item,
    collection: rest.slice(0, lastParam),
    removeItem: operation.method === "delete" && lastParam === rest.length - 1,
  };
}
