// createInstantlyQueryClient against a real server: the hooks' retries are the client's, not multiplied by
// TanStack's. Every count is of requests that reached the socket.
import { createInstantlyClient, type RetryOptions } from "@instantly-kit/client";
import { apiError, json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createInstantlyQueryClient,
  InstantlyProvider,
  instantlyQueryDefaults,
  useCreateLeadLabel,
  useGetCampaign,
  useListLeads,
} from "../src/index.js";
import { API_KEY, providers, queryClients } from "./render.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
beforeEach(() => server.reset());
afterAll(() => server.close());

// The client's retries with no waiting: `Retry-After: 0` and no backoff, so no count depends on time.
const CLIENT_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 };

const setup = (queryClient: QueryClient) =>
  providers(queryClient, { baseUrl: server.baseUrl, retry: CLIENT_RETRY }).wrapper;

const rateLimited = () =>
  server.route("GET /api/v2/campaigns/c1", (_, res) =>
    apiError(res, 429, "Too Many Requests", "slow down", { "retry-after": "0" }),
  );

describe("createInstantlyQueryClient", () => {
  it("a query answered 429 forever makes exactly the client's attempts", async () => {
    rateLimited();
    const wrapper = setup(createInstantlyQueryClient());
    const { result } = renderHook(() => useGetCampaign("c1"), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ kind: "api", status: 429 });
    expect(server.requests).toHaveLength(CLIENT_RETRY.attempts as number);
  });

  it("the same with TanStack's defaults (the issue): query retries multiply the client's", async () => {
    rateLimited();
    // TanStack's default 3 retries, without their waits so the test does not sleep.
    const wrapper = setup(new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } }));
    const { result } = renderHook(() => useGetCampaign("c1"), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(server.requests).toHaveLength(4 * (CLIENT_RETRY.attempts as number));
  });

  it("a 401 shows at once: one request", async () => {
    server.route("GET /api/v2/campaigns/c1", (_, res) => apiError(res, 401, "Unauthorized", "bad key"));
    const wrapper = setup(createInstantlyQueryClient());
    const { result } = renderHook(() => useGetCampaign("c1"), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ kind: "api", status: 401 });
    expect(server.requests).toHaveLength(1);
  });

  it("a mutation answered 429 is retried by the client only", async () => {
    server.route("POST /api/v2/lead-labels", (_, res) =>
      apiError(res, 429, "Too Many Requests", "slow down", { "retry-after": "0" }),
    );
    const wrapper = setup(createInstantlyQueryClient());
    const { result } = renderHook(() => useCreateLeadLabel(), { wrapper });
    result.current.mutate({ data: { label: "x", interest_status_label: "positive" } });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(server.requests).toHaveLength(CLIENT_RETRY.attempts as number);
  });

  it("a POST read cut off below HTTP is retried by the query (the client never re-sends a POST)", async () => {
    server.route("POST /api/v2/leads/list", (request, res) => {
      // Two connection resets, then an answer.
      if (server.requests.filter((r) => r.url.pathname === request.url.pathname).length <= 2) {
        res.socket?.destroy();
        return;
      }
      json(res, 200, { items: [{ id: "l1" }] });
    });
    const wrapper = setup(createInstantlyQueryClient({ defaultOptions: { queries: { retryDelay: 0 } } }));
    const { result } = renderHook(() => useListLeads({ campaign: "c1" }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.items).toEqual([{ id: "l1" }]);
    expect(server.requests).toHaveLength(3);
  });

  it("a POST read that keeps failing below HTTP ends as a network error after 3 requests", async () => {
    server.route("POST /api/v2/leads/list", (_, res) => {
      res.socket?.destroy();
    });
    const wrapper = setup(createInstantlyQueryClient({ defaultOptions: { queries: { retryDelay: 0 } } }));
    const { result } = renderHook(() => useListLeads({ campaign: "c1" }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe("network");
    expect(server.requests).toHaveLength(3);
  });

  it("a POST read whose answer is over maxResponseBytes is not retried by the query (it would be as large again)", async () => {
    server.route("POST /api/v2/leads/list", (_, res) =>
      json(res, 200, { items: [{ id: "x".repeat(2_000) }] }),
    );
    const queryClient = createInstantlyQueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
    queryClients.add(queryClient);
    const client = createInstantlyClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: CLIENT_RETRY,
      maxResponseBytes: 1_000,
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <InstantlyProvider client={client}>{children}</InstantlyProvider>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useListLeads({ campaign: "c1" }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe("network");
    expect(result.current.error?.message).toContain("maxResponseBytes");
    expect(server.requests).toHaveLength(1);
  });

  it("options given are merged over the defaults, which keep their retry policy", () => {
    const queryClient = createInstantlyQueryClient({
      defaultOptions: { queries: { staleTime: 30_000 }, mutations: { gcTime: 1_000 } },
    });
    const defaults = queryClient.getDefaultOptions();
    expect(defaults.queries?.staleTime).toBe(30_000);
    expect(defaults.queries?.retry).toBe(instantlyQueryDefaults.queries.retry);
    expect(defaults.mutations).toEqual({ retry: false, gcTime: 1_000 });
  });
});
