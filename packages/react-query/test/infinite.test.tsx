// Infinite queries against servers that misbehave (node:http on 127.0.0.1): `hasNextPage` ends where the client's
// `paginate()` ends, so "load more while there is more" (an infinite scroll's sentinel) cannot load forever.
import { MAX_EMPTY_PAGES } from "@instantly-kit/client";
import { json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { renderHook, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useListCampaignInfinite, useListLeadsInfinite } from "../src/index.js";
import { observedQueryClient, providers } from "./render.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
beforeEach(() => server.reset());
afterAll(() => server.close());

const setup = () => providers(observedQueryClient(), { baseUrl: server.baseUrl, retry: false }).wrapper;

/** Loads the next page whenever there is one and none is loading: an infinite scroll whose sentinel stays in view. */
function useLoadAll<
  Q extends { hasNextPage: boolean; isFetching: boolean; isError: boolean; fetchNextPage: () => unknown },
>(query: Q): Q {
  const { hasNextPage, isFetching, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [hasNextPage, isFetching, isError, fetchNextPage]);
  return query;
}

const pageRequests = (path: string) =>
  server.requests.filter((request) => request.url.pathname === path).length;

describe("infinite queries stop where paginate() stops", () => {
  it("a server that echoes the cursor it was given: no next page after the repeat", async () => {
    server.route("GET /api/v2/campaigns", (request, res) => {
      const after = request.url.searchParams.get("starting_after");
      json(res, 200, { items: after ? [] : [{ id: "c1" }], next_starting_after: after ?? "c1" });
    });
    const { result } = renderHook(() => useLoadAll(useListCampaignInfinite({ limit: 1 })), {
      wrapper: setup(),
    });
    await waitFor(() =>
      expect(result.current.isSuccess && !result.current.hasNextPage && !result.current.isFetching).toBe(
        true,
      ),
    );
    // The first page (→ c1), the page after c1 (→ c1 again): the cursor repeats, so there is no next page.
    expect(result.current.data?.pages).toHaveLength(2);
    expect(pageRequests("/api/v2/campaigns")).toBe(2);
  });

  it("a cursor cycle A → B → A in a POST read (cursor in the body) ends too", async () => {
    server.route("POST /api/v2/leads/list", (request, res) => {
      const after = (JSON.parse(request.body || "{}") as { starting_after?: string }).starting_after;
      const next = after === "A" ? "B" : "A";
      json(res, 200, { items: [{ id: `after-${after ?? "start"}` }], next_starting_after: next });
    });
    const { result } = renderHook(() => useLoadAll(useListLeadsInfinite({ limit: 1 })), { wrapper: setup() });
    await waitFor(() =>
      expect(result.current.isSuccess && !result.current.hasNextPage && !result.current.isFetching).toBe(
        true,
      ),
    );
    // start → A, A → B, B → A: A was already requested.
    expect(result.current.data?.pageParams).toEqual([undefined, "A", "B"]);
    expect(pageRequests("/api/v2/leads/list")).toBe(3);
  });

  it(`empty pages that keep handing out new cursors: at most ${MAX_EMPTY_PAGES} in a row, like paginate()`, async () => {
    let served = 0;
    server.route("GET /api/v2/campaigns", (_, res) => {
      served++;
      json(res, 200, { items: [], next_starting_after: `cursor-${served}` });
    });
    const { result } = renderHook(() => useLoadAll(useListCampaignInfinite({ limit: 1 })), {
      wrapper: setup(),
    });
    await waitFor(() =>
      expect(result.current.isSuccess && !result.current.hasNextPage && !result.current.isFetching).toBe(
        true,
      ),
    );
    // paginate() reads MAX_EMPTY_PAGES + 1 empty pages, then throws.
    expect(result.current.data?.pages).toHaveLength(MAX_EMPTY_PAGES + 1);
    expect(pageRequests("/api/v2/campaigns")).toBe(MAX_EMPTY_PAGES + 1);
  });

  it("an empty page with a cursor followed by items keeps going", async () => {
    server.route("GET /api/v2/campaigns", (request, res) => {
      const after = request.url.searchParams.get("starting_after");
      if (!after) return json(res, 200, { items: [], next_starting_after: "x" });
      json(res, 200, { items: [{ id: "c1" }] });
    });
    const { result } = renderHook(() => useLoadAll(useListCampaignInfinite({ limit: 1 })), {
      wrapper: setup(),
    });
    await waitFor(() =>
      expect(result.current.isSuccess && !result.current.hasNextPage && !result.current.isFetching).toBe(
        true,
      ),
    );
    expect(result.current.data?.pages.map((page) => page.items?.length)).toEqual([0, 1]);
  });
});
