import { InstantlyNetworkError, InstantlyTimeoutError } from "./errors.js";
import type { Redactor } from "./redact.js";
import {
  backoffDelay,
  isIdempotent,
  isRetryableStatus,
  type RetryPolicy,
  retryAfterDelay,
  sleep,
} from "./retry.js";

export interface TransportOptions {
  /** The fetch to send with; resolved per call so test tools that patch `globalThis.fetch` late still work. */
  fetch?: typeof globalThis.fetch;
  retry: RetryPolicy;
  /** Per-attempt deadline for the whole exchange, response body included; 0 = none. */
  timeoutMs: number;
  /** Most bytes a response body may have; 0 = no limit. */
  maxResponseBytes: number;
  redact: Redactor;
}

/**
 * The controller behind the signal of each request built by our Request class, and the caller's signal.
 * The caller's signal is listened to only while an attempt runs (see `instantlyFetch`), never from the
 * Request constructor: a long-lived signal shared by many requests must not collect one listener per call.
 */
const ownSignals = new WeakMap<Request, { controller: AbortController; caller: AbortSignal | undefined }>();

/**
 * The `Request` class openapi-fetch builds requests with: each request gets a signal we control. The first
 * attempt can then be sent as is — `fetch(request)` with no init. Passing `{ signal }` to fetch instead makes
 * undici rebuild the Request from an init (and `AbortSignal.any`/`AbortSignal.timeout` cost ~20 µs):
 * measurable against a local round trip.
 */
export function createRequestClass(): typeof Request {
  return class InstantlyRequest extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      const controller = new AbortController();
      super(input, { ...init, signal: controller.signal });
      ownSignals.set(this, { controller, caller: init?.signal ?? undefined });
    }
  };
}

/** What the transport knows about a response it returned and the Response itself does not. */
export interface Exchange {
  method: string;
  /** Attempts it took, this one included. */
  attempts: number;
  /**
   * The body of a successful response, as read: the client's parser (client.ts) reads it from here once
   * instead of through the copy's stream (~15 µs a request). The copy keeps its own body too, so openapi-fetch
   * middleware and callers can still read `response` as usual.
   */
  body: ArrayBuffer | undefined;
}

// One WeakMap entry per response (each entry costs the garbage collector).
const exchanges = new WeakMap<Response, Exchange>();

export function exchangeOf(response: Response): Exchange | undefined {
  return exchanges.get(response);
}

// Statuses whose Response must have a null body.
const NULL_BODY = new Set([204, 205, 304]);

/**
 * The `fetch` openapi-fetch calls: retries, timeouts and abort in one place, below openapi-fetch, so every
 * caller (GET/POST…, `request()`, `paginate()`, the React Query hooks) gets them, and each attempt can
 * re-send the body from a clone of the original Request.
 *
 * An attempt is the whole exchange: the response body is read here, inside the attempt's deadline, so a
 * server that sends headers and then stalls (or resets mid-body) fails the attempt like any network error
 * and is retried when re-sending is safe. What is returned is a copy holding the body read, whose error body,
 * headers, status text and URL have had the API key redacted; the client parses a 2xx body from memory.
 */
