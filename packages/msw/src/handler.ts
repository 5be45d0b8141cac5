import { type DefaultBodyType, delay, HttpHandler, HttpResponse, type RequestHandlerOptions } from "msw";
import type { MockApiKeys } from "./auth.js";
import { authorize } from "./auth.js";
import { dynamicBody } from "./dynamic.js";
import { requestRules, schemaDefs } from "./generated/validation.gen.js";
import { type DeepPartial, deepMerge } from "./merge.js";
import { errorBody, type OperationSpec } from "./operation.js";
import { redactedError, secretsOf } from "./redact.js";
import { compileRoute, DEFAULT_BASE_URL, isWellFormedPercentEncoding, type Route } from "./route.js";
import { RequestValidator, requestViolations, violationMessage } from "./validate.js";

export interface MockResolverInfo<T, Body = unknown, Params = Record<string, string>> {
  request: Request;
  /** Path parameters, as sent (URL-decoded text). */
  params: Params;
  /** The parsed JSON request body (`undefined` when none was sent), validated unless `validateRequests: false`. */
  body: () => Promise<Body>;
  /** The generated default body, to derive a response from. */
  defaultBody: T;
}

declare const passthroughBrand: unique symbol;
/** What `passthrough()` returns: "not mine, let the next handler answer". */
export type Passthrough = { readonly [passthroughBrand]: true };

const PASSTHROUGH = Object.freeze({}) as Passthrough;

/**
 * Returned by an override's resolver: the request goes on to the next handler — with `createMockApi()`'s handlers
 * registered after it, the stateful behaviour answers. Returning `undefined` does the same. (MSW's own
 * `passthrough()` is different: it sends the request to the real network.)
 */
export function passthrough(): Passthrough {
  return PASSTHROUGH;
}

/**
 * Computes the response: a full body, a `Response` for anything else (another status, headers…), or
 * `passthrough()`/`undefined` to let the next handler (the stateful mock) answer.
 */
export type MockResolver<T, Body = unknown, Params = Record<string, string>> = (
  info: MockResolverInfo<T, Body, Params>,
) => T | Response | Passthrough | undefined | Promise<T | Response | Passthrough | undefined>;

/** What a handler factory accepts: a (partial) body merged over the default one, or a resolver. */
export type MockOverride<T, Body = unknown, Params = Record<string, string>> =
  | DeepPartial<T>
  | MockResolver<T, Body, Params>;

export interface HandlerOptions {
  /** Where the API is mocked; default `https://api.instantly.ai`. `"*"` matches any origin. */
  baseUrl?: string;
  /** Answer after this many ms, or MSW's realistic (`"real"`) / never-resolving (`"infinite"`) delay. */
  delay?: number | "real" | "infinite";
  /** Answer only the first matching request (MSW's `once`). */
  once?: boolean;
  /**
   * Check auth like the API: `{ "<key>": ["campaigns:read", …] }`. A request without `Authorization: Bearer
   * <known key>` gets 401; a known key with no accepted scope of the operation gets 403, both in the API's
   * error shape. Absent (the default): every request is allowed. Error helpers (`mockError`) do not check.
   */
  apiKeys?: MockApiKeys;
  /**
   * Check each request's body and path/query parameters against the operation's schemas, like Stoplight Prism:
   * a violation gets 400 `{ statusCode, error, message }` naming each one (path, expected, got), and the
   * resolver (the stateful store, an override) never sees the request. Default `true`; unknown body properties
   * pass where the schema allows them. Error helpers (`mockError`) do not validate.
   */
  validateRequests?: boolean;
  /** Seed of the bodies `Prefer: dynamic=true` draws (default 1): the same seed gives the same sequence. */
  seed?: number | string;
}

const NO_MATCH = { match: { matches: false, params: {} }, cookies: {} };

interface RequestKey {
  method: string;
  origin: string;
  pathname: string;
}

/**
 * What matching needs from a request, read once and shared by all handlers: `Request.method`, `url.origin`…
 * are getters that cost more than the RegExp test itself when 240 handlers each call them.
 */
const requestKeys = new WeakMap<Request, RequestKey>();

