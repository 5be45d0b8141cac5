import { inspect } from "node:util";
import {
  apiError,
  failing,
  json,
  pageOf,
  STALL_TIMEOUT_MS,
  startServer,
  type TestServer,
} from "@instantly-kit/test-support/http-server";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  createInstantlyClient,
  InstantlyAbortError,
  InstantlyApiError,
  isInstantlyError,
  paginate,
  unwrap,
} from "../src/index.js";

const API_KEY = "ik_test_5f1c0ffee-secret-key";
// Fast retries for tests; the policy itself (defaults, jitter bounds) is covered in retry.test.ts.
const fastRetry = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = (options: Partial<Parameters<typeof createInstantlyClient>[0]> = {}) =>
  createInstantlyClient({ apiKey: API_KEY, baseUrl: server.baseUrl, retry: fastRetry, ...options });

const campaign = (id: string) => ({ id, name: `Campaign ${id}` });

describe("transport", () => {
  test("sends the API key as a Bearer token, plus custom headers", async () => {
    server.route("GET /api/v2/campaigns/c1", (_, res) => json(res, 200, campaign("c1")));
    const { data, error } = await client({ headers: { "x-app": "dashboard" } }).GET(
      "/api/v2/campaigns/{id}",
      {
        params: { path: { id: "c1" } },
      },
    );
    expect(error).toBeUndefined();
    expect(data).toEqual(campaign("c1"));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(server.requests[0]?.headers["x-app"]).toBe("dashboard");
  });

  test("the API key cannot be overridden by custom headers", async () => {
    server.route("GET /api/v2/campaigns/c1", (_, res) => json(res, 200, campaign("c1")));
    await client({ headers: { Authorization: "Bearer other" } }).GET("/api/v2/campaigns/{id}", {
      params: { path: { id: "c1" } },
    });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  test("requires an API key", () => {
    expect(() => createInstantlyClient({ apiKey: "" })).toThrow(/apiKey/);
  });

  test("429 with Retry-After (seconds) is retried after the delay, then succeeds", async () => {
    server.route(
      "GET /api/v2/campaigns/c1",
      failing(1, 429, (_, res) => json(res, 200, campaign("c1")), { "retry-after": "1" }),
    );
    const started = performance.now();
    const { data } = await client().GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } });
    const elapsed = performance.now() - started;
    expect(data).toEqual(campaign("c1"));
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
  });

  test("429 is retried for a POST too, re-sending the same body; Retry-After as an HTTP date", async () => {
    const body = { label: "Hot", interest_status_label: "positive" as const };
    server.route(
      "POST /api/v2/lead-labels",
      failing(1, 429, (req, res) => json(res, 200, { id: "l1", ...JSON.parse(req.body) }), {
        "retry-after": new Date(Date.now() - 1000).toUTCString(),
      }),
    );
    const { data } = await client().POST("/api/v2/lead-labels", { body });
    expect(data).toMatchObject({ id: "l1", label: "Hot" });
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([body, body]);
  });

  test("a Retry-After longer than maxRetryAfterMs is capped", async () => {
    server.route(
      "GET /api/v2/campaigns/c1",
      failing(1, 429, (_, res) => json(res, 200, campaign("c1")), { "retry-after": "3600" }),
    );
    const started = performance.now();
    const { data } = await client({ retry: { ...fastRetry, maxRetryAfterMs: 50 } }).GET(
      "/api/v2/campaigns/{id}",
      {
        params: { path: { id: "c1" } },
      },
    );
    expect(data).toEqual(campaign("c1"));
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  test("POST + 500 is not retried (it may have been applied)", async () => {
    server.route("POST /api/v2/lead-labels", (_, res) => apiError(res, 500, "Internal Server Error", "boom"));
    const { data, error, response } = await client().POST("/api/v2/lead-labels", {
      body: { label: "Hot", interest_status_label: "positive" },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(500);
    expect(error).toMatchObject({ statusCode: 500, message: "boom" });
    expect(server.requests).toHaveLength(1);
  });

  test("GET + 503 is retried until it succeeds", async () => {
    server.route(
      "GET /api/v2/campaigns/c1",
      failing(2, 503, (_, res) => json(res, 200, campaign("c1"))),
    );
    const { data } = await client().GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } });
    expect(data).toEqual(campaign("c1"));
    expect(server.requests).toHaveLength(3);
  });

  test("attempts are bounded: the last 503 is returned", async () => {
    server.route("GET /api/v2/campaigns/c1", (_, res) => apiError(res, 503, "Service Unavailable", "down"));
    const { error, response } = await client().GET("/api/v2/campaigns/{id}", {
      params: { path: { id: "c1" } },
    });
    expect(response.status).toBe(503);
    expect(error).toMatchObject({ message: "down" });
    expect(server.requests).toHaveLength(fastRetry.attempts);
  });

  test("retry: false sends once", async () => {
    server.route("GET /api/v2/campaigns/c1", (_, res) => apiError(res, 503, "Service Unavailable", "down"));
    await client({ retry: false }).GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } });
    expect(server.requests).toHaveLength(1);
  });

  test("a network error on a GET is retried", async () => {
    let calls = 0;
    server.route("GET /api/v2/campaigns/c1", (_, res) => {
      if (calls++ === 0) return void res.socket?.destroy();
      json(res, 200, campaign("c1"));
    });
    const { data } = await client().GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } });
    expect(data).toEqual(campaign("c1"));
    expect(server.requests).toHaveLength(2);
  });

  test("the per-attempt timeout fires", async () => {
    server.route("GET /api/v2/campaigns/c1", () => {}); // never answers
    const started = performance.now();
    const call = client({ timeoutMs: STALL_TIMEOUT_MS, retry: false }).GET("/api/v2/campaigns/{id}", {
      params: { path: { id: "c1" } },
    });
    await expect(call).rejects.toMatchObject({ name: "InstantlyTimeoutError", kind: "timeout" });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(server.requests).toHaveLength(1);
  });

  test("a timed-out GET is retried, each attempt with its own timeout", async () => {
    server.route("GET /api/v2/campaigns/c1", () => {});
    await expect(
      client({ timeoutMs: STALL_TIMEOUT_MS }).GET("/api/v2/campaigns/{id}", {
        params: { path: { id: "c1" } },
      }),
    ).rejects.toMatchObject({ name: "InstantlyTimeoutError", kind: "timeout" });
    expect(server.requests).toHaveLength(fastRetry.attempts);
  });

  test("the caller's AbortSignal stops everything, including a backoff wait", async () => {
    server.route("GET /api/v2/campaigns/c1", (_, res) => apiError(res, 503, "Service Unavailable", "down"));
    const controller = new AbortController();
    const slowRetry = { attempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 };
    const started = performance.now();
    const call = client({ retry: slowRetry }).GET("/api/v2/campaigns/{id}", {
      params: { path: { id: "c1" } },
      signal: controller.signal,
    });
    // Abort once the first 503 has been answered, i.e. during the backoff.
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(20_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(1);
  });

  test.each([
    ["before sending (signal already aborted)", "before"],
    ["while waiting for the answer", "in-flight"],
    ["during a backoff wait between retries", "backoff"],
    ["inside paginate()", "paginate"],
  ])("an abort %s ends as an InstantlyAbortError of kind abort carrying the reason", async (_, when) => {
    const reason = new Error("user left the page");
    if (when === "backoff")
      server.route("GET /api/v2/campaigns/c1", (_, res) => apiError(res, 503, "Service Unavailable", "down"));
    else if (when === "paginate") server.route("GET /api/v2/campaigns", () => {});
    else server.route("GET /api/v2/campaigns/c1", () => {}); // never answers
    const controller = new AbortController();
    if (when === "before") controller.abort(reason);
    const c = client({ retry: { attempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const call =
      when === "paginate"
        ? (async () => {
            for await (const _ of paginate(c, "/api/v2/campaigns", { signal: controller.signal })) {
              // never reached: the first page never comes
            }
          })()
        : c.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } }, signal: controller.signal });
    if (when !== "before") {
      while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort(reason);
    }
    const error = await call.then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(InstantlyAbortError);
    expect(isInstantlyError(error)).toBe(true);
    expect(error).toMatchObject({ kind: "abort", name: "AbortError", method: "GET", reason });
    expect((error as InstantlyAbortError).path).toMatch(/^\/api\/v2\/campaigns/);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });

  test("the caller's AbortSignal stops an attempt in flight (no retry)", async () => {
    server.route("GET /api/v2/campaigns/c1", () => {}); // never answers
    const controller = new AbortController();
    const call = client().GET("/api/v2/campaigns/{id}", {
      params: { path: { id: "c1" } },
      signal: controller.signal,
    });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(1);
  });

  test("regression: a retried response whose body cancel() never settles does not hang the retry (msw in Node)", async () => {
    let calls = 0;
    const stuckBody = () => new ReadableStream({ cancel: () => new Promise<void>(() => {}) });
    const fetchLikeMsw: typeof fetch = async () =>
      calls++ === 0
        ? new Response(stuckBody(), { status: 429, headers: { "retry-after": "0" } })
        : Response.json(campaign("c1"));
    const { data } = await client({ fetch: fetchLikeMsw }).GET("/api/v2/campaigns/{id}", {
      params: { path: { id: "c1" } },
    });
    expect(data).toEqual(campaign("c1"));
    expect(calls).toBe(2);
  });

  test("an openapi-fetch middleware still reads the response body; a per-call fetch still gets parsed", async () => {
    server.route("GET /api/v2/campaigns/c1", (_, res) => json(res, 200, campaign("c1")));
    const api = client();
    const logged: unknown[] = [];
    api.use({ onResponse: async ({ response }) => void logged.push(await response.clone().json()) });
    const { data } = await api.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } });
    expect(data).toEqual(campaign("c1"));
    expect(logged).toEqual([campaign("c1")]);
    const perCall = await client().GET("/api/v2/campaigns/{id}", {
      params: { path: { id: "c2" } },
      fetch: async () => Response.json(campaign("c2")),
    });
    expect(perCall.data).toEqual(campaign("c2"));
  });

  test("text/csv responses come back as text", async () => {
    const csv = "Blocked Email,Date\r\nexample.com,2023-09-15T12:00:00Z\r\n";
    server.route("GET /api/v2/block-lists-entries/download", (_, res) => {
      res.writeHead(200, { "content-type": "text/csv" });
      res.end(csv);
    });
    const { data, error } = await client().GET("/api/v2/block-lists-entries/download");
    expect(error).toBeUndefined();
    expect(data).toBe(csv);
  });
});

