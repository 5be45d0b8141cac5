import { CliError } from "../../errors.ts";
import type { HttpMethod, Operation, SpecModel } from "../../model/index.ts";

/**
 * What the hooks target needs to know about each operation, read from the spec model (model/): whether it is a
 * query or a mutation, whether it is cursor-paginated, what it answers, and which query keys it owns /
 * invalidates. Pure functions, so the rules are testable on small fixtures.
 */

export interface HookOperation {
  id: string;
  /** The model's PascalCase name of the operation: hooks, keys and types are `use${name}`, `get${name}QueryKey`… */
  name: string;
  /**
   * What orval's `operationName` option answers for this operation ({@link orvalOperationName}): orval derives
   * every hook, key and type name from it, and names the request function by it (renamed to `id` afterwards).
   */
  orvalName: string;
  method: HttpMethod;
  /** The path template as in the spec, e.g. `/api/v2/campaigns/{id}`. */
  path: string;
  /** Path parameter names in the order they appear in the path. */
  pathParamNames: readonly string[];
  /** A query (useQuery, suspense, query options) rather than a mutation. */
  isQuery: boolean;
  /** Where the `starting_after` cursor goes, for cursor-paginated operations (the model's rule, as `paginate()`). */
  pagination: "query" | "body" | undefined;
  /** What the hooks resolve with: the JSON body, text (e.g. `text/csv`) or nothing. */
  successBody: "json" | "text" | "none";
  /** The API completes it in a background job: invalidation waits for the job ({@link startsBackgroundJob}). */
  backgroundJob: boolean;
  /** The model's operation (docs: summary, description, scopes, deprecation). */
  model: Operation;
}

/**
 * A POST reads (and becomes a query) when it is cursor-paginated or its operationId says it reads:
 * `list…`, `get…`, `search…`, `count…`, `check…`, `preview…` (e.g. `POST /api/v2/leads/list` =
 * `listLeads`, `POST /api/v2/accounts/warmup-analytics` = `getWarmupAnalytics`). Instantly uses POST for
 * reads whose filters do not fit a query string; everything else that is not a GET changes state.
 */
export const READ_POST_PREFIX = /^(list|get|search|count|check|preview)(?=[A-Z0-9_]|$)/;

/** Every operation of the model, in document order. */
export function hookOperations(model: SpecModel): HookOperation[] {
  const jobSchema = backgroundJobSchema(model);
  return model.operations.map((operation) => {
    const pagination = operation.pagination?.in;
    // A 2xx that declares a JSON media type resolves with `ResponseBody<"op">` (whatever its schema says).
    const json = operation.successResponses.some((response) => response.json !== undefined);
    return {
      id: operation.id,
      name: operation.name,
      orvalName: orvalOperationName(operation),
      method: operation.method,
      path: operation.path,
      pathParamNames: operation.pathParamNames,
      isQuery:
        operation.method === "get" ||
        (operation.method === "post" && (pagination !== undefined || READ_POST_PREFIX.test(operation.id))),
      pagination,
      successBody: json ? "json" : operation.answersText ? "text" : "none",
      backgroundJob: startsBackgroundJob(operation, jobSchema),
      model: operation,
    };
  });
}

/** The first element of every query key of the kit: one prefix for all of its cache entries. */
export const KEY_ROOT = "instantly";

/**
 * The name handed to orval as the operation's name, chosen so that orval's own casing (`@orval/core` `pascal`,
 * `camel`) turns it into the model's name: orval names a hook `camel("use-" + n)`, a key `camel("get-" + n +
 * "-query-key")`, a type `pascal(n) + "QueryResult"`. Those agree with the model's `name` when `n` is the name
 * itself — unless the name has no lower-case letter, which orval's casing lowers as a whole (`LISTITEMS` →
 * `Listitems`); then a lower-case first letter keeps it from doing so (`lISTITEMS`) — or the operationId when it
 * is that name with its first letter in either case (`createLead`). orval also names the request function `n`;
 * when that is not the operationId, the post-processing renames it (postprocess.ts). A name that starts with a
 * digit (operationId `_3d`) cannot name a function: refused here, in one line.
 */
