/** When and how long to wait before re-sending a request. Pure functions; the transport applies them. */

export interface RetryOptions {
  /** Total attempts including the first (default 3). */
  attempts?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))] (default 300). */
  baseDelayMs?: number;
  /** Upper bound of one backoff wait (default 10 000). */
  maxDelayMs?: number;
  /** Upper bound of a wait asked for by `Retry-After` on a 429 (default 60 000). */
  maxRetryAfterMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({
  attempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
});

/** `retry: false` means one attempt; partial options fill in from the defaults. */
export function retryPolicy(retry: RetryOptions | boolean | undefined): RetryPolicy {
  if (retry === false) return { ...DEFAULT_RETRY, attempts: 1 };
  if (retry === true || retry === undefined) return DEFAULT_RETRY;
  const policy = { ...DEFAULT_RETRY, ...retry };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) {
    throw new RangeError("retry.attempts must be an integer ≥ 1");
  }
  return policy;
}

/**
 * Methods that may be re-sent after a 5xx or a network error: the request may have reached the server,
 * and re-sending a POST/PATCH could apply it twice (create two campaigns, send two emails).
 */
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method);
}

/** 429 is "not processed, come back later" for every method; 5xx only for idempotent ones (501: never). */
export function isRetryableStatus(status: number, method: string): boolean {
  if (status === 429) return true;
  return status >= 500 && status !== 501 && isIdempotent(method);
}

/** Exponential backoff with full jitter (spreads clients that failed together). `attempt` starts at 1. */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as milliseconds from now (delta-seconds or an HTTP date), capped; undefined if absent/invalid. */
export function retryAfterDelay(
  header: string | null,
  policy: RetryPolicy,
  now: number = Date.now(),
): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  let delay: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    delay = Number(value) * 1000;
  } else {
    const date = Date.parse(value);
    if (Number.isNaN(date)) return undefined;
    delay = date - now;
  }
  return Math.min(Math.max(0, Math.ceil(delay)), policy.maxRetryAfterMs);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts (a backoff never outlives an abort). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  if (!signal) return new Promise((resolve) => setTimeout(resolve, ms));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
