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
});