export function orvalOperationName(operation: Pick<Operation, "id" | "name">): string {
  const { id, name } = operation;
  if (!/^[A-Za-z]/.test(name)) {
    throw new CliError(
      `react-query: operationId ${JSON.stringify(id)} gives the hook name ${JSON.stringify(`use${name}`)}; a hook name needs a letter after "use" — rename the operation`,
    );
  }
  // Most ids are camelCase words (`createLead`): orval derives the model's names from the id itself, and the
  // request function needs no renaming — its declarations stay orval's text (postprocess.ts prints only what changed).
  if (id.charAt(0).toUpperCase() + id.slice(1) === name && /[a-z]/.test(id)) return id;
  return /[a-z]/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * Query-key layout (ADR 0022): `["instantly", resource, scope, ...segments, query?, body?]`, where resource is
 * the first path segment after the API prefix (`leads`), scope is `"list"` for a path without parameters
 * (collection-level reads: `GET /campaigns`, the POST read `POST /leads/list`, `GET /campaigns/analytics`) and
 * `"item"` for a path with parameters, and each further segment is the literal path segment or the value of a
 * path parameter — `["instantly", "campaigns", "item", id]`, `["instantly", "leads", "list", "list", body]`.
 * Infinite queries append `"infinite"`, so every prefix of a plain key also selects its infinite twin:
 * `["instantly", "leads", "list"]` is all of a resource's lists, plain and infinite, GET or POST.
 */
export interface KeySegments {
  resource: string;
  scope: "list" | "item";
  /** Literal segments as `{ literal }`, path parameters as `{ param }` (the spec's parameter name). */
  rest: Array<{ literal: string } | { param: string }>;
}

export function keySegments(path: string): KeySegments {
  const parts = path.split("/").filter(Boolean);
  // `/api/v2/<resource>`: the version prefix is the same for every key and left out.
  const prefixLength = parts[0] === "api" && parts[1] && /^v\d+$/.test(parts[1]) ? 3 : 1;
  const resource = parts.slice(0, Math.min(prefixLength, parts.length)).at(-1) ?? "";
  const toSegment = (part: string) => {
    const param = /^\{([^}]+)\}$/.exec(part)?.[1];
    return param ? { param } : { literal: part };
  };
  const rest = parts.slice(prefixLength).map(toSegment);
  return { resource, scope: rest.some((segment) => "param" in segment) ? "item" : "list", rest };
}

/**
 * What a mutation invalidates after it succeeds (keys as in {@link keySegments}):
 * - a path with parameters (`PATCH /campaigns/{id}`, `POST /campaigns/{id}/pause`) names an item: its
 *   queries (`["instantly", resource, "item", …, id]` and everything below) and the resource's lists
 *   (`["instantly", resource, "list"]`: GET lists, POST reads, infinite or not) are invalidated, plus, for
 *   a nested item (`/ai-agents/sales/{id}/guidance-rules/{rule_id}`), the collection it belongs to; a DELETE
 *   of the item itself removes the item's queries instead of refetching a 404;
 * - a path without parameters (`POST /campaigns`, `POST /leads/move`, `DELETE /leads`) is a
 *   collection-level or bulk change: every query of the resource is invalidated.
 * Operations the API completes in a background job (`afterJob`) do this when the job ends, not on the answer.
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

/**
 * Whether the API completes the operation in the background: a change (not a GET) whose success response is
 * the background-job schema — the schema `GET /background-jobs/{id}` answers with (`BackgroundJob` in the
 * spec: `POST /leads/move`, the warmup enable/disable). Its hooks resolve with the job at once and invalidate
 * when the job ends (packages/react-query/src/background-jobs.ts).
 */
export function startsBackgroundJob(operation: Operation, jobSchemaRef: string | undefined): boolean {
  if (operation.method === "get" || jobSchemaRef === undefined) return false;
  return operation.successResponses.some((response) => refOf(response.json?.schema) === jobSchemaRef);
}

const refOf = (schema: unknown): string | undefined =>
  typeof schema === "object" && schema !== null && typeof (schema as { $ref?: unknown }).$ref === "string"
    ? (schema as { $ref: string }).$ref
    : undefined;

/** The component (`$ref`) `GET …/background-jobs/{id}` answers with, if the spec has that operation. */
export function backgroundJobSchema(model: SpecModel): string | undefined {
  const poll = model.operations.find(
    (operation) =>
      operation.method === "get" &&
      operation.resource === "background-jobs" &&
      keySegments(operation.path).rest.length === 1 &&
      operation.pathParamNames.length === 1,
  );
  return refOf(poll?.jsonBody?.schema);
}
