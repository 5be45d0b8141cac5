import type { paths, Scope } from "@instantly-kit/types";
import createClient, { type Client, defaultBodySerializer } from "openapi-fetch";
import {
  InstantlyAbortError,
  InstantlyNetworkError,
  type InstantlyValidationError,
  isInstantlyError,
} from "./errors.js";
import { textResponses } from "./generated/text-responses.gen.js";
import { createRedactor, type Redactor } from "./redact.js";
import { checkMs, type RetryOptions, type RetryPolicy, retryPolicy } from "./retry.js";
import { scopeCheck } from "./scopes.js";
import { createRequestClass, createTransport, exchangeOf } from "./transport.js";
import { createValidator, type ValidateOptions, type Validator } from "./validation.js";

export interface InstantlyClientOptions {
  /**
   * API key, sent as `Authorization: Bearer …`. Checked up front (visible ASCII only, no whitespace inside;
   * surrounding whitespace is trimmed); never logged, never put on errors, redacted from what a server echoes.
   */
  apiKey: string;
  /**
   * Default `https://api.instantly.ai`. No credentials (`user:pass@`), query string or fragment, and not ending in
   * `/api/v2`: the operations' paths start with it.
   */
  baseUrl?: string;
  /** A fetch implementation (default: `globalThis.fetch`, looked up per request). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request (`Authorization` is always the API key). */
  headers?: Record<string, string>;
  /**
   * Per-attempt deadline in ms for the whole exchange — connection, response headers and the complete body
   * (default 30 000; 0 = none). A timed-out attempt is retried like a network error (idempotent methods
   * only); the last one rejects `InstantlyTimeoutError`.
   */
  timeoutMs?: number;
  /**
   * Most bytes a response body may have (default 64 MiB; 0 = no limit). A larger one — a server sending without
   * end, or a Content-Length saying so — fails the call at once with `InstantlyNetworkError`, not retried (it
   * would be as large again), and its connection is closed: without a limit the deadline bounds the time, not
   * the memory (gigabytes in 30 s over a fast link). A page of 100 items of this API is a few MB.
   */
  maxResponseBytes?: number;
  /**
   * On by default: 3 attempts; 429 retried for every method honouring `Retry-After`; 5xx and network
   * errors only for GET/HEAD/PUT/DELETE/OPTIONS. `false` turns retries off.
   */
  retry?: RetryOptions | boolean;
  /**
   * The scopes the API key was created with, when the app knows them. A call that none of them allows then
   * rejects with `InstantlyScopeError` (naming the operation and the scopes it needs) before anything is
   * sent. Absent: every call is sent and the API decides.
   */
  scopes?: readonly Scope[];
  /**
   * Check bodies against the spec's schemas (`@instantly-kit/zod`, loaded on the first checked call):
   * `{ response: "off" | "warn" | "throw", request: "off" | "throw" }`, both `"off"` by default. A mismatch
   * is an `InstantlyValidationError` naming the operation, the status and every violation
   * (`$.items[0].status: expected one of 1, 2, got 7`), never the key or the body. `request: "throw"`
   * rejects before anything is sent. Covers every call: methods, `request()`, `paginate()` and the hooks.
   */
  validate?: ValidateOptions;
  /**
   * Where `validate: { response: "warn" }` reports: once per operation and shape of mismatch (a list of
   * 100 items with the same wrong field is one report, and so is the next call that gets it again, with
   * another unknown enum value or number out of bounds there). After 10 kinds of mismatch on one operation
   * (a map whose keys change every call makes new ones without end) that operation is reported no more.
   * Default: `console.warn` of the error's message. What it throws rejects the call; an async callback is
   * waited for, and its rejection rejects the call too.
   */
  onValidationIssue?: (error: InstantlyValidationError) => void;
}

/** The typed openapi-fetch client for the whole Instantly API v2. */
export type InstantlyClient = Client<paths>;

export const DEFAULT_BASE_URL = "https://api.instantly.ai";
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Each client's redactor, for `paginate()` (which only gets the client). */
const redactors = new WeakMap<object, Redactor>();

export function redactorOf(client: object): Redactor | undefined {
  return redactors.get(client);
}

/**
 * Creates the one client an app (and @instantly-kit/react-query, which takes this same instance) talks to
 * the API through: auth, retries, timeouts and abort are configured here, once, in the transport.
 * Bad options throw at once with one line that never repeats the key or the URL.
 */
