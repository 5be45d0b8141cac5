// A query whose path parameter is empty is "nothing selected" (`useGetCampaign(selectedId ?? "")`): disabled like
// one whose parameter is null/undefined, never sent — against a real server, counting what reached its socket.
// Forced anyway (`enabled: true`, the request function), the client refuses it with a plain TypeError (README,
// "Errors"): a programming error outside the InstantlyError model, not retried, nothing sent.
import { isInstantlyError } from "@instantly-kit/client";
import { json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  getCampaign,
  getGetCampaignQueryOptions,
  getGetCampaignSuspenseQueryOptions,
  getGetInboxManagerReplyQueryOptions,
  getListInboxManagerRepliesInfiniteQueryOptions,
  useGetCampaign,
  useListInboxManagerRepliesInfinite,
} from "../src/index.js";
import { observedQueryClient, providers } from "./render.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
beforeEach(() => {
  server.reset();
  server.route("GET /api/v2/campaigns/c1", (_, res) => json(res, 200, { id: "c1", name: "Campaign 1" }));
});
afterAll(() => server.close());

const setup = () => providers(observedQueryClient(), { baseUrl: server.baseUrl, retry: false });

const sent = () => server.requests.map((request) => `${request.method} ${request.url.pathname}`);

describe('an empty path parameter ("") disables the query, like null/undefined', () => {
  it('useGetCampaign("") stays idle and sends nothing, while useGetCampaign("c1") next to it fetches', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => ({ none: useGetCampaign(""), one: useGetCampaign("c1") }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.one.isSuccess).toBe(true));
    expect(result.current.one.data).toEqual({ id: "c1", name: "Campaign 1" });
    const none = result.current.none;
    expect({
      status: none.status,
      fetchStatus: none.fetchStatus,
      isEnabled: none.isEnabled,
      error: none.error,
      failureCount: none.failureCount,
    }).toEqual({ status: "pending", fetchStatus: "idle", isEnabled: false, error: null, failureCount: 0 });
    expect(sent()).toEqual(["GET /api/v2/campaigns/c1"]);
  });

  it("fetches once the id is set (selection made), and stops at an empty one again", async () => {
    const { wrapper } = setup();
    const { result, rerender } = renderHook(({ id }) => useGetCampaign(id), {
      wrapper,
      initialProps: { id: "" },
    });
    expect(result.current.fetchStatus).toBe("idle");
    rerender({ id: "c1" });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    rerender({ id: "" });
    expect(result.current.isEnabled).toBe(false);
    expect(result.current.fetchStatus).toBe("idle");
    expect(result.current.error).toBeNull();
    expect(sent()).toEqual(["GET /api/v2/campaigns/c1"]);
  });

  it("an infinite query with an empty path parameter stays idle too", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(
      () => ({ none: useListInboxManagerRepliesInfinite(""), one: useGetCampaign("c1") }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.one.isSuccess).toBe(true));
    expect(result.current.none.fetchStatus).toBe("idle");
    expect(result.current.none.isEnabled).toBe(false);
    expect(result.current.none.error).toBeNull();
    expect(sent()).toEqual(["GET /api/v2/campaigns/c1"]);
  });

  it("the options helpers say so: `enabled` is false when any path parameter is empty", () => {
    expect(getGetCampaignQueryOptions("").enabled).toBe(false);
    expect(getGetCampaignQueryOptions("c1").enabled).toBe(true);
    expect(getListInboxManagerRepliesInfiniteQueryOptions("").enabled).toBe(false);
    expect(getListInboxManagerRepliesInfiniteQueryOptions("agent-1").enabled).toBe(true);
    expect(getGetInboxManagerReplyQueryOptions("agent-1", "").enabled).toBe(false);
    expect(getGetInboxManagerReplyQueryOptions("", "reply-1").enabled).toBe(false);
    expect(getGetInboxManagerReplyQueryOptions("agent-1", "reply-1").enabled).toBe(true);
    // The caller's `enabled` still wins, and suspense queries (never disabled in TanStack) have none.
    expect(getGetCampaignQueryOptions("", { query: { enabled: true } }).enabled).toBe(true);
    expect("enabled" in getGetCampaignSuspenseQueryOptions("c1")).toBe(false);
  });
});

describe("an empty path parameter forced through is a TypeError, never sent", () => {
  it("`query: { enabled: true }`: the hook's error is the client's TypeError, not retried, nothing sent", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useGetCampaign("", { query: { enabled: true } }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error: unknown = result.current.error;
    expect(error).toBeInstanceOf(TypeError);
    expect(isInstantlyError(error)).toBe(false);
    expect((error as Error).message).toMatch(/path parameter `id`/);
    expect(result.current.failureCount).toBe(1);
    expect(sent()).toEqual([]);
  });

  it("`refetch()` of the disabled query (TanStack runs it regardless of `enabled`): the same TypeError", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useGetCampaign(""), { wrapper });
    const refetched = await act(() => result.current.refetch());
    expect(refetched.error).toBeInstanceOf(TypeError);
    expect(isInstantlyError(refetched.error)).toBe(false);
    expect(sent()).toEqual([]);
  });

  it("the request function rejects with the same TypeError", async () => {
    const { client } = setup();
    const error: unknown = await getCampaign("", { client }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TypeError);
    expect(isInstantlyError(error)).toBe(false);
    expect(sent()).toEqual([]);
  });
});
