// Every way a hook's call can end badly arrives as an InstantlyError with its `kind` — against a real server.
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
import { QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createInstantlyQueryClient,
  getCampaign,
  InstantlyProvider,
  MissingInstantlyClientError,
  useGetCampaign,
} from "../src/index.js";
import { API_KEY, queryClients } from "./render.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
beforeEach(() => server.reset());
afterAll(() => server.close());

function wrapperFor(withProvider = true, timeoutMs = 30_000) {
  const queryClient = createInstantlyQueryClient();
  queryClients.add(queryClient);
  const client = createInstantlyClient({
    apiKey: API_KEY,
    baseUrl: server.baseUrl,
    timeoutMs,
    retry: { attempts: 2, baseDelayMs: 0, maxDelayMs: 0 },
  });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      {withProvider ? <InstantlyProvider client={client}>{children}</InstantlyProvider> : children}
    </QueryClientProvider>
  );
}

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
});