export function createInstantlyClient(options: InstantlyClientOptions): InstantlyClient {
  const { headers, timeoutMs = DEFAULT_TIMEOUT_MS, maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES } = options;
  const apiKey = checkApiKey(options.apiKey);
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  checkMs("createInstantlyClient: `timeoutMs`", timeoutMs);
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 0) {
    throw new RangeError(
      `createInstantlyClient: \`maxResponseBytes\` must be a whole number of bytes ≥ 0 (0 = no limit), got ${typeof maxResponseBytes === "number" ? maxResponseBytes : typeof maxResponseBytes}`,
    );
  }
  const redact = createRedactor(apiKey);
  const transport: Transport = {
    retry: retryPolicy(options.retry),
    timeoutMs,
    maxResponseBytes,
    redact,
    checkScopes: options.scopes === undefined ? undefined : scopeCheck(checkScopes(options.scopes)),
    validator: createValidator(options.validate, options.onValidationIssue, redact),
  };
  const client = createClient<paths>({
    baseUrl,
    Request: createRequestClass(),
    fetch: createTransport({ ...transport, fetch: options.fetch }),
    headers: { ...headers, Authorization: `Bearer ${apiKey}` },
  });
  const wrapped = parseResponses(client, transport);
  redactors.set(wrapped, redact);
  return wrapped;
}

function checkApiKey(apiKey: unknown): string {
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw new TypeError("createInstantlyClient: `apiKey` is required");
  }
  const key = apiKey.trim();
  // A header value cannot hold a newline (fetch would throw a TypeError quoting the whole value on every
  // request); a space inside means "Bearer …" or two keys pasted together. Only the position is reported.
  const bad = key.search(/[^\x21-\x7e]/);
  if (bad !== -1) {
    throw new TypeError(
      `createInstantlyClient: \`apiKey\` has a whitespace, control or non-ASCII character at position ${bad}; pass the key alone, without "Bearer "`,
    );
  }
  return key;
}

function checkScopes(scopes: unknown): readonly string[] {
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === "string")) {
    throw new TypeError("createInstantlyClient: `scopes` must be an array of scope names");
  }
  return scopes;
}

