import { createInstantlyClient, InstantlyApiError } from "@instantly-kit/client";
import { QueryClientProvider } from "@tanstack/react-query";
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { Suspense } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  getGetCampaignQueryKey,
  getGetCampaignQueryOptions,
  getGetLeadLabelQueryKey,
  getListCampaignQueryKey,
  getListLeadLabelQueryKey,
  getListLeadsInfiniteQueryKey,
  getListLeadsQueryKey,
  InstantlyProvider,
  MissingInstantlyClientError,
  useCreateLeadLabel,
  useDeleteLeadLabel,
  useDownloadBlockListEntry,
  useGetCampaign,
  useGetCampaignSuspense,
  useGetLeadLabel,
  useListCampaign,
  useListCampaignInfinite,
  useListCampaignSuspenseInfinite,
  useListLeadLabel,
  useListLeads,
  useListLeadsInfinite,
  usePatchCampaign,
  useSuspenseGetCampaign,
} from "../src/index.js";
import { API_KEY, createWrapper } from "./render.js";
import { requests, resetData, server } from "./server.js";

function AllCampaigns() {
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage } = useListCampaignSuspenseInfinite({
    limit: 2,
  });
  const names = data.pages.flatMap((page) => page.items?.map((campaign) => campaign.name) ?? []);
  return (
    <button type="button" disabled={!hasNextPage || isFetchingNextPage} onClick={() => fetchNextPage()}>
      {names.join(", ")}
    </button>
  );
}

