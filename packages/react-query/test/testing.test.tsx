// The test kit (@instantly-kit/react-query/testing) as an app's tests use it: real hooks rendered inside its
// providers, answered by its per-test stateful mock API over msw/node. From src, like the hooks (one React
// context: a hook from src would not see dist's provider); the entry by package name is checked by
// package.test.ts, publint and attw, and used by apps/dashboard and new apps.
import { mockError } from "@instantly-kit/msw";
import { MutationObserver } from "@tanstack/react-query";
import { act, renderHook, screen, waitFor } from "@testing-library/react";
import { useEffect, useRef } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  useCreateLeadLabel,
  useListCampaign,
  useListCampaignInfinite,
  useListLeadLabel,
} from "../src/index.js";
import {
  createInstantlyWrapper,
  createTestQueryClient,
  FakeIntersectionObserver,
  installFakeIntersectionObserver,
  renderWithInstantly,
  scrollObservedIntoView,
  setupMockApi,
  TEST_API_KEY,
} from "../src/testing/index.js";

const mock = setupMockApi({ seed: "kit-tests" });

function CampaignNames() {
  const { data } = useListCampaign();
  return <p>{data?.items?.map((campaign) => campaign.name).join(", ") ?? "loading"}</p>;
}

/** An infinite list whose end is an observed sentinel, the way apps build "load more on scroll". */
function CampaignFeed() {
  const query = useListCampaignInfinite({ limit: 2 });
  const sentinel = useRef<HTMLLIElement>(null);
  const { hasNextPage, fetchNextPage, isFetchingNextPage } = query;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, fetchNextPage, isFetchingNextPage]);
  const names = query.data?.pages.flatMap((page) => page.items?.map((campaign) => campaign.name) ?? []) ?? [];
  return (
    <ul aria-label="feed">
      {names.map((name) => (
        <li key={name}>{name}</li>
      ))}
      {hasNextPage ? <li ref={sentinel}>more…</li> : <li>end</li>}
    </ul>
  );
}