function checkBaseUrl(baseUrl: unknown): string {
  let url: URL;
  try {
    // A relative base ("/proxy") is resolved by the browser; the placeholder origin only lets URL parse it.
    url = new URL(String(baseUrl), "http://relative.invalid");
  } catch {
    throw new TypeError("createInstantlyClient: `baseUrl` is not a URL");
  }
  if (url.username || url.password) {
    throw new TypeError(
      "createInstantlyClient: `baseUrl` must not contain credentials (user:password@); the API key goes in `apiKey`",
    );
  }
  if (url.search || url.hash || String(baseUrl).includes("?") || String(baseUrl).includes("#")) {
    throw new TypeError("createInstantlyClient: `baseUrl` must not have a query string or fragment");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError("createInstantlyClient: `baseUrl` must be an http(s) URL");
  }
  // Every operation's path starts with /api/v2 (the docs show calls as https://api.instantly.ai/api/v2/…): a base
  // ending in it would send every call to /api/v2/api/v2/… and get 404s that name no cause.
  if (/\/api\/v2\/*$/i.test(url.pathname)) {
    throw new TypeError(
      "createInstantlyClient: `baseUrl` must not end in /api/v2, which every operation's path starts with (use https://api.instantly.ai)",
    );
  }
  return String(baseUrl);
}

type Result = { data?: unknown; error?: unknown; response: Response };
/** The client's transport options, minus the fetch: a per-call `fetch` is sent through the same ones. */
type Transport = {
  retry: RetryPolicy;
  timeoutMs: number;
  maxResponseBytes: number;
  redact: Redactor;
  /** Set when the app declared its key's `scopes`: throws for a call they do not allow. */
  checkScopes: ((method: string, path: string) => Promise<void>) | undefined;
  /** Set when the app asked for `validate`: checks request and/or response bodies. */
  validator: Validator | undefined;
};
type Call = (url: string, init?: Record<string, unknown>) => Promise<Result>;

/**
 * Every method (and `request()`) goes through here:
 * - operations the spec documents as answering text (the `text/csv` block-list download) are parsed as
 *   text automatically;
 * - JSON and text are parsed here, from the body the transport already read, rather than by openapi-fetch
 *   (asked for `parseAs: "stream"`, it leaves a 2xx body alone). Same rule as openapi-fetch: an empty body
 *   is `undefined`. A 2xx body that is not JSON becomes an `InstantlyNetworkError` naming the request, not a
 *   `SyntaxError` whose message quotes the body (which may echo the key);
 * - a per-call `fetch` (`client.GET(url, { fetch })`) replaces the client's fetch in openapi-fetch
 *   (`const { fetch = baseFetch } = init`): it is wrapped in a transport with the client's retries, deadline
 *   and redaction, so it cannot hang or leak the key either;
 * - with `scopes`, a call the key cannot make rejects `InstantlyScopeError` before anything is sent;
 * - with `validate`, a request body that does not match rejects `InstantlyValidationError` before anything
 *   is sent, and a parsed JSON 2xx body is checked before the caller gets it;
 * - anything else thrown from below (a middleware, `new Request` on a bad header) is rethrown redacted,
 *   except our own errors and the caller's abort reason, which are already clean and kept as they are.
 */
function parseResponses(client: InstantlyClient, transport: Transport): InstantlyClient {
  const { redact } = transport;
  const wrap = (method: string, send: Call): Call => {
    const { checkScopes } = transport;
    const checkRequest = transport.validator?.request;
    let call = wrapSend(method, send);
    if (checkRequest) {
      const unchecked = call;
      // Once the schemas are loaded the check runs synchronously, and so would its throw (a mismatch, or a
      // body JSON.stringify refuses): the call rejects instead, as every call does, and what the caller's
      // body threw (a `toJSON`, a cycle naming its properties) is redacted as when openapi-fetch throws it.
      const refused = (error: unknown) => Promise.reject(isOwnError(error) ? error : redact.error(error));
      call = (url, init) => {
        let checking: Promise<void> | undefined;
        let sent = init;
        try {
          const body = init?.body;
          if (init?.bodySerializer === undefined && body !== undefined) {
            // openapi-fetch would send JSON.stringify(body). It is serialized once, here: what is checked is what
            // that text means, and that same text is sent — a `toJSON` or a getter answering differently on a
            // second call cannot send what was not checked.
            const text = JSON.stringify(body);
            checking = checkRequest(method, pathOf(url), text === undefined ? undefined : JSON.parse(text));
            sent = { ...init, bodySerializer: serializedAs(text) };
          } else {
            // The call's own serializer decides what is sent: the body is checked as given.
            checking = checkRequest(method, pathOf(url), body);
          }
        } catch (error) {
          return refused(error);
        }
        return checking ? checking.then(() => unchecked(url, sent), refused) : unchecked(url, sent);
      };
    }
    if (checkScopes) {
      const unchecked = call;
      call = (url, init) => checkScopes(method, pathOf(url)).then(() => unchecked(url, init));
    }
    return call;
  };
  const wrapSend = (method: string, send: Call): Call => {
    return (url, init) => {
      const unsafe = init?.pathSerializer === undefined ? unsafePathParam(url, init?.params) : undefined;
      if (unsafe) {
        return Promise.reject(
          new TypeError(`${method} ${pathOf(url)}: path parameter ${unsafe}; nothing was sent`),
        );
      }
      const parseAs = init?.parseAs ?? (textResponses[url]?.[method] ? "text" : "json");
      const ours = parseAs === "json" || parseAs === "text";
      let sent = ours ? { ...init, parseAs: "stream" } : init;
      if (typeof init?.fetch === "function") {
        const fetch = init.fetch as typeof globalThis.fetch;
        sent = { ...sent, fetch: createTransport({ ...transport, fetch }) };
      }
      const checkResponse = parseAs === "json" ? transport.validator?.response : undefined;
      const received = send(url, sent).then(
        ours ? (result) => parse(result, parseAs === "json", method) : undefined,
        (error: unknown) => {
          const signal = init?.signal as AbortSignal | undefined;
          // The caller's abort (its reason, from the transport) ends as a typed abort error.
          if (signal?.aborted && error === signal.reason) {
            throw new InstantlyAbortError({ method, path: redact.url(pathOf(url)), reason: error });
          }
          // Only our own classes are known clean: any other error may carry a `kind` of its own.
          if (isOwnError(error)) throw error;
          throw redact.error(error);
        },
      );
      if (!checkResponse) return received;
      return received.then((result) => {
        if (!result.response.ok) return result;
        const checking = checkResponse(method, pathOf(url), result.response.status, result.data);
        return checking ? checking.then(() => result) : result;
      });
    };
  };
  const wrapped: Record<string, unknown> = { ...client };
  for (const method of ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]) {
    wrapped[method] = wrap(method, client[method as "GET"] as unknown as Call);
  }
  const request = client.request as unknown as (
    method: string,
    url: string,
    init?: unknown,
  ) => Promise<Result>;
  wrapped.request = (method: string, url: string, init?: Record<string, unknown>) =>
    wrap(method.toUpperCase(), (u, i) => request(method, u, i))(url, init);
  return wrapped as unknown as InstantlyClient;
}

/**
 * A body serializer answering `text`, the body already serialized by `JSON.stringify`, where openapi-fetch's default
 * one would send JSON: a FormData body and an `application/x-www-form-urlencoded` call are still serialized by it.
 */
function serializedAs(text: string | undefined) {
  return (body: unknown, headers?: unknown): unknown => {
    if (typeof FormData !== "undefined" && body instanceof FormData) return body;
    if (contentTypeOf(headers) === "application/x-www-form-urlencoded") {
      return (defaultBodySerializer as (body: unknown, headers?: unknown) => unknown)(body, headers);
    }
    return text;
  };
}

/** The Content-Type openapi-fetch's default body serializer reads from the headers it is given. */
function contentTypeOf(headers: unknown): unknown {
  if (typeof headers !== "object" || headers === null) return undefined;
  const { get } = headers as { get?: unknown };
  if (typeof get === "function") {
    const read = (name: string) => (get as (name: string) => unknown).call(headers, name);
    return read("Content-Type") ?? read("content-type");
  }
  const record = headers as Record<string, unknown>;
  return record["Content-Type"] ?? record["content-type"];
}

function isOwnError(error: unknown): boolean {
  return isInstantlyError(error);
}

/**
 * Why a path parameter cannot be one segment of the path, if so. openapi-fetch puts `encodeURIComponent(value)`
 * in place of `{id}` (leaving `{id}` itself when the value is missing), which keeps `/`, `?`, `#` and `%`
 * inside the segment but not a whole dot segment: URL parsing resolves `/campaigns/..` to `/` and
 * `/campaigns/.` to `/campaigns/`, as an empty value does. Ids also come from servers (`contract:check`
 * calls detail operations with the ids its lists answered), so such a call is refused, not sent elsewhere.
 */
function unsafePathParam(url: string, params: unknown): string | undefined {
  const values = (params as { path?: Record<string, unknown> } | undefined)?.path;
  for (const [, name = ""] of pathOf(url).matchAll(/\{([^{}]+)\}/g)) {
    const value = values?.[name];
    if (value === undefined || value === null) return `\`${name}\` is missing`;
    if (value === "" || value === "." || value === "..") {
      return `\`${name}\` is ${JSON.stringify(value)}, which would leave the operation's path`;
    }
  }
  return undefined;
}

/**
 * The path template (`/api/v2/campaigns/{id}`) the call was made with: the values are the caller's own. A query
 * string or fragment a caller appended (JavaScript, or a cast) is cut off: the call is still that operation's
 * (openapi-fetch sends the query and the fetch drops the fragment), and it is looked up by this path for its
 * scopes, request body and response body alike.
 */
function pathOf(url: string): string {
  return url.split(/[?#]/)[0] ?? url;
}

const decoder = new TextDecoder();

function parse(result: Result, json: boolean, method: string): Result | Promise<Result> {
  const { data, response } = result;
  // openapi-fetch already answered: an error (body parsed by it) or no content (204, HEAD, Content-Length: 0).
  if (!response.ok || data === undefined) return result;
  const bytes = exchangeOf(response)?.body;
  // Without a buffered body (a middleware's onResponse replaced the response), read the stream openapi-fetch
  // gave.
  if (!bytes && data) {
    return new Response(data as ReadableStream).text().then((text) => parsed(text, response, json, method));
  }
  return parsed(bytes ? decoder.decode(bytes) : "", response, json, method);
}

function parsed(text: string, response: Response, json: boolean, method: string): Result {
  if (!json) return { data: text, response };
  try {
    return { data: text === "" ? undefined : JSON.parse(text), response };
  } catch {
    // The parser's message quotes part of the body: left out, since a fragment of the key is not redactable.
    throw new InstantlyNetworkError({
      method,
      path: response.url ? new URL(response.url).pathname : "",
      attempts: exchangeOf(response)?.attempts ?? 1,
      reason: `the ${response.status} response body is not valid JSON`,
      cause: undefined,
    });
  }
}