function CampaignName({ id }: { id: string }) {
  const { data } = useGetCampaignSuspense(id);
  // The TanStack-style alias is the very same hook.
  expect(useSuspenseGetCampaign).toBe(useGetCampaignSuspense);
  return <p>name: {data.name}</p>;
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => resetData());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("queries", () => {
  it("useGetCampaign fetches one campaign through the provider's client", async () => {
    const { wrapper } = createWrapper();
    const { result } = renderHook(() => useGetCampaign("c2"), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.name).toBe("Campaign 2");
    const [request] = requests;
    expect(request?.url.pathname).toBe("/api/v2/campaigns/c2");
    // Transport is @instantly-kit/client's: its auth header, nothing configured here.
    expect(request?.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("useListCampaign sends the query object", async () => {
    const { wrapper } = createWrapper();
    const { result } = renderHook(() => useListCampaign({ limit: 2 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.items?.map((campaign) => campaign.id)).toEqual(["c1", "c2"]);
    expect(requests[0]?.url.searchParams.get("limit")).toBe("2");
  });

  it("useGetCampaignSuspense suspends, then renders the data", async () => {
    const { wrapper: Wrapper } = createWrapper();
    render(
      <Wrapper>
        <Suspense fallback={<p>loading</p>}>
          <CampaignName id="c3" />
        </Suspense>
      </Wrapper>,
    );
    expect(screen.getByText("loading")).toBeTruthy();
    expect(await screen.findByText("name: Campaign 3")).toBeTruthy();
  });

  it("an error response surfaces as InstantlyApiError with the API's error body", async () => {
    const { wrapper } = createWrapper();
    const { result } = renderHook(() => useGetCampaign("nope"), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(error).toBeInstanceOf(InstantlyApiError);
    if (error?.kind !== "api") throw new Error(`expected an api error, got ${error?.kind}`);
    expect(error.status).toBe(404);
    expect(error.body).toMatchObject({ statusCode: 404, error: "Not Found" });
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });

  it("a POST that reads is a query: useListLeads sends its body", async () => {
    const { wrapper } = createWrapper();
    const { result } = renderHook(() => useListLeads({ campaign: "c1", limit: 2 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.items?.map((lead) => lead.id)).toEqual(["l1", "l2"]);
    expect(requests[0]).toMatchObject({ method: "POST", body: { campaign: "c1", limit: 2 } });
  });

  it("a text/csv answer comes back as text", async () => {
    const { wrapper } = createWrapper();
    const { result } = renderHook(() => useDownloadBlockListEntry(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(typeof result.current.data).toBe("string");
  });

  it("each provider's client is used for the hooks below it (nothing configured at import time)", async () => {
    const { queryClient } = createWrapper();
    const clientFor = (apiKey: string) => createInstantlyClient({ apiKey, retry: false });
    render(
      <Suspense fallback={null}>
        <QueryClientProvider client={queryClient}>
          <InstantlyProvider client={clientFor("key-a")}>
            <CampaignName id="c1" />
          </InstantlyProvider>
          <InstantlyProvider client={clientFor("key-b")}>
            <Suspense fallback={null}>
              <CampaignName id="c2" />
            </Suspense>
          </InstantlyProvider>
        </QueryClientProvider>
      </Suspense>,
    );
    expect(await screen.findByText("name: Campaign 2")).toBeTruthy();
    expect(await screen.findByText("name: Campaign 1")).toBeTruthy();
    const byPath = Object.fromEntries(
      requests.map((request) => [request.url.pathname, request.authorization]),
    );
    expect(byPath).toEqual({
      "/api/v2/campaigns/c1": "Bearer key-a",
      "/api/v2/campaigns/c2": "Bearer key-b",
    });
  });

  it("without a provider or request.client the request fails with a clear error", async () => {
    const { queryClient } = createWrapper();
    await expect(queryClient.fetchQuery(getGetCampaignQueryOptions("c1"))).rejects.toBeInstanceOf(
      MissingInstantlyClientError,
    );
    expect(requests).toHaveLength(0);
  });

  it("the options helpers take the client from `request.client` (no React needed)", async () => {
    const { queryClient, client } = createWrapper();
    const campaign = await queryClient.fetchQuery(getGetCampaignQueryOptions("c4", { request: { client } }));
    expect(campaign.name).toBe("Campaign 4");
  });
});

describe("infinite queries", () => {
  it("walks every page: no cursor first, then next_starting_after, hasNextPage false at the end", async () => {
    const { wrapper } = createWrapper();
    const { result } = renderHook(() => useListCampaignInfinite({ limit: 2 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(3));
    expect(result.current.hasNextPage).toBe(false);
    const ids = result.current.data?.pages.flatMap((page) => page.items?.map((campaign) => campaign.id));
    expect(ids).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(requests.map((request) => request.url.searchParams.get("starting_after"))).toEqual([
      null,
      "c2",
      "c4",
    ]);
  });

  it("the suspense variant suspends for the first page and pages on", async () => {
    const { wrapper: Wrapper } = createWrapper();
    render(
      <Wrapper>
        <Suspense fallback={<p>loading</p>}>
          <AllCampaigns />
        </Suspense>
      </Wrapper>,
    );
    const button = await screen.findByText("Campaign 1, Campaign 2");
    act(() => button.click());
    await screen.findByText("Campaign 1, Campaign 2, Campaign 3, Campaign 4");
    act(() => screen.getByRole("button").click());
    await screen.findByText("Campaign 1, Campaign 2, Campaign 3, Campaign 4, Campaign 5");
    expect((screen.getByRole("button") as HTMLButtonElement).disabled).toBe(true);
  });

  it("pages a POST read whose cursor is in the body (POST /api/v2/leads/list)", async () => {
    const { wrapper } = createWrapper();
    const { result } = renderHook(() => useListLeadsInfinite({ campaign: "c1", limit: 3 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    expect(result.current.hasNextPage).toBe(false);
    expect(requests.map((request) => request.body)).toEqual([
      { campaign: "c1", limit: 3 },
      { campaign: "c1", limit: 3, starting_after: "l3" },
    ]);
  });
});

describe("mutations", () => {
  it("creating a lead label refreshes the lead-label list", async () => {
    const { wrapper } = createWrapper();
    const { result } = renderHook(() => ({ list: useListLeadLabel(), create: useCreateLeadLabel() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    expect(result.current.list.data?.items?.map((label) => label.label)).toEqual(["Hot Lead"]);
    await act(() =>
      result.current.create.mutateAsync({ data: { label: "Cold", interest_status_label: "negative" } }),
    );
    await waitFor(() =>
      expect(result.current.list.data?.items?.map((label) => label.label)).toEqual(["Hot Lead", "Cold"]),
    );
  });

  it("patching campaign X refreshes X and the campaign list, not other campaigns", async () => {
    const { wrapper, queryClient } = createWrapper();
    const { result } = renderHook(
      () => ({
        one: useGetCampaign("c1"),
        other: useGetCampaign("c2"),
        list: useListCampaign(),
        patch: usePatchCampaign(),
      }),
      { wrapper },
    );
    await waitFor(() =>
      expect(
        result.current.list.isSuccess && result.current.one.isSuccess && result.current.other.isSuccess,
      ).toBe(true),
    );
    requests.length = 0;
    await act(() => result.current.patch.mutateAsync({ id: "c1", data: { name: "Renamed" } }));
    await waitFor(() => expect(result.current.one.data?.name).toBe("Renamed"));
    await waitFor(() => expect(result.current.list.data?.items?.[0]?.name).toBe("Renamed"));
    const refetched = requests
      .filter((request) => request.method === "GET")
      .map((request) => request.url.pathname);
    expect(refetched.sort()).toEqual(["/api/v2/campaigns", "/api/v2/campaigns/c1"]);
    expect(queryClient.getQueryState(getGetCampaignQueryKey("c2"))?.isInvalidated).toBe(false);
  });

  it("deleting an item drops its cached queries and refreshes its list", async () => {
    const { wrapper, queryClient } = createWrapper();
    const { result } = renderHook(
      () => ({
        list: useListLeadLabel(),
        one: useGetLeadLabel("label-1", { query: { enabled: false } }),
        remove: useDeleteLeadLabel(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    queryClient.setQueryData(getGetLeadLabelQueryKey("label-1"), { id: "label-1" } as never);
    await act(() => result.current.remove.mutateAsync({ id: "label-1" }));
    // Removed rather than refetched (a refetch would be a 404).
    expect(queryClient.getQueryData(getGetLeadLabelQueryKey("label-1"))).toBeUndefined();
    await waitFor(() => expect(result.current.list.data?.items).toEqual([]));
  });

  it("a custom invalidation can extend the default one", async () => {
    const { wrapper, queryClient } = createWrapper();
    const { result } = renderHook(
      () => ({
        list: useListCampaign(),
        labels: useListLeadLabel(),
        patch: usePatchCampaign({
          invalidate: async ({ queryClient, invalidateDefault }) => {
            await invalidateDefault();
            await queryClient.invalidateQueries({ queryKey: getListLeadLabelQueryKey() });
          },
        }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.isSuccess && result.current.labels.isSuccess).toBe(true));
    requests.length = 0;
    await act(() => result.current.patch.mutateAsync({ id: "c1", data: { name: "Both" } }));
    const refetched = requests
      .filter((request) => request.method === "GET")
      .map((request) => request.url.pathname);
    expect(refetched.sort()).toEqual(["/api/v2/campaigns", "/api/v2/lead-labels"]);
    expect(queryClient.isFetching()).toBe(0);
  });

  it("invalidation can be turned off or replaced per call", async () => {
    const { wrapper } = createWrapper();
    const seen: unknown[] = [];
    const { result } = renderHook(
      () => ({
        list: useListCampaign(),
        quiet: usePatchCampaign({ invalidate: false }),
        custom: usePatchCampaign({ invalidate: ({ variables }) => seen.push(variables.id) }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    requests.length = 0;
    await act(() => result.current.quiet.mutateAsync({ id: "c1", data: { name: "A" } }));
    await act(() => result.current.custom.mutateAsync({ id: "c2", data: { name: "B" } }));
    expect(seen).toEqual(["c2"]);
    expect(requests.filter((request) => request.method === "GET")).toEqual([]);
  });
});

describe("query keys", () => {
  it("are hierarchical per resource: root, resource, list/item scope (ADR 0022)", () => {
    expect(getListCampaignQueryKey()).toEqual(["instantly", "campaigns", "list"]);
    expect(getListCampaignQueryKey({ limit: 10 })).toEqual(["instantly", "campaigns", "list", { limit: 10 }]);
    expect(getGetCampaignQueryKey("c1")).toEqual(["instantly", "campaigns", "item", "c1"]);
    // The POST read is one of the resource's lists.
    expect(getListLeadsQueryKey({ campaign: "c1" })).toEqual([
      "instantly",
      "leads",
      "list",
      "list",
      { campaign: "c1" },
    ]);
    expect(getListLeadsInfiniteQueryKey({ campaign: "c1" })).toEqual([
      "instantly",
      "leads",
      "list",
      "list",
      { campaign: "c1" },
      "infinite",
    ]);
  });
});
