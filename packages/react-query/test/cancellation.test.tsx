import { apiError, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  getGetCampaignQueryKey,
  getListLeadsInfiniteQueryKey,
  useGetCampaign,
  useListLeadsInfinite,
} from "../src/index.js";
import { observedQueryClient, providers } from "./render.js";

let server: TestServer;
/** One entry per request the server got and never answered: resolves when the client closed the connection. */
let closed: Array<Promise<void>>;
beforeAll(async () => {
  server = await startServer();
});
beforeEach(() => {
  server.reset();
  closed = [];
  const hang = (_: unknown, res: import("node:http").ServerResponse) => {
    closed.push(new Promise((resolve) => res.on("close", () => resolve())));
  };
  server.route("GET /api/v2/campaigns/c1", hang);
  server.route("POST /api/v2/leads/list", hang);
});
afterAll(() => server.close());

// No deadline: only the cancellation can end these requests.
const setup = () => providers(observedQueryClient(), { baseUrl: server.baseUrl, timeoutMs: 0 });

describe("cancellation", () => {
  it("unmounting the only observer closes the connection; the query is not left in error", async () => {
    const { queryClient, wrapper } = setup();
    const { unmount } = renderHook(() => useGetCampaign("c1"), { wrapper });
    await waitFor(() => expect(closed).toHaveLength(1));
    unmount();
    await closed[0];
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const state = queryClient.getQueryState(getGetCampaignQueryKey("c1"));
    expect(state?.status).toBe("pending");
    expect(state?.error).toBeNull();
    expect(server.requests).toHaveLength(1);
  });

  it("queryClient.cancelQueries closes the connection of an infinite POST read; the hook shows no error", async () => {
    const { queryClient, wrapper } = setup();
    const { result } = renderHook(() => useListLeadsInfinite({ campaign: "c1" }), { wrapper });
    await waitFor(() => expect(closed).toHaveLength(1));
    await queryClient.cancelQueries({ queryKey: getListLeadsInfiniteQueryKey({ campaign: "c1" }) });
    await closed[0];
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.isError).toBe(false);
    expect(result.current.error).toBeNull();
    // Not retried either: the cancelled request is the only one.
    expect(server.requests).toHaveLength(1);
  });

  it("a query waiting out a 429's Retry-After sends nothing more once unmounted", async () => {
    server.route("GET /api/v2/campaigns/c2", (_, res) =>
      apiError(res, 429, "Too Many Requests", "slow down", { "retry-after": "1" }),
    );
    const { queryClient, wrapper } = setup();
    const { unmount } = renderHook(() => useGetCampaign("c2"), { wrapper });
    await waitFor(() => expect(server.requests).toHaveLength(1));
    unmount();
    // Past the Retry-After (1 s), with room to spare: the client's wait was aborted, no retry goes out.
    await act(() => new Promise((resolve) => setTimeout(resolve, 2_000)));
    expect(server.requests).toHaveLength(1);
    expect(queryClient.getQueryState(getGetCampaignQueryKey("c2"))?.error).toBeNull();
  });
});