function keyOf(request: Request): RequestKey {
  let key = requestKeys.get(request);
  if (!key) {
    const url = new URL(request.url);
    key = { method: request.method, origin: url.origin, pathname: url.pathname };
    requestKeys.set(request, key);
  }
  return key;
}

const NO_RESULT = Promise.resolve(null);

/**
 * An MSW `HttpHandler` whose matching is a method comparison plus one precompiled RegExp. MSW's own matching
 * compiles the path for every request and handler (240 registered handlers answered 17× slower than one), and
 * even a cheap `parse` goes through `run()`'s request cloning and two awaits per handler; so a request this
 * handler cannot answer is turned away in `run()` itself, before any of that.
 */
export class OperationHandler extends HttpHandler {
  readonly operation: OperationSpec;
  readonly #route: Route;

  constructor(
    operation: OperationSpec,
    route: Route,
    resolver: ConstructorParameters<typeof HttpHandler>[2],
    options?: RequestHandlerOptions,
  ) {
    super(operation.method, route.mswPath, resolver, options);
    this.operation = operation;
    this.#route = route;
  }

  #params(request: Request): Record<string, string> | undefined {
    const key = keyOf(request);
    if (key.method !== this.operation.method) return undefined;
    return this.#route.matchPath(key.origin, key.pathname);
  }

  /** Whether the request's URL is this operation's path, whatever its method (for 405 and `Allow`). */
  matchesPath(request: Request): boolean {
    const key = keyOf(request);
    return this.#route.matchPath(key.origin, key.pathname) !== undefined;
  }

  override run(args: Parameters<HttpHandler["run"]>[0]): ReturnType<HttpHandler["run"]> {
    if (!this.#params(args.request)) return NO_RESULT;
    return super.run(args);
  }

  override async parse(args: Parameters<HttpHandler["parse"]>[0]) {
    const params = this.#params(args.request);
    // No cookie parsing: our resolvers do not expose cookies, and MSW's parse (which would) costs as much as
    // the rest of answering a request.
    return params ? { match: { matches: true, params }, cookies: {} } : NO_MATCH;
  }
}

/** A response in the operation's documented success shape (status, content type, or no body at all). */
export function successResponse(operation: OperationSpec, body: unknown): Response {
  if (operation.body === "none") return new HttpResponse(null, { status: operation.status });
  if (operation.body === "text") {
    return new HttpResponse(String(body), {
      status: operation.status,
      headers: { "Content-Type": operation.contentType ?? "text/plain" },
    });
  }
  return HttpResponse.json(body as DefaultBodyType, { status: operation.status });
}

export function errorResponse(
  operation: OperationSpec | undefined,
  status: number,
  message?: string,
): Response {
  return HttpResponse.json(errorBody(operation, status, message) as DefaultBodyType, { status });
}

/** `application/json`, `application/merge-patch+json`… (parameters such as `charset` aside). */
function isJsonMediaType(contentType: string): boolean {
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[^/]+\+json$/.test(mediaType);
}

/** Objects and arrays within objects and arrays, at most: no body of the spec comes near (its deepest is ~6). */
export const MAX_BODY_DEPTH = 100;

/** Whether objects and arrays nest in `value` deeper than `max` levels (iterative: no stack to overflow). */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== "object" || node === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Reads a JSON request body. Returns the parsed value (undefined when empty), or a response in the API's
 * error shape: 415 when a body comes with a content type that is not JSON, 400 when it is not JSON or misses
 * a required property. A body without any content type is read as JSON (curl -d sends form-urlencoded, but
 * hand-written fetch calls often send none).
 */
