// Issue 8 §3: the deadline covers the whole exchange (measured with fake timers, not a fast machine), and a
// long-lived AbortSignal shared by many requests keeps no listener from any of them.
import { getEventListeners } from "node:events";
import { failing, json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { createInstantlyClient, InstantlyTimeoutError } from "../src/index.js";

const API_KEY = "sk_test_lifecycle";

describe("the per-attempt deadline (fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A fetch that ignores the signal: headers after `headersAt` ms, the body's last byte after `bodyAt` (or never). */
  const slowFetch =
    (headersAt: number, bodyAt: number | "never", calls: { count: number }): typeof fetch =>
    async () => {
      calls.count++;
      await new Promise((resolve) => setTimeout(resolve, headersAt));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          if (bodyAt === "never") return;
          setTimeout(() => {
            controller.enqueue(new TextEncoder().encode('"c1"}'));
            controller.close();
          }, bodyAt - headersAt);
        },
      });
      return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
    };

  test("headers in time but the body late: the attempt times out at timeoutMs, counted from the start", async () => {
    const calls = { count: 0 };
    const client = createInstantlyClient({
      apiKey: API_KEY,
      fetch: slowFetch(20_000, 35_000, calls),
      retry: false,
      timeoutMs: 30_000,
    });
    let settled: unknown;
    const call = client.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } }).then(
      (result) => (settled = result),
      (error: unknown) => (settled = error),
    );
    await vi.advanceTimersByTimeAsync(29_999);
    expect(settled).toBeUndefined(); // headers came at 20 s; the body is still streaming
    await vi.advanceTimersByTimeAsync(1);
    await call;
    expect(settled).toBeInstanceOf(InstantlyTimeoutError);
    expect(settled).toMatchObject({
      kind: "timeout",
      timeoutMs: 30_000,
      attempts: 1,
      path: "/api/v2/campaigns/c1",
    });
  });

  test("the default deadline is 30 s for the whole exchange; a body finishing before it is delivered", async () => {
    const calls = { count: 0 };
    const client = createInstantlyClient({ apiKey: API_KEY, fetch: slowFetch(20_000, 29_000, calls) });
    const call = client.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } });
    await vi.advanceTimersByTimeAsync(29_000);
    await expect(call).resolves.toMatchObject({ data: { id: "c1" } });
    expect(calls.count).toBe(1);
  });

  test("a stalled body on a GET is retried with a fresh deadline; the third stall rejects", async () => {
    const calls = { count: 0 };
    const client = createInstantlyClient({
      apiKey: API_KEY,
      fetch: slowFetch(1_000, "never", calls),
      retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 100 },
      timeoutMs: 5_000,
    });
    let settled: unknown;
    const call = client
      .GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } })
      .catch((error: unknown) => (settled = error));
    await vi.advanceTimersByTimeAsync(3 * 5_000 + 2 * 100);
    await call;
    expect(settled).toMatchObject({ kind: "timeout", attempts: 3 });
    expect(calls.count).toBe(3);
  });

  test("the caller's abort during the body read rejects at once with the caller's reason", async () => {
    const calls = { count: 0 };
    const client = createInstantlyClient({
      apiKey: API_KEY,
      fetch: slowFetch(10, 60_000, calls),
      timeoutMs: 0,
    });
    const controller = new AbortController();
    let settled: unknown;
    const call = client
      .GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } }, signal: controller.signal })
      .catch((error: unknown) => (settled = error));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(settled).toBeUndefined();
    controller.abort();
    await call;
    expect(settled).toMatchObject({ name: "AbortError" });
    expect(calls.count).toBe(1);
  });
});

describe("a long-lived AbortSignal shared by many requests", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const N = 200;

  test.each([
    [
      "successes",
      () => (_: unknown, res: import("node:http").ServerResponse) => json(res, 200, { id: "c1" }),
    ],
    ["a 503 then a success (a retry)", () => failing(1, 503, (_, res) => json(res, 200, { id: "c1" }))],
    [
      "404s",
      () => (_: unknown, res: import("node:http").ServerResponse) => json(res, 404, { message: "no" }),
    ],
  ])("%s: no listener is left on it", async (_, handler) => {
    server.reset();
    const signal = new AbortController().signal;
    const baseline = getEventListeners(signal, "abort").length;
    const client = createInstantlyClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    for (let i = 0; i < N; i++) {
      server.route("GET /api/v2/campaigns/c1", handler());
      const { response } = await client.GET("/api/v2/campaigns/{id}", {
        params: { path: { id: "c1" } },
        signal,
      });
      expect(response.status).toBeGreaterThanOrEqual(200);
    }
    expect(getEventListeners(signal, "abort").length).toBe(baseline);
  });

  test("network errors and timeouts: no listener is left either", async () => {
    server.reset();
    server.route("GET /api/v2/campaigns/c1", (_, res) => void res.socket?.resetAndDestroy());
    server.route("GET /api/v2/campaigns/c2", () => {}); // never answers
    const signal = new AbortController().signal;
    // The reset must end as a network error however slow the machine: the default deadline. Only the
    // request that never gets an answer uses a short one — it times out whatever the machine's speed.
    const resets = createInstantlyClient({ apiKey: API_KEY, baseUrl: server.baseUrl, retry: false });
    const stalls = createInstantlyClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: false,
      timeoutMs: 100,
    });
    for (let i = 0; i < 20; i++) {
      const id = i % 2 === 0 ? "c1" : "c2";
      const client = id === "c1" ? resets : stalls;
      await expect(
        client.GET("/api/v2/campaigns/{id}", { params: { path: { id } }, signal }),
      ).rejects.toMatchObject({ kind: id === "c1" ? "network" : "timeout" });
    }
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  test("the shared signal still aborts a request in flight", async () => {
    server.reset();
    server.route("GET /api/v2/campaigns/c1", () => {});
    const controller = new AbortController();
    const client = createInstantlyClient({ apiKey: API_KEY, baseUrl: server.baseUrl });
    for (let i = 0; i < 10; i++) {
      server.route("GET /api/v2/campaigns/c2", (_, res) => json(res, 200, { id: "c2" }));
      await client.GET("/api/v2/campaigns/{id}", {
        params: { path: { id: "c2" } },
        signal: controller.signal,
      });
    }
    const call = client.GET("/api/v2/campaigns/{id}", {
      params: { path: { id: "c1" } },
      signal: controller.signal,
    });
    while (!server.requests.some((r) => r.url.pathname.endsWith("/c1"))) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
