import { InstantlyScopeError } from "./scopes.js";
import { exchangeOf } from "./transport.js";

/** The error body the Instantly API sends with 4xx/5xx responses. */
export interface InstantlyErrorBody {
  statusCode?: number;
  error?: string;
  message?: string;
}

/**
 * The body an operation's errors may carry: the bodies the spec documents for its 4xx/5xx responses
 * (`ErrorBody<"op">` from @instantly-kit/types), or {@link InstantlyErrorBody} when it documents none.
 */
export type ApiErrorBody<TBody = InstantlyErrorBody> = [TBody] extends [never] ? InstantlyErrorBody : TBody;

/**
 * Every error a call can end with, told apart by `kind` — the one error model of the kit (the React Query
 * hooks type `error` with it, each with its operation's documented error bodies):
 * `"api"` (a non-2xx answer), `"network"`, `"timeout"`, `"abort"` (the caller's signal), `"pagination"`
 * (`paginate()` met a misbehaving server), `"missing-provider"` (a hook rendered without
 * `<InstantlyProvider>`), `"validation"` (a body does not match its
 * operation's schema, with `validate`), `"scope"` (the key's declared
 * `scopes` do not allow the call; nothing was sent).
 * None holds the request, its headers or the API key; every text taken from a response is redacted.
 */
export type InstantlyError<TBody = InstantlyErrorBody> =
  | InstantlyApiError<ApiErrorBody<TBody>>
  | InstantlyNetworkError
  | InstantlyTimeoutError
  | InstantlyAbortError
  | InstantlyPaginationError
  | InstantlyMissingProviderError
  | InstantlyValidationError
  | InstantlyScopeError;

/** Every `kind` of {@link InstantlyError}. */
export type InstantlyErrorKind = InstantlyError["kind"];

/** Whether `error` is one of the kit's errors (any kind). */
export function isInstantlyError(error: unknown): error is InstantlyError {
  return (
    error instanceof InstantlyApiError ||
    error instanceof InstantlyNetworkError ||
    error instanceof InstantlyTimeoutError ||
    error instanceof InstantlyAbortError ||
    error instanceof InstantlyPaginationError ||
    error instanceof InstantlyMissingProviderError ||
    error instanceof InstantlyValidationError ||
    error instanceof InstantlyScopeError
  );
}

const REQUEST_ID_HEADERS = ["x-request-id", "x-amzn-requestid", "x-correlation-id", "cf-ray"];

/** Own enumerable fields (kind, status…) plus `message`; `cause` and `stack` stay out of JSON. */
function fieldsOf(error: Error): Record<string, unknown> {
  return { ...error, message: error.message };
}

/** Characters of a server's text (an error body's `error: message`) in an error's message; `body` keeps it all. */
const SERVER_TEXT = 200;

/**
 * A server's text as one line of a message: the characters that end a line or drive a terminal — C0 and C1
 * controls (ESC starts an ANSI sequence, U+009B is one), DEL, U+2028, U+2029 — as spaces, and cut at
 * {@link SERVER_TEXT} characters. An app logs `error.message` to a terminal; the server chose the text. Spaces,
 * not escapes: no character of a key, which is visible ASCII, is added, so the redacted text stays redacted.
 */
function serverText(text: string): string {
  // Enough UTF-16 units for SERVER_TEXT whole characters, read from a text that may be megabytes.
  const head = text.slice(0, SERVER_TEXT * 2 + 2).replace(/[\p{Cc}\u2028\u2029]/gu, " ");
  const chars = [...head];
  return chars.length > SERVER_TEXT || head.length < text.length
    ? `${chars.slice(0, SERVER_TEXT).join("")}…`
    : head;
}

/**
 * A non-2xx answer from the API (kind `"api"`). It holds only what identifies the failure — status, method,
 * path (no query string), the parsed error body, the request id — and never the request or its headers;
 * the body was redacted by the transport before anything parsed it, so the API key cannot leak through
 * `message`, `stack`, `toJSON()` or `util.inspect` even when the server echoes it.
 */