describe("errors", () => {
  test("unwrap returns data, or throws InstantlyApiError with status, method, path, body and request id", async () => {
    server.route("GET /api/v2/campaigns/c1", (_, res) => json(res, 200, campaign("c1")));
    server.route("GET /api/v2/campaigns/missing", (_, res) =>
      apiError(res, 404, "Not Found", "Campaign not found", { "x-request-id": "req-123" }),
    );
    const api = client();
    expect(unwrap(await api.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } }))).toEqual(
      campaign("c1"),
    );
    const failed = await api.GET("/api/v2/campaigns/{id}", { params: { path: { id: "missing" } } });
    const thrown = (() => {
      try {
        unwrap(failed);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(InstantlyApiError);
    expect(thrown).toMatchObject({
      name: "InstantlyApiError",
      status: 404,
      method: "GET",
      path: "/api/v2/campaigns/missing",
      requestId: "req-123",
      body: { statusCode: 404, error: "Not Found", message: "Campaign not found" },
    });
    expect((thrown as Error).message).toBe(
      "GET /api/v2/campaigns/missing failed with 404 Not Found: Campaign not found",
    );
  });

  // The server chose the text of its error body; an app logs `error.message`, often to a terminal. The message
  // says it on one line, without what drives a terminal (ANSI escapes, C1 controls), in 200 characters at most;
  // `body` keeps it as sent.
  test.each([
    [
      "a JSON error body",
      "application/json",
      (text: string) => JSON.stringify({ statusCode: 400, error: "Bad", message: text }),
    ],
    ["a text error body", "text/plain", (text: string) => text],
  ])("%s: the message is one bounded line of it", async (_, contentType, bodyOf) => {
    const text = `line\nbreak\r\u001b[2J\u001b]0;title\u0007\u009b31m\u0085\u2028\u007f${"x".repeat(1_000_000)}`;
    server.route("GET /api/v2/campaigns/bad", (__, res) => {
      res.writeHead(400, { "content-type": contentType });
      res.end(bodyOf(text));
    });
    const failed = await client({ retry: false }).GET("/api/v2/campaigns/{id}", {
      params: { path: { id: "bad" } },
    });
    let thrown: unknown;
    try {
      unwrap(failed);
    } catch (error) {
      thrown = error;
    }
    const { message, body } = thrown as InstantlyApiError;
    expect(message).toMatch(/^GET \/api\/v2\/campaigns\/bad failed with 400 /);
    expect(message).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
    expect(message.length).toBeLessThan(300);
    expect(message.endsWith("x…")).toBe(true);
    expect(typeof body === "string" ? body : body?.message).toBe(text);
  });

  test("no API key in message, stack, JSON or inspect output of any error", async () => {
    server.route("POST /api/v2/lead-labels", (_, res) =>
      apiError(res, 401, "Unauthorized", "Invalid API key"),
    );
    const failed = await client().POST("/api/v2/lead-labels", {
      body: { label: "x", interest_status_label: "neutral" },
    });
    let apiFailure: unknown;
    try {
      unwrap(failed);
    } catch (error) {
      apiFailure = error;
    }
    // A network failure (nothing listens there) and a timeout go through the same transport.
    const network = await client({ baseUrl: "http://127.0.0.1:9", retry: false })
      .GET("/api/v2/campaigns")
      .catch((error: unknown) => error);
    server.route("GET /api/v2/campaigns", () => {});
    const timeout = await client({ timeoutMs: STALL_TIMEOUT_MS, retry: false })
      .GET("/api/v2/campaigns")
      .catch((error: unknown) => error);
    const errors = [apiFailure, network, timeout];
    expect(apiFailure).toBeInstanceOf(InstantlyApiError);
    expect(network).toBeInstanceOf(Error);
    expect(timeout).toMatchObject({ name: "InstantlyTimeoutError", kind: "timeout" });
    for (const error of errors) {
      const texts = [
        String(error),
        (error as Error).stack ?? "",
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
      ];
      for (const text of texts) expect(text).not.toContain(API_KEY);
    }
    expect(inspect(client(), { depth: 10, showHidden: true })).not.toContain(API_KEY);
    expect(JSON.parse(JSON.stringify(apiFailure))).toMatchObject({ status: 401, method: "POST" });
  });
});

