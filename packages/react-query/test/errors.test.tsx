// Every way a hook's call can end badly arrives as an InstantlyError with its `kind` — against a real server.
import { inspect } from "node:util";
import {
  createInstantlyClient,
  InstantlyAbortError,
  InstantlyApiError,
  InstantlyMissingProviderError,
  InstantlyNetworkError,
  InstantlyTimeoutError,
  isInstantlyError,
} from "@instantly-kit/client";
import {
  apiError,
  STALL_TIMEOUT_MS,
  startServer,
  type TestServer,
} from "@instantly-kit/test-support/http-server";
import { dehydrate } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createInstantlyQueryClient,
  getCampaign,
  MissingInstantlyClientError,
  useGetCampaign,
  useListLeads,
  usePatchCampaign,
} from "../src/index.js";
import { API_KEY, providers } from "./render.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
beforeEach(() => server.reset());
afterAll(() => server.close());

const wrapperFor = (withProvider = true, timeoutMs = 30_000) =>
  providers(
    createInstantlyQueryClient(),
    { baseUrl: server.baseUrl, timeoutMs, retry: { attempts: 2, baseDelayMs: 0, maxDelayMs: 0 } },
    { provider: withProvider },
  ).wrapper;

describe("each failure arrives with its kind", () => {
  it.each([
    {
      kind: "api",
      cls: InstantlyApiError,
      setup: () =>
        server.route("GET /api/v2/campaigns/c1", (_, res) => apiError(res, 404, "Not Found", "no campaign")),
      fields: { status: 404, body: { statusCode: 404, error: "Not Found", message: "no campaign" } },
    },
    {
      kind: "network",
      cls: InstantlyNetworkError,
      setup: () =>
        server.route("GET /api/v2/campaigns/c1", (_, res) => {
          res.socket?.destroy();
        }),
      fields: { attempts: 2 },
    },
    {
      kind: "timeout",
      cls: InstantlyTimeoutError,
      // A server that never answers: the deadline is what is tested, however slow the machine is (long enough that
      // both attempts have reached the server before the next test counts its requests).
      setup: () => server.route("GET /api/v2/campaigns/c1", () => {}),
      timeoutMs: STALL_TIMEOUT_MS,
      fields: { timeoutMs: STALL_TIMEOUT_MS, attempts: 2 },
    },
    {
      kind: "missing-provider",
      cls: InstantlyMissingProviderError,
      setup: () => {},
      withProvider: false,
      fields: { name: "MissingInstantlyClientError" },
    },
  ])("$kind", async ({ kind, cls, setup, fields, withProvider = true, timeoutMs }) => {
    setup();
    const wrapper = wrapperFor(withProvider, timeoutMs);
    const { result } = renderHook(() => useGetCampaign("c1"), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(error).toBeInstanceOf(cls);
    expect(isInstantlyError(error)).toBe(true);
    expect(error?.kind).toBe(kind);
    expect(error).toMatchObject(fields);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });

  it("missing provider is react-query's MissingInstantlyClientError, of kind missing-provider", async () => {
    const wrapper = wrapperFor(false);
    const { result } = renderHook(() => useGetCampaign("c1"), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(MissingInstantlyClientError);
    expect(server.requests).toHaveLength(0);
  });

  it("abort: the caller's signal ends the call as an InstantlyAbortError, not a raw DOMException", async () => {
    server.route("GET /api/v2/campaigns/c1", () => {}); // never answers
    const client = createInstantlyClient({ apiKey: API_KEY, baseUrl: server.baseUrl });
    const controller = new AbortController();
    const call = getCampaign("c1", { client }, controller.signal);
    await waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    const error = await call.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(InstantlyAbortError);
    expect(error).toMatchObject({ kind: "abort", name: "AbortError", method: "GET" });
    expect((error as InstantlyAbortError).reason).toBe(controller.signal.reason);
  });

  it("a server echoing the key (body, property names, headers, status text) leaks it into no error, cache or dehydrated state", async () => {
    const key = "sk_live_Echoed-Secret";
    for (const route of [
      "GET /api/v2/campaigns/c1",
      "POST /api/v2/leads/list",
      "PATCH /api/v2/campaigns/c1",
    ]) {
      server.route(route, (request, res) => {
        const auth = String(request.headers.authorization);
        res.writeHead(401, `Bad ${auth}`, {
          "content-type": "application/json",
          "x-echo": auth,
          "x-request-id": auth,
        });
        res.end(
          JSON.stringify({
            statusCode: 401,
            error: auth,
            message: `key ${key} invalid`,
            [key]: [encodeURIComponent(key)],
          }),
        );
      });
    }
    const { queryClient, wrapper } = providers(createInstantlyQueryClient(), {
      apiKey: key,
      baseUrl: server.baseUrl,
      retry: false,
    });
    const { result } = renderHook(
      () => ({
        get: useGetCampaign("c1"),
        list: useListLeads({ campaign: "c1" }),
        patch: usePatchCampaign(),
      }),
      { wrapper },
    );
    await result.current.patch.mutateAsync({ id: "c1", data: { name: "x" } }).catch(() => undefined);
    await waitFor(() =>
      expect(result.current.get.isError && result.current.list.isError && result.current.patch.isError).toBe(
        true,
      ),
    );
    expect(result.current.get.error).toMatchObject({
      kind: "api",
      status: 401,
      requestId: "Bearer [redacted]",
    });
    const everything = [
      ...[result.current.get.error, result.current.list.error, result.current.patch.error].flatMap(
        (error) => [
          JSON.stringify(error),
          String(error),
          error?.stack,
          inspect(error, { depth: null, showHidden: true }),
        ],
      ),
      // What devtools and SSR hand-off read: every query's and mutation's state, errors included.
      JSON.stringify(
        dehydrate(queryClient, { shouldDehydrateQuery: () => true, shouldDehydrateMutation: () => true }),
      ),
    ].join("\n");
    expect(everything).toContain("[redacted]");
    expect(everything).not.toContain("Echoed-Secret");
  });
});