export async function readJsonBody(
  operation: OperationSpec,
  request: Request,
  checkRequired = true,
): Promise<{ body: unknown } | { response: Response }> {
  const text = await request.clone().text();
  const contentType = request.headers.get("content-type");
  if (text.trim() !== "" && contentType !== null && !isJsonMediaType(contentType)) {
    return { response: errorResponse(operation, 415, `Unsupported Media Type: ${contentType}`) };
  }
  if (text.trim() === "") {
    const [first] = checkRequired ? operation.requiredBody : [];
    if (first !== undefined)
      return { response: errorResponse(operation, 400, `body must have required property '${first}'`) };
    return { body: undefined };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    // V8 quotes up to 20 characters of the body around the error (`Unexpected token 's', "sk_live_ab"... is not
    // valid JSON`): they are left out, as they may be part of a key sent in the wrong place.
    const reason = (error instanceof Error ? error.message : String(error)).replace(
      /, ".*"(\.\.\.)? is not valid JSON$/s,
      "",
    );
    return { response: errorResponse(operation, 400, `Body is not valid JSON: ${reason}`) };
  }
  // Checked with validation off too: a stored value nested this deep makes every later answer that includes it
  // (the list of its resource, for good) throw in JSON.stringify — a 500 until reset.
  if (nestedDeeperThan(body, MAX_BODY_DEPTH)) {
    return {
      response: errorResponse(operation, 400, `Body is nested deeper than ${MAX_BODY_DEPTH} levels`),
    };
  }
  if (!checkRequired) return { body };
  if (
    operation.requiredBody.length > 0 &&
    (typeof body !== "object" || body === null || Array.isArray(body))
  ) {
    return { response: errorResponse(operation, 400, "body must be object") };
  }
  const missing = operation.requiredBody.find((name) => !(name in (body as object)));
  if (missing !== undefined) {
    return { response: errorResponse(operation, 400, `body must have required property '${missing}'`) };
  }
  return { body };
}