export function createTransport(
  options: TransportOptions,
): (input: Request, init?: RequestInit) => Promise<Response> {
  const { retry, timeoutMs, maxResponseBytes, redact } = options;
  return async function instantlyFetch(request, init) {
    const send = options.fetch ?? globalThis.fetch;
    const own = ownSignals.get(request);
    // Without our Request class (a middleware replaced the request) the request's signal is the caller's.
    const caller = own ? own.caller : request.signal;
    const method = request.method;
    const path = () => redact.url(new URL(request.url).pathname);
    const reusable = request.body === null;
    for (let attempt = 1; ; attempt++) {
      if (caller?.aborted) throw caller.reason;
      const last = attempt >= retry.attempts;
      // A body can be read once: send a clone while the original must stay re-sendable.
      const outgoing = reusable || last ? request : request.clone();
      // The first attempt aborts the request's own signal; a retry (that signal may be aborted by the
      // first timeout) gets a fresh controller.
      const controller = attempt === 1 && own ? own.controller : new AbortController();
      let timedOut = false;
      // Rejects the wait in progress (headers or body): a custom fetch may ignore the signal.
      let stopWaiting: (reason: unknown) => void = () => {};
      const stop = (reason: unknown) => {
        controller.abort(reason);
        stopWaiting(reason);
      };
      const bounded = <T>(promise: Promise<T>) =>
        new Promise<T>((resolve, reject) => {
          stopWaiting = reject;
          if (controller.signal.aborted) reject(controller.signal.reason);
          promise.then(resolve, reject);
        });
      const onCallerAbort = () => stop(caller?.reason);
      caller?.addEventListener("abort", onCallerAbort);
      const timer = timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            stop(new DOMException("attempt timed out", "TimeoutError"));
          }, timeoutMs)
        : undefined;
      let response: Response;
      let retryNow: boolean;
      try {
        response = await bounded(
          send(outgoing, controller === own?.controller ? init : { ...init, signal: controller.signal }),
        );
        retryNow = !last && isRetryableStatus(response.status, method);
        if (retryNow) {
          // Free the connection; the body of a response we drop is of no use. Not awaited: some fetch
          // implementations (msw's interceptor in Node) never settle a cancel(), and nothing depends on it.
          response.body?.cancel().catch(() => {});
        } else {
          const body = response.body ? await bounded(readBody(response, maxResponseBytes)) : null;
          response = buffered(response, body, redact);
          exchanges.set(response, {
            method,
            attempts: attempt,
            body: body && response.ok ? body : undefined,
          });
        }
      } catch (error) {
        // The caller's abort ends everything; a network error or an attempt timeout is retried only
        // when re-sending is safe.
        if (caller?.aborted) throw caller.reason;
        if (last || !isIdempotent(method) || error instanceof BodyTooLarge) {
          throw timedOut
            ? new InstantlyTimeoutError({ method, path: path(), timeoutMs, attempts: attempt })
            : new InstantlyNetworkError({
                method,
                path: path(),
                attempts: attempt,
                reason: redact.text(describe(error)),
                cause: redact.error(error),
                bodyTooLarge: error instanceof BodyTooLarge,
              });
        }
        await sleep(backoffDelay(attempt, retry), caller);
        continue;
      } finally {
        clearTimeout(timer);
        caller?.removeEventListener("abort", onCallerAbort);
      }
      if (!retryNow) return response;
      const wait =
        (response.status === 429 ? retryAfterDelay(response.headers.get("retry-after"), retry) : undefined) ??
        backoffDelay(attempt, retry);
      await sleep(wait, caller);
    }
  };
}

/** A response body over `maxResponseBytes`: the attempt fails, and is not retried (the next would be as large). */
class BodyTooLarge extends Error {
  constructor(max: number) {
    const MiB = 1024 * 1024;
    super(
      `the response body is larger than ${max % MiB === 0 ? `${max / MiB} MiB` : `${max} bytes`} (maxResponseBytes)`,
    );
  }
}

/**
 * The body, read to the end unless it is larger than `max` bytes (0: no limit): then the stream is cancelled —
 * closing the connection — and BodyTooLarge thrown, at once when the Content-Length says so.
 */
async function readBody(response: Response, max: number): Promise<ArrayBuffer> {
  if (max === 0 || response.body === null) return response.arrayBuffer();
  if (Number(response.headers.get("content-length")) > max) {
    response.body.cancel().catch(() => {});
    throw new BodyTooLarge(max);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      reader.cancel().catch(() => {});
      throw new BodyTooLarge(max);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body.buffer;
}

/** `fetch failed (ECONNREFUSED)`, `terminated (other side closed)`: the error and its first cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const detail = cause ? ((cause as { code?: string }).code ?? cause.message) : "";
  return detail && detail !== error.message ? `${error.message} (${detail})` : error.message;
}

/**
 * The response openapi-fetch parses: the body already read, and — for an error status — the key redacted
 * from the body (as JSON, so an echo written with `\u` escapes is caught too). A successful body is handed
 * over byte for byte. Headers (values, and names: one holding the key is dropped), status text and URL are
 * redacted in any case. Throws (→ a network error)
 * when the status cannot be a Response's (outside 200–599).
 */
function buffered(response: Response, body: ArrayBuffer | null, redact: Redactor): Response {
  let bytes: BodyInit | null = NULL_BODY.has(response.status) ? null : body;
  let headers = response.headers;
  if (body && bytes && !response.ok) {
    const text = new TextDecoder().decode(body);
    let clean: string;
    try {
      const parsed: unknown = JSON.parse(text);
      const redacted = redact.json(parsed);
      clean = redacted === parsed ? text : JSON.stringify(redacted);
    } catch {
      clean = redact.text(text);
    }
    if (clean !== text) {
      bytes = clean;
      headers = new Headers(headers);
      headers.delete("content-length");
    }
  }
  const entries = [...headers];
  if (entries.some(([name, value]) => redact.text(value) !== value || redact.inHeaderName(name))) {
    // Appended one by one: several `set-cookie` headers stay several. A header named after the key is dropped.
    headers = new Headers();
    for (const [name, value] of entries) {
      if (!redact.inHeaderName(name)) headers.append(name, redact.text(value));
    }
  }
  const copy = new Response(bytes, {
    status: response.status,
    statusText: redact.text(response.statusText),
    headers,
  });
  Object.defineProperties(copy, {
    url: { value: redact.url(response.url) },
    redirected: { value: response.redirected },
  });
  return copy;
}