describe("paginate", () => {
  const campaigns = Array.from({ length: 7 }, (_, i) => campaign(`c${i + 1}`));
  const serveCampaigns = () =>
    server.route("GET /api/v2/campaigns", (req, res) => {
      const limit = Number(req.url.searchParams.get("limit") ?? 10);
      json(res, 200, pageOf(campaigns, limit, req.url.searchParams.get("starting_after") ?? undefined));
    });

  test("walks every page of a GET list, cursor in the query, none on the first request", async () => {
    serveCampaigns();
    const seen = [];
    for await (const item of paginate(client(), "/api/v2/campaigns", { params: { query: { limit: 3 } } })) {
      seen.push(item.id);
    }
    expect(seen).toEqual(campaigns.map((c) => c.id));
    const cursors = server.requests.map((r) => r.url.searchParams.get("starting_after"));
    expect(cursors).toEqual([null, "c3", "c6"]);
    expect(server.requests.every((r) => r.url.searchParams.get("limit") === "3")).toBe(true);
  });

  test("walks POST /api/v2/leads/list with the cursor in the body, keeping the caller's body", async () => {
    const leads = Array.from({ length: 5 }, (_, i) => ({ id: `l${i + 1}`, email: `l${i + 1}@example.com` }));
    server.route("POST /api/v2/leads/list", (req, res) => {
      const body = JSON.parse(req.body);
      json(res, 200, pageOf(leads, body.limit ?? 10, body.starting_after));
    });
    const seen = [];
    for await (const lead of paginate(client(), "/api/v2/leads/list", {
      body: { campaign: "c1", limit: 2 },
    })) {
      seen.push(lead.email);
    }
    expect(seen).toEqual(leads.map((l) => l.email));
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { campaign: "c1", limit: 2 },
      { campaign: "c1", limit: 2, starting_after: "l2" },
      { campaign: "c1", limit: 2, starting_after: "l4" },
    ]);
  });

  test("maxItems and maxPages bound the walk", async () => {
    serveCampaigns();
    const firstFour = [];
    for await (const item of paginate(
      client(),
      "/api/v2/campaigns",
      { params: { query: { limit: 3 } } },
      { maxItems: 4 },
    )) {
      firstFour.push(item.id);
    }
    expect(firstFour).toEqual(["c1", "c2", "c3", "c4"]);
    expect(server.requests).toHaveLength(2);
    server.requests.length = 0;
    const onePage = [];
    for await (const item of paginate(
      client(),
      "/api/v2/campaigns",
      { params: { query: { limit: 3 } } },
      { maxPages: 1 },
    )) {
      onePage.push(item.id);
    }
    expect(onePage).toEqual(["c1", "c2", "c3"]);
    expect(server.requests).toHaveLength(1);
  });

  test("a failing page throws InstantlyApiError", async () => {
    server.route("GET /api/v2/campaigns", (_, res) => apiError(res, 403, "Forbidden", "missing scope"));
    const walk = async () => {
      for await (const _ of paginate(client(), "/api/v2/campaigns")) {
        // nothing
      }
    };
    await expect(walk()).rejects.toMatchObject({ name: "InstantlyApiError", status: 403 });
  });
});
