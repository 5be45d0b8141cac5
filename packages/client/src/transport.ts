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
  /** Per-attempt timeout until the response headers arrive; 0 or undefined = none. */
  timeoutMs?: number;
}

/** What `unwrap()` needs to describe a failed response; the Response itself does not know its method. */
const requestMethods = new WeakMap<Response, string>();

export function methodOf(response: Response): string | undefined {
  return requestMethods.get(response);
}

/**
 * The `fetch` openapi-fetch calls: retries, timeouts and abort in one place, below openapi-fetch, so every
 * caller (GET/POST…, `request()`, `paginate()`, the React Query hooks) gets them, and each attempt can
 * re-send the body from a clone of the original Request.
 *
 * Kept lean on the success path: no clone for bodiless requests, no extra signal when there is no timeout.
 */
export function createTransport(
  options: TransportOptions,
): (input: Request, init?: RequestInit) => Promise<Response> {
  const { retry, timeoutMs } = options;
  return async function instantlyFetch(request, init) {
    const send = options.fetch ?? globalThis.fetch;
    const callerSignal = request.signal;
    const method = request.method;
    const reusable = request.body === null;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= retry.attempts;
      // A body can be read once: send a clone while the original must stay re-sendable.
      const outgoing = reusable || last ? request : request.clone();
      let response: Response;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let stopTimer: (() => void) | undefined;
      try {
        if (timeoutMs) {
          // One controller + one timer per attempt, cleared when the response headers arrive.
          // (AbortSignal.any + AbortSignal.timeout cost ~100 µs per request in Node; this costs ~2.)
          const controller = new AbortController();
          const onCallerAbort = () => controller.abort(callerSignal.reason);
          callerSignal.addEventListener("abort", onCallerAbort, { once: true });
          timer = setTimeout(
            () => controller.abort(new DOMException("request timed out", "TimeoutError")),
            timeoutMs,
          );
          stopTimer = () => callerSignal.removeEventListener("abort", onCallerAbort);
          response = await send(outgoing, { ...init, signal: controller.signal });
        } else {
          response = await send(outgoing, init);
        }
      } catch (error) {
        // The caller's abort ends everything; a network error or an attempt timeout is retried only
        // when re-sending is safe.
        if (callerSignal.aborted) throw callerSignal.reason;
        if (last || !isIdempotent(method)) throw error;
        await sleep(backoffDelay(attempt, retry), callerSignal);
        continue;
      } finally {
        clearTimeout(timer);
        stopTimer?.();
      }
      if (last || !isRetryableStatus(response.status, method)) {
        requestMethods.set(response, method);
        return response;
      }
      const wait =
        (response.status === 429 ? retryAfterDelay(response.headers.get("retry-after"), retry) : undefined) ??
        backoffDelay(attempt, retry);
      // Free the connection before waiting; the body of a response we drop is of no use.
      await response.body?.cancel().catch(() => {});
      await sleep(wait, callerSignal);
    }
  };
}