describe("setupMockApi: a fresh stateful mock API per test", () => {
  // Two tests in a fixed order: the second must see none of what the first created, and the same ids.
  const firstIds: string[] = [];

  it("test A creates through the hooks and the store has it", async () => {
    const [seeded] = mock.api.seed("lead-labels", [{ label: "Seeded" }]);
    firstIds.push(seeded?.id ?? "");
    const { wrapper } = createInstantlyWrapper();
    const { result } = renderHook(() => ({ list: useListLeadLabel(), create: useCreateLeadLabel() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await act(() =>
      result.current.create.mutateAsync({ data: { label: "Created", interest_status_label: "positive" } }),
    );
    await waitFor(() =>
      expect(result.current.list.data?.items?.map((label) => label.label)).toEqual(["Seeded", "Created"]),
    );
    expect(mock.api.store.list("lead-labels").map((label) => label.label)).toEqual(["Seeded", "Created"]);
    expect(mock.requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      "GET /api/v2/lead-labels",
      "POST /api/v2/lead-labels",
      "GET /api/v2/lead-labels",
    ]);
    expect(mock.requests[0]?.headers.get("authorization")).toBe(`Bearer ${TEST_API_KEY}`);
    mock.server.use(mockError("listLeadLabel", 401)); // must not leak into test B
  });

  it("test B starts empty, with the same ids, no leftover override and no leftover requests", async () => {
    expect(mock.requests).toEqual([]);
    expect(mock.api.store.list("lead-labels")).toEqual([]);
    const [seeded] = mock.api.seed("lead-labels", [{ label: "Seeded again" }]);
    expect(seeded?.id).toBe(firstIds[0]);
    const { wrapper } = createInstantlyWrapper();
    const { result } = renderHook(() => useListLeadLabel(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.items?.map((label) => label.label)).toEqual(["Seeded again"]);
  });
});

describe("renderWithInstantly and the test QueryClient", () => {
  it("renders a component with both providers, answered by the mock", async () => {
    mock.api.seed("campaigns", [{ name: "Kit campaign" }]);
    const { queryClient } = renderWithInstantly(<CampaignNames />);
    expect(await screen.findByText("Kit campaign")).toBeTruthy();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(1);
  });

  it("a query that always fails makes exactly the client's attempts: no TanStack retries on top", async () => {
    mock.server.use(mockError("listCampaign", 429, { headers: { "Retry-After": "0" } }));
    const { wrapper } = createInstantlyWrapper();
    const { result } = renderHook(() => useListCampaign(), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(mock.requests).toHaveLength(3); // the client's default policy: 3 attempts in all
  });

  it("a mutation that fails is not retried either, and client options pass through", async () => {
    mock.server.use(mockError("createLeadLabel", 400));
    const { wrapper } = createInstantlyWrapper({ clientOptions: { retry: false } });
    const { result } = renderHook(() => useCreateLeadLabel(), { wrapper });
    await act(async () => {
      await result.current
        .mutateAsync({ data: { label: "x", interest_status_label: "positive" } })
        .catch(() => undefined);
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(mock.requests).toHaveLength(1);
  });

  it("keeps the test defaults under the caller's options, and the caller's win", () => {
    const client = createTestQueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } });
    expect(client.getDefaultOptions().queries).toMatchObject({ retry: false, staleTime: 5_000 });
    expect(client.getDefaultOptions().mutations).toMatchObject({ retry: false });
    const retrying = createTestQueryClient({ defaultOptions: { queries: { retry: 2 } } });
    expect(retrying.getDefaultOptions().queries?.retry).toBe(2);
  });

  it("schedules no garbage-collection timer for a mutation either, unless the caller sets one", async () => {
    const client = createTestQueryClient();
    expect(client.getDefaultOptions().mutations).toEqual({ retry: false, gcTime: Number.POSITIVE_INFINITY });
    const custom = createTestQueryClient({ defaultOptions: { mutations: { gcTime: 1_000 } } });
    expect(custom.getDefaultOptions().mutations).toEqual({ retry: false, gcTime: 1_000 });

    // What useMutation does: an observer subscribed while the component is mounted. Once it unsubscribes
    // (unmount), a settled mutation stays in the cache until its gcTime runs out: with TanStack's default a
    // 5-minute timer still pending when the test ends (jest: open handle; vitest: a callback after teardown).
    vi.useFakeTimers();
    try {
      const observer = new MutationObserver(client, { mutationFn: async (n: number) => n * 2 });
      const unsubscribe = observer.subscribe(() => undefined);
      await expect(observer.mutate(21)).resolves.toBe(42);
      unsubscribe();
      await vi.advanceTimersByTimeAsync(0); // TanStack's batched notifications (0 ms timers) run
      expect(vi.getTimerCount()).toBe(0);
      expect(client.getMutationCache().getAll()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a mutation run by a hook through the test providers has no garbage-collection timer", async () => {
    const { wrapper, queryClient } = createInstantlyWrapper();
    const { result } = renderHook(() => useCreateLeadLabel(), { wrapper });
    await act(() =>
      result.current.mutateAsync({ data: { label: "Kept", interest_status_label: "positive" } }),
    );
    const [mutation] = queryClient.getMutationCache().getAll();
    expect(mutation?.state.status).toBe("success");
    expect(mutation?.gcTime).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("the IntersectionObserver fake", () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = installFakeIntersectionObserver();
  });
  afterEach(() => uninstall());

  it("loads the next page of an infinite list when the sentinel scrolls into view, until the end", async () => {
    mock.api.seed(
      "campaigns",
      [1, 2, 3, 4, 5].map((n) => ({ name: `Campaign ${n}` })),
    );
    renderWithInstantly(<CampaignFeed />);
    await screen.findByText("Campaign 2");
    expect(screen.queryByText("Campaign 3")).toBeNull();
    act(() => scrollObservedIntoView());
    await screen.findByText("Campaign 4");
    act(() => scrollObservedIntoView());
    await screen.findByText("end");
    const items = screen.getAllByRole("listitem").map((item) => item.textContent);
    expect(items).toEqual(["Campaign 1", "Campaign 2", "Campaign 3", "Campaign 4", "Campaign 5", "end"]);
    const cursors = mock.requests.map((request) => request.url.searchParams.get("starting_after"));
    expect(cursors).toHaveLength(3);
    expect(cursors[0]).toBeNull();
  });

  it("fires only for observed, connected elements and puts the previous global back", () => {
    const seen: Element[] = [];
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) seen.push(entry.target);
    });
    expect(observer).toBeInstanceOf(FakeIntersectionObserver);
    const a = document.createElement("div");
    const b = document.createElement("div");
    observer.observe(a);
    observer.observe(b);
    observer.observe(a); // observing twice is one target, as in browsers
    observer.unobserve(b);
    scrollObservedIntoView();
    expect(seen).toEqual([a]);
    observer.disconnect();
    scrollObservedIntoView();
    expect(seen).toEqual([a]);

    const before = globalThis.IntersectionObserver;
    const again = installFakeIntersectionObserver();
    again();
    expect(globalThis.IntersectionObserver).toBe(before);
  });
});
