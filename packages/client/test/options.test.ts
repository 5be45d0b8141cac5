// Issue 8 §2–3: bad options are refused up front, with one line that never repeats the key or the URL.

import { json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createInstantlyClient } from "../src/index.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** The error createInstantlyClient throws (or undefined), checked to be one line that does not quote `secret`. */
function refusal(options: Record<string, unknown>, secret: string): Error | undefined {
  try {
    createInstantlyClient({ apiKey: "sk_valid_key", ...options } as Parameters<
      typeof createInstantlyClient
    >[0]);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    if (secret.trim()) {
      expect(message).not.toContain(secret.trim());
      expect((error as Error).stack).not.toContain(secret.trim());
    }
    return error as Error;
  }
}

describe("apiKey", () => {
  test.each([
    ["a newline inside", "sk_live_abc\ndef"],
    ["a carriage return inside", "sk_live_abc\r\nX-Injected: 1"],
    ["a space inside", "sk_live_abc def"],
    ["a tab inside", "sk_live_abc\tdef"],
    ["the Bearer prefix", "Bearer sk_live_abcdef"],
    ["a NUL", "sk_live_abc\u0000def"],
    ["a DEL", "sk_live_abc\u007fdef"],
    ["a non-ASCII letter", "sk_live_abcdéf"],
    ["a non-breaking space inside", "sk_live_abc\u00a0def"],
  ])("refused: %s", (_, apiKey) => {
    const error = refusal({ apiKey }, apiKey);
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).toMatch(
      /^createInstantlyClient: `apiKey` has a whitespace, control or non-ASCII character at position \d+/,
    );
  });

  test.each(["", "   ", undefined, 42])("refused: missing (%j)", (apiKey) => {
    expect(refusal({ apiKey }, "")?.message).toBe("createInstantlyClient: `apiKey` is required");
  });

  test("surrounding whitespace (a key read from a file) is trimmed, and the trimmed key is sent", async () => {
    server.route("GET /api/v2/campaigns/c1", (_, res) => json(res, 200, { id: "c1" }));
    const client = createInstantlyClient({ apiKey: "  sk_live_$pecial.*key\n", baseUrl: server.baseUrl });
    await client.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } });
    expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer sk_live_$pecial.*key");
  });
});

describe("baseUrl", () => {
  test.each([
    ["user and password", "https://me:hunter2secret@api.instantly.ai", "hunter2secret", /credentials/],
    ["a user only", "https://hunter2secret@api.instantly.ai", "hunter2secret", /credentials/],
    ["credentials, protocol-relative", "//me:hunter2secret@api.instantly.ai", "hunter2secret", /credentials/],
    ["a key in the query", "https://api.instantly.ai?api_key=hunter2secret", "hunter2secret", /query string/],
    ["a fragment", "https://api.instantly.ai/#hunter2secret", "hunter2secret", /fragment/],
    ["another scheme", "ftp://api.instantly.ai", "ftp://api.instantly.ai", /http\(s\)/],
    ["not a URL", "http://[hunter2secret", "hunter2secret", /not a URL/],
    // The docs show calls as https://api.instantly.ai/api/v2/…: every path of the spec already starts with it.
    ["the API's path prefix", "https://api.instantly.ai/api/v2", "api.instantly.ai/api/v2", /\/api\/v2/],
    ["the prefix with a slash", "https://api.instantly.ai/api/v2/", "api.instantly.ai/api/v2/", /\/api\/v2/],
    ["the prefix behind a proxy", "/proxy/API/V2", "/proxy/API/V2", /\/api\/v2/],
  ])("refused: %s", (_, baseUrl, secret, reason) => {
    const error = refusal({ baseUrl }, secret);
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).toMatch(reason);
    expect(error?.message).not.toContain(baseUrl);
  });

  test.each([
    ["https://api.instantly.ai"],
    ["https://api.instantly.ai/"],
    ["http://127.0.0.1:8080/prefix"],
    ["/proxy"],
    ["https://proxy.example/api/v2-mirror"],
    ["https://proxy.example/api/v2/x"],
  ])("accepted: %s", (baseUrl) => {
    expect(refusal({ baseUrl }, "")).toBeUndefined();
  });
});

describe("maxResponseBytes", () => {
  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "1000", null])(
    "%s is refused",
    (max) => {
      expect(refusal({ maxResponseBytes: max }, "")).toBeInstanceOf(RangeError);
    },
  );

  test.each([0, 1, 64 * 1024 * 1024, 2 ** 40])("%s is accepted", (max) => {
    expect(refusal({ maxResponseBytes: max }, "")).toBeUndefined();
  });
});

describe("timeoutMs and retry", () => {
  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, "1000", null])(
    "timeoutMs %s is refused",
    (timeoutMs) => {
      expect(refusal({ timeoutMs }, "")).toBeInstanceOf(RangeError);
    },
  );

  test.each([0, 1, 30_000, 2 ** 31 - 1])("timeoutMs %s is accepted", (timeoutMs) => {
    expect(refusal({ timeoutMs }, "")).toBeUndefined();
  });

  test.each([
    [{ attempts: 0 }, /retry\.attempts/],
    [{ attempts: 1.5 }, /retry\.attempts/],
    [{ attempts: 101 }, /retry\.attempts/],
    [{ attempts: "3" }, /retry\.attempts/],
    [{ baseDelayMs: -1 }, /retry\.baseDelayMs/],
    [{ baseDelayMs: Number.NaN }, /retry\.baseDelayMs/],
    [{ maxDelayMs: Number.POSITIVE_INFINITY }, /retry\.maxDelayMs/],
    [{ maxRetryAfterMs: 2 ** 31 }, /retry\.maxRetryAfterMs/],
    [{ maxRetryAfterMs: "60s" }, /retry\.maxRetryAfterMs/],
  ])("retry %j is refused", (retry, reason) => {
    const error = refusal({ retry }, "");
    expect(error).toBeInstanceOf(RangeError);
    expect(error?.message).toMatch(reason);
  });

  test.each([[5], ["yes"], [null]])("retry: %j (not a boolean or an object) is refused", (retry) => {
    expect(refusal({ retry }, "")).toBeInstanceOf(TypeError);
  });

  test("explicit undefined options fall back to the defaults", () => {
    expect(
      refusal({ retry: { attempts: undefined, baseDelayMs: undefined }, timeoutMs: undefined }, ""),
    ).toBeUndefined();
  });
});
