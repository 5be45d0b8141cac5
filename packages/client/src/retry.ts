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

/** setTimeout fires at once for anything above 2^31 − 1 ms (~24.8 days): the largest usable wait. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Throws a RangeError naming `name` unless `value` is a number of milliseconds a timer can wait. */
export function checkMs(name: string, value: unknown): void {
  if (typeof value !== "number" || !(value >= 0 && value <= MAX_TIMER_MS)) {
    throw new RangeError(
      `${name} must be a number of milliseconds between 0 and ${MAX_TIMER_MS}, got ${typeof value === "number" ? value : typeof value}`,
    );
  }
}

/** `retry: false` means one attempt; partial options fill in from the defaults; bad values throw. */
export function retryPolicy(retry: RetryOptions | boolean | undefined): RetryPolicy {
  if (retry === false) return { ...DEFAULT_RETRY, attempts: 1 };
  if (retry === true || retry === undefined) return DEFAULT_RETRY;
  if (typeof retry !== "object" || retry === null) {
    throw new TypeError(
      "`retry` must be true, false or { attempts, baseDelayMs, maxDelayMs, maxRetryAfterMs }",
    );
  }
  const policy: RetryPolicy = { ...DEFAULT_RETRY };
  for (const key of Object.keys(DEFAULT_RETRY) as (keyof RetryPolicy)[]) {
    if (retry[key] !== undefined) policy[key] = retry[key];
  }
  const { attempts } = policy;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100) {
    throw new RangeError(`retry.attempts must be an integer from 1 to 100, got ${attempts}`);
  }
  checkMs("retry.baseDelayMs", policy.baseDelayMs);
  checkMs("retry.maxDelayMs", policy.maxDelayMs);
  checkMs("retry.maxRetryAfterMs", policy.maxRetryAfterMs);
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

/**
 * `Retry-After` as milliseconds from now, capped at `maxRetryAfterMs`; undefined (→ the backoff) when absent
 * or not one of RFC 9110's forms: delta-seconds (a fraction is tolerated) or an HTTP-date. The date is read
 * field by field, never with `Date.parse`, which accepts "-5", "foo 1" or "2099" as dates.
 */
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
    const date = httpDate(value);
    if (date === undefined) return undefined;
    delay = date - now;
  }
  return Math.min(Math.max(0, Math.ceil(delay)), policy.maxRetryAfterMs);
}

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT",
// asctime "Sun Nov  6 08:49:37 1994" (the three forms a recipient must accept).
const IMF_FIXDATE = /^[A-Z][a-z]{2}, (\d\d) ([A-Z][a-z]{2}) (\d{4}) (\d\d):(\d\d):(\d\d) GMT$/;
const RFC_850 = /^[A-Z][a-z]{5,8}, (\d\d)-([A-Z][a-z]{2})-(\d\d) (\d\d):(\d\d):(\d\d) GMT$/;
const ASCTIME = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/;

/** Milliseconds since the epoch of an HTTP-date, or undefined when it is not one (or not a real date). */
export function httpDate(value: string): number | undefined {
  let day: string, month: string, year: string, hours: string, minutes: string, seconds: string;
  let match = IMF_FIXDATE.exec(value) ?? RFC_850.exec(value);
  if (match) {
    [, day = "", month = "", year = "", hours = "", minutes = "", seconds = ""] = match;
    // RFC 850's two-digit year: the API is not older than 2000, and every such date is in the past anyway.
    if (year.length === 2) year = `20${year}`;
  } else {
    match = ASCTIME.exec(value);
    if (!match) return undefined;
    [, month = "", day = "", hours = "", minutes = "", seconds = "", year = ""] = match;
  }
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex % 3 !== 0) return undefined;
  const fields = [Number(year), monthIndex / 3, Number(day), Number(hours), Number(minutes), Number(seconds)];
  const time = Date.UTC(fields[0] ?? 0, fields[1] ?? 0, fields[2], fields[3], fields[4], fields[5]);
  const back = new Date(time);
  // Date.UTC rolls "31 Feb" or "25:00" over; a real date reads back field for field.
  const same = [
    back.getUTCFullYear(),
    back.getUTCMonth(),
    back.getUTCDate(),
    back.getUTCHours(),
    back.getUTCMinutes(),
    back.getUTCSeconds(),
  ].every((field, i) => field === fields[i]);
  return same ? time : undefined;
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