export class InstantlyApiError<TBody = InstantlyErrorBody> extends Error {
  override name = "InstantlyApiError";
  readonly kind = "api" as const;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  /**
   * The parsed JSON error body — typed by the operation's documented error bodies in the hooks — or the
   * text of a body that is not JSON (a proxy's HTML page), or `undefined` when there is none.
   */
  readonly body: TBody | string | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    method: string;
    path: string;
    body: TBody | string | undefined;
    requestId?: string | undefined;
  }) {
    const fields = init.body as InstantlyErrorBody | string | undefined;
    const detail = serverText(
      typeof fields === "object" && fields
        ? [fields.error, fields.message].filter((part) => typeof part === "string" && part).join(": ")
        : typeof fields === "string"
          ? fields
          : "",
    );
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
  /**
   * The response body was larger than the client's `maxResponseBytes`: not retried, since a repeat would be as
   * large (a query's retry rule reads this too).
   */
  readonly bodyTooLarge: boolean;

  constructor(init: {
    method: string;
    path: string;
    attempts: number;
    reason: string;
    cause?: unknown;
    bodyTooLarge?: boolean;
  }) {
    super(`${init.method} ${init.path} failed: ${init.reason}`, { cause: init.cause });
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
    this.bodyTooLarge = init.bodyTooLarge ?? false;
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

/**
 * The caller aborted the call through its `signal` (kind `"abort"`) — before it was sent, while waiting, or
 * between retries. `reason` is the signal's reason as given (the standard `AbortError` `DOMException` by
 * default, or a `TimeoutError` for `AbortSignal.timeout()`). Named `AbortError` like the platform's, so the
 * usual `error.name === "AbortError"` checks keep working.
 */
export class InstantlyAbortError extends Error {
  override name = "AbortError";
  readonly kind = "abort" as const;
  readonly method: string;
  readonly path: string;
  /** The caller's `signal.reason`. */
  readonly reason: unknown;

  constructor(init: { method: string; path: string; reason: unknown }) {
    super(`${init.method} ${init.path} was aborted by the caller`, { cause: init.reason });
    this.method = init.method;
    this.path = init.path;
    this.reason = init.reason;
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind, name: this.name, method: this.method, path: this.path, message: this.message };
  }
}

/**
 * A hook ran with no client to call through (kind `"missing-provider"`): no `<InstantlyProvider>` above it
 * and no `request.client` passed. @instantly-kit/react-query throws its subclass `MissingInstantlyClientError`;
 * the class lives here so the one error union can name it.
 */
export class InstantlyMissingProviderError extends Error {
  override name = "InstantlyMissingProviderError";
  readonly kind = "missing-provider" as const;

  toJSON(): Record<string, unknown> {
    return fieldsOf(this);
  }
}

/** One way a body differs from its operation's schema (see {@link InstantlyValidationError}). */
export interface ValidationViolation {
  /** JSON path into the body, `$` for the body itself: `$.items[0].status` (property names redacted). */
  readonly path: string;
  /** What the spec promises there: `number`, `one of 1, 2, 3`, `string (email)`, `required string`… */
  readonly expected: string;
  /** What was there: a type (`string`, `null`, `missing`…), or the value itself for an unknown enum value. */
  readonly got: string;
  /** How many places had this violation (`items[0]`, `items[1]`… are counted once, under the first path). */
  readonly count: number;
  /** Only with `validate.samples`: the value found, redacted and cut to 80 characters. */
  readonly sample?: string;
}

/** Violations listed in the message; all of them are in `violations`. */
const MESSAGE_VIOLATIONS = 20;
/**
 * Characters of a violation's path, expected and got in the message, each cut with `…` past it (`violations`
 * keeps them whole): a server's property names (map keys) can be of any length, and so could the message — a
 * dev console's warning, an app's log line — without this. Each is redacted whole before it is cut.
 */
const MESSAGE_PART = 200;

function cut(text: string): string {
  if (text.length <= MESSAGE_PART) return text;
  const chars = [...text];
  return chars.length > MESSAGE_PART ? `${chars.slice(0, MESSAGE_PART).join("")}…` : text;
}

/**
 * A request or response body that does not match its operation's schema (kind `"validation"`), from a client
 * created with `validate`. A request one is thrown before anything is sent. It names the operation, the status
 * and every violation (`$.items[0].status: expected one of 1, 2, got 7`); it holds no body, and values only as
 * `sample`s when `validate.samples` asks for them — redacted like everything taken from a response.
 */
export class InstantlyValidationError extends Error {
  override name = "InstantlyValidationError";
  readonly kind = "validation" as const;
  /** The operationId, e.g. `listCampaign`. */
  readonly operation: string;
  readonly method: string;
  /** The path template, e.g. `/api/v2/campaigns/{id}`. */
  readonly path: string;
  /** Which body: the request's (nothing was sent) or the response's. */
  readonly side: "request" | "response";
  /** The response status (`undefined` for a request). */
  readonly status: number | undefined;
  /** Where the mismatch is: `request body`, `response 200`. */
  readonly at: string;
  readonly violations: readonly ValidationViolation[];

  constructor(init: {
    operation: string;
    method: string;
    path: string;
    side: "request" | "response";
    status?: number | undefined;
    violations: readonly ValidationViolation[];
  }) {
    const at = init.side === "request" ? "request body" : `response ${init.status}`;
    const { violations } = init;
    const lines = violations.slice(0, MESSAGE_VIOLATIONS).map((violation) => {
      const times = violation.count > 1 ? ` (×${violation.count})` : "";
      return `\n  ${cut(violation.path)}: expected ${cut(violation.expected)}, got ${cut(violation.got)}${times}`;
    });
    const more =
      violations.length > MESSAGE_VIOLATIONS ? `\n  … ${violations.length - MESSAGE_VIOLATIONS} more` : "";
    super(
      `${init.operation} (${init.method} ${init.path}): ${at} does not match the spec (${violations.length} violation${violations.length === 1 ? "" : "s"}):${lines.join("")}${more}`,
    );
    this.operation = init.operation;
    this.method = init.method;
    this.path = init.path;
    this.side = init.side;
    this.status = init.status;
    this.at = at;
    this.violations = violations;
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
