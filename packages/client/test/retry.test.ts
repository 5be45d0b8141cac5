import { describe, expect, test } from "vitest";
import {
  backoffDelay,
  DEFAULT_RETRY,
  isRetryableStatus,
  retryAfterDelay,
  retryPolicy,
} from "../src/retry.js";

describe("isRetryableStatus", () => {
  test.each([
    [429, "POST", true],
    [429, "PATCH", true],
    [429, "GET", true],
    [500, "GET", true],
    [503, "PUT", true],
    [502, "DELETE", true],
    [500, "POST", false],
    [503, "PATCH", false],
    [501, "GET", false],
    [404, "GET", false],
    [400, "POST", false],
  ])("%i %s → %s", (status, method, expected) => {
    expect(isRetryableStatus(status, method)).toBe(expected);
  });
});

describe("retryAfterDelay", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  test.each([
    ["2", 2000],
    ["0", 0],
    ["1.5", 1500],
    ["Thu, 01 Jan 2026 00:00:10 GMT", 10_000],
    ["Wed, 31 Dec 2025 23:59:00 GMT", 0],
    ["3600", DEFAULT_RETRY.maxRetryAfterMs],
  ])("%s → %i ms", (header, expected) => {
    expect(retryAfterDelay(header, DEFAULT_RETRY, now)).toBe(expected);
  });
  test("absent or unparsable → undefined (fall back to backoff)", () => {
    expect(retryAfterDelay(null, DEFAULT_RETRY, now)).toBeUndefined();
    expect(retryAfterDelay("soon", DEFAULT_RETRY, now)).toBeUndefined();
  });
  test.each([
    // the three HTTP-date forms RFC 9110 makes a recipient accept
    ["Thu, 01 Jan 2026 00:00:10 GMT", 10_000],
    ["Thursday, 01-Jan-26 00:00:10 GMT", 10_000],
    ["Thu Jan  1 00:00:10 2026", 10_000],
    ["  7  ", 7000],
    ["99999999999999999999", DEFAULT_RETRY.maxRetryAfterMs],
    ["Fri, 01 Jan 2100 00:00:00 GMT", DEFAULT_RETRY.maxRetryAfterMs],
  ])("HTTP form %j → %i ms", (header, expected) => {
    expect(retryAfterDelay(header, DEFAULT_RETRY, now)).toBe(expected);
  });
  // Each of these is accepted by Date.parse (V8's legacy parser) — as a date in 2001 (→ retry at once,
  // hammering the server) or far in the future (→ the longest wait) — but none is an HTTP-date or a
  // delta-seconds: they mean nothing, so the backoff applies.
  test.each([
    "-5",
    "-1",
    "foo 1",
    "1 2",
    "Tue 5",
    "12/25",
    "Jan 1 2099",
    "2026-01-01T00:00:10Z",
    "9999-12-31",
    "Thu, 01 Jan 2026 00:00:10", // no GMT
    "thu, 01 jan 2026 00:00:10 gmt",
    "Thu, 31 Feb 2026 00:00:10 GMT", // no such day
    "Thu, 01 Jan 2026 25:00:10 GMT", // no such hour
    "Thu, 01 Foo 2026 00:00:10 GMT",
    "1e3",
    "0x10",
    "Infinity",
    "NaN",
    "",
    "  ",
    "1,000",
    "+5",
  ])("garbage, negative or lenient date %j → undefined (backoff)", (header) => {
    expect(retryAfterDelay(header, DEFAULT_RETRY, now)).toBeUndefined();
  });
});

describe("backoffDelay (full jitter)", () => {
  test("lies in [0, min(max, base·2^(n-1))]", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
  });
});

describe("retryPolicy", () => {
  test("on by default, off with false, partial options filled from defaults", () => {
    expect(retryPolicy(undefined)).toEqual(DEFAULT_RETRY);
    expect(retryPolicy(false).attempts).toBe(1);
    expect(retryPolicy({ attempts: 5 })).toEqual({ ...DEFAULT_RETRY, attempts: 5 });
    expect(() => retryPolicy({ attempts: 0 })).toThrow(RangeError);
  });
  test("explicit undefined fields keep the defaults (today they erase them: NaN delays)", () => {
    expect(retryPolicy({ attempts: 2, baseDelayMs: undefined })).toEqual({ ...DEFAULT_RETRY, attempts: 2 });
  });
});