/** What a `Prefer` request header (Stoplight Prism's) asks for: `code=404`, `example=<name>`, `dynamic=true`. */
export interface Preference {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

/**
 * Reads `Prefer: code=404, example=not-found, dynamic=true` (tokens separated by commas, semicolons or spaces;
 * Prism's spelling). For consumers that cannot call `mockError()`. Unknown tokens are ignored, as RFC 7240 asks.
 */
export function preferenceOf(request: Request): Preference | undefined {
  const prefer = request.headers.get("prefer");
  if (!prefer) return undefined;
  const found: Preference = {};
  for (const token of prefer.split(/[;,\s]+/)) {
    const at = token.indexOf("=");
    if (at === -1) continue;
    const name = token.slice(0, at).toLowerCase();
    const value = token.slice(at + 1).replace(/^"(.*)"$/, "$1");
    if (name === "code" && /^\d{3}$/.test(value)) found.code = Number(value);
    else if (name === "example" && value !== "") found.example = value;
    else if (name === "dynamic") found.dynamic = value.toLowerCase() === "true";
  }
  return found;
}

function documentedStatuses(operation: OperationSpec): number[] {
  return [operation.status, ...Object.keys(operation.errors).map(Number)].sort((a, b) => a - b);
}

/** The documented error response for a preferred status, or 400 naming the statuses that are documented. */
function preferredResponse(operation: OperationSpec, status: number): Response {
  if (operation.errors[status]) return errorResponse(operation, status);
  return errorResponse(
    undefined,
    400,
    `Prefer: code=${status} is not a documented response of ${operation.operationId} (documented: ${documentedStatuses(operation).join(", ")})`,
  );
}

/**
 * `Prefer: example=<name>` (with `code=` or for the success status): the spec's named example of that response,
 * as written. An unknown name (or status) is 400 in the API's error shape naming the examples there are —
 * Prism answers 404 there, which a client cannot tell from the resource's own 404.
 */
function exampleResponse(operation: OperationSpec, status: number, name: string): Response {
  const named = operation.examples?.[status];
  const example = named && Object.hasOwn(named, name) ? named[name] : undefined;
  if (example) return HttpResponse.json(example() as DefaultBodyType, { status });
  if (status !== operation.status && !operation.errors[status]) return preferredResponse(operation, status);
  const names = named ? Object.keys(named) : [];
  return errorResponse(
    undefined,
    400,
    `Prefer: example=${JSON.stringify(name)} is not a named example of ${operation.operationId}'s ${status} response (${names.length > 0 ? `examples: ${names.join(", ")}` : "it has no named examples"})`,
  );
}

/** One validator over the generated schema tables, shared by every handler (it caches compiled patterns). */
const validator = new RequestValidator(schemaDefs);

export const MALFORMED_URL_MESSAGE = "Malformed percent-encoding in the request URL";

export async function applyDelay(value: HandlerOptions["delay"]): Promise<void> {
  if (value !== undefined) await delay(value);
}

/** What a resolver of the stateful mock or a per-operation factory computes for a matched request. */
export type OperationResolver = (info: {
  request: Request;
  params: Record<string, string>;
  body: unknown;
}) => Response | undefined | Promise<Response | undefined>;

/**
 * The common wrapper: delay, request checks (percent-encoding of the URL, the JSON body), then the resolver.
 * `checkRequest: false` (error helpers) answers whatever was sent.
 */
export function createResolvedHandler(
  operation: OperationSpec,
  resolve: OperationResolver,
  options: HandlerOptions = {},
  checkRequest = true,
): OperationHandler {
  async function answer(request: Request, params: Record<string, string>): Promise<Response | undefined> {
    if (checkRequest && options.apiKeys) {
      const denied = authorize(operation, request, options.apiKeys);
      if (denied) return denied;
    }
    const prefer = checkRequest ? preferenceOf(request) : undefined;
    if (prefer?.code !== undefined && prefer.code !== operation.status) {
      return prefer.example === undefined
        ? preferredResponse(operation, prefer.code)
        : exampleResponse(operation, prefer.code, prefer.example);
    }
    let body: unknown;
    const url = new URL(request.url);
    if (checkRequest && !isWellFormedPercentEncoding(url.pathname + url.search)) {
      return errorResponse(operation, 400, MALFORMED_URL_MESSAGE);
    }
    const validate = checkRequest && options.validateRequests !== false;
    if (checkRequest && operation.requestBody) {
      const read = await readJsonBody(operation, request, !validate);
      if ("response" in read) return read.response;
      body = read.body;
    }
    const rule = validate ? requestRules[operation.operationId] : undefined;
    if (rule) {
      const violations = requestViolations(rule, schemaDefs, validator, {
        params,
        query: url.searchParams,
        body,
        hasBody: body !== undefined,
      });
      // The generic body: an operation's documented 400 example describes another failure ("no emails sent").
      if (violations.length > 0) return errorResponse(undefined, 400, violationMessage(violations));
    }
    // A success example answers only a valid request, like the success response it stands for.
    if (prefer?.example !== undefined) return exampleResponse(operation, operation.status, prefer.example);
    return resolve({ request, params, body });
  }
  const route = compileRoute(options.baseUrl ?? DEFAULT_BASE_URL, operation.path);
  return new OperationHandler(
    operation,
    route,
    async ({ request, params }) => {
      await applyDelay(options.delay);
      const response = await answer(request, params as Record<string, string>);
      // Whatever a request sent (the key in an id, a query value, a body that is not JSON), no error body
      // repeats the API key: neither a configured one nor the request's own credential.
      return (
        response && redactedError(response, secretsOf(request.headers.get("authorization"), options.apiKeys))
      );
    },
    options.once ? { once: true } : undefined,
  );
}

/** A handler answering `operation` with `defaultBody()`, adjusted by `override` (a partial body or a resolver). */
export function createOperationHandler<T, Body = unknown, Params = Record<string, string>>(
  operation: OperationSpec,
  defaultBody: () => T,
  override?: MockOverride<T, Body, Params>,
  options?: HandlerOptions,
): OperationHandler {
  // Requests answered with `Prefer: dynamic=true` so far: the n-th gets the n-th dynamic body.
  let dynamicCount = 0;
  return createResolvedHandler(
    operation,
    async ({ request, params, body }) => {
      const base = preferenceOf(request)?.dynamic
        ? (dynamicBody(operation.operationId, defaultBody(), dynamicCount++, options?.seed) as T)
        : defaultBody();
      if (typeof override === "function") {
        const result = await (override as MockResolver<T, Body, Params>)({
          request,
          params: params as Params,
          body: async () => body as Body,
          defaultBody: base,
        });
        if (result === undefined || result === PASSTHROUGH) return undefined;
        return result instanceof Response ? result : successResponse(operation, result);
      }
      return successResponse(operation, deepMerge(base, override));
    },
    options,
  );
}
