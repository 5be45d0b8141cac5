import type { InstantlyScopeError } from "./scopes.js";
import { exchangeOf } from "./transport.js";

/** The error body the Instantly API sends with 4xx/5xx responses. */
export interface InstantlyErrorBody {
  statusCode?: number;
  error?: string;
  message?: string;
}

/**
 * Every error the client throws, told apart by `kind` (a caller's abort is not in here: the client rejects
 * with the caller's own `signal.reason`, the standard `AbortError` by default).
 * None holds the request, its headers or the API key; every text taken from a response is redacted.
 */
export type InstantlyError =
  | InstantlyApiError
  | InstantlyNetworkError
  | InstantlyTimeoutError
  | InstantlyPaginationError
  | InstantlyScopeError;

const REQUEST_ID_HEADERS = ["x-request-id", "x-amzn-requestid", "x-correlation-id", "cf-ray"];

/** Own enumerable fields (kind, status…) plus `message`; `cause` and `stack` stay out of JSON. */
function fieldsOf(error: Error): Record<string, unknown> {
  return { ...error, message: error.message };
}

/**
 * A non-2xx answer from the API (kind `"api"`). It holds only what identifies the failure — status, method,
 * path (no query string), the parsed error body, the request id — and never the request or its headers;
 * the body was redacted by the transport before anything parsed it, so the API key cannot leak through
 * `message`, `stack`, `toJSON()` or `util.inspect` even when the server echoes it.
 */
export class InstantlyApiError extends Error {
  override name = "InstantlyApiError";
  readonly kind = "api" as const;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly body: InstantlyErrorBody | string | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    method: string;
    path: string;
    body: InstantlyErrorBody | string | undefined;
    requestId?: string | undefined;
  }) {
    const detail =
      typeof init.body === "object" && init.body
        ? [init.body.error, init.body.message].filter(Boolean).join(": ")
        : typeof init.body === "string"
          ? init.body.slice(0, 200)
          : "";
    super(`${init.method} ${init.path} failed with ${init.status}${detail ? ` ${detail}` : ""}`);
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
    this.requestId = init.requestId;
  }

  toJSON(): Record<string, unknown> {
    return fieldsOf(this);
  }
}

/**
 * The exchange failed below HTTP (kind `"network"`): connection refused or reset, a body cut short
 * (truncated chunk, wrong `Content-Length`), or a 2xx body that is not the JSON it claims to be.
 * Thrown after the retries (idempotent methods only) are used up; `cause` is a redacted copy of the
 * underlying error.
 */
export class InstantlyNetworkError extends Error {
  override name = "InstantlyNetworkError";
  readonly kind = "network" as const;
  readonly method: string;
  readonly path: string;
  /** Attempts made, this one included. */
  readonly attempts: number;

  constructor(init: { method: string; path: string; attempts: number; reason: string; cause?: unknown }) {
    super(`${init.method} ${init.path} failed: ${init.reason}`, { cause: init.cause });
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
  }

  toJSON(): Record<string, unknown> {
    return fieldsOf(this);
  }
}

/**
 * An attempt did not complete — headers and the whole body — within `timeoutMs` (kind `"timeout"`).
 * Thrown after the retries (idempotent methods only) are used up.
 */
export class InstantlyTimeoutError extends Error {
  override name = "InstantlyTimeoutError";
  readonly kind = "timeout" as const;
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;
  /** Attempts made, this one included. */
  readonly attempts: number;

  constructor(init: { method: string; path: string; timeoutMs: number; attempts: number }) {
    super(`${init.method} ${init.path} timed out after ${init.timeoutMs} ms (attempt ${init.attempts})`);
    this.method = init.method;
    this.path = init.path;
    this.timeoutMs = init.timeoutMs;
    this.attempts = init.attempts;
  }

  toJSON(): Record<string, unknown> {
    return fieldsOf(this);
  }
}

/**
 * `paginate()` met a server that would make it loop or read garbage (kind `"pagination"`): a cursor seen
 * before (A→B→A), too many empty pages in a row that still hand out a cursor, a cursor that is neither a
 * string nor a number, or `items` that is not an array.
 */
export class InstantlyPaginationError extends Error {
  override name = "InstantlyPaginationError";
  readonly kind = "pagination" as const;
  /** `GET /api/v2/campaigns` */
  readonly operation: string;
  /** The offending cursor as text (redacted), if any. */
  readonly cursor: string | undefined;
  /** Pages fetched so far. */
  readonly pages: number;

  constructor(init: { operation: string; cursor: string | undefined; pages: number; reason: string }) {
    const cursor = init.cursor === undefined ? "" : ` (cursor ${JSON.stringify(init.cursor)})`;
    super(`paginate ${init.operation}: ${init.reason}${cursor} after ${init.pages} page(s)`);
    this.operation = init.operation;
    this.cursor = init.cursor;
    this.pages = init.pages;
  }

  toJSON(): Record<string, unknown> {
    return fieldsOf(this);
  }
}

/** Builds the error for a failed openapi-fetch result. */
export function apiErrorFrom(response: Response, body: unknown): InstantlyApiError {
  let requestId: string | undefined;
  for (const header of REQUEST_ID_HEADERS) {
    requestId = response.headers.get(header) ?? undefined;
    if (requestId) break;
  }
  return new InstantlyApiError({
    status: response.status,
    method: exchangeOf(response)?.method ?? "HTTP",
    path: response.url ? new URL(response.url).pathname : "",
    body:
      typeof body === "object" && body !== null ? (body as InstantlyErrorBody) : (body as string | undefined),
    requestId,
  });
}

type AnyResult = { data?: unknown; error?: unknown; response: Response };

/** The data of openapi-fetch's success branch. */
export type SuccessData<R extends AnyResult> = Extract<R, { error?: never }>["data"];

/**
 * Opt-in throwing: `const campaign = unwrap(await client.GET("/api/v2/campaigns/{id}", …))`.
 * The client itself returns `{ data, error, response }` exactly like openapi-fetch (the React Query hooks
 * and apps that branch on `error` rely on that); `unwrap` turns the error branch into an `InstantlyApiError`.
 */
export function unwrap<R extends AnyResult>(result: R): SuccessData<R> {
  if (result.error !== undefined || !result.response.ok) throw apiErrorFrom(result.response, result.error);
  return result.data as SuccessData<R>;
}
