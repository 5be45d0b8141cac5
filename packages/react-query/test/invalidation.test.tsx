import {
  apiError,
  json,
  pageOf,
  startServer,
  type TestServer,
} from "@instantly-kit/test-support/http-server";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  getGetLeadQueryKey,
  getListLeadsInfiniteQueryKey,
  getListLeadsQueryKey,
  updateCached,
  useBackgroundJob,
  useGetLead,
  useListLeads,
  useListLeadsInfinite,
  useMoveLeads,
  usePatchLead,
} from "../src/index.js";
import { observedQueryClient, providers } from "./render.js";

interface Lead {
  id: string;
  campaign: string;
  first_name: string;
}
type Page = { items?: Lead[] };

let server: TestServer;
let leads: Lead[];
let jobStatus: string;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

beforeEach(() => {
  server.reset();
  leads = [1, 2, 3].map((n) => ({ id: `l${n}`, campaign: "c1", first_name: `Lead ${n}` }));
  jobStatus = "pending";
  server.route("POST /api/v2/leads/list", (request, res) => {
    const body = JSON.parse(request.body || "{}") as { campaign?: string; starting_after?: string };
    const inCampaign = leads.filter((lead) => !body.campaign || lead.campaign === body.campaign);
    json(res, 200, pageOf(inCampaign, 2, body.starting_after));
  });
  for (const n of [1, 2, 3]) {
    server.route(`GET /api/v2/leads/l${n}`, (_, res) => json(res, 200, leads[n - 1]));
    server.route(`PATCH /api/v2/leads/l${n}`, (request, res) => {
      Object.assign(leads[n - 1] as Lead, JSON.parse(request.body));
      json(res, 200, leads[n - 1]);
    });
  }
  // The move is accepted at once and done when the job succeeds (the test decides when).
  server.route("POST /api/v2/leads/move", (_, res) => json(res, 200, { id: "job-1", status: "pending" }));
  server.route("GET /api/v2/background-jobs/job-1", (_, res) =>
    json(res, 200, { id: "job-1", status: jobStatus }),
  );
});

const count = (method: string, path: string) =>
  server.requests.filter((request) => request.method === method && request.url.pathname === path).length;

// Polls as fast as the server answers: what the test waits for is the server's state, never a delay.
const setup = () =>
  providers(observedQueryClient({ backgroundJobs: { initialDelayMs: 1, factor: 1, maxDelayMs: 1 } }), {
    baseUrl: server.baseUrl,
    retry: false,
  });

const names = (page: { items?: Array<{ first_name?: unknown }> } | undefined) =>
  page?.items?.map((lead) => lead.first_name);

describe("invalidation", () => {
  it("patching a lead refreshes listLeads (a POST read is one of the resource's lists)", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => ({ list: useListLeads({ campaign: "c1" }), patch: usePatchLead() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    expect(names(result.current.list.data)).toEqual(["Lead 1", "Lead 2"]);
    await act(() => result.current.patch.mutateAsync({ id: "l1", data: { first_name: "Ada" } }));
    // mutateAsync resolves after the invalidation's refetch (the render follows on TanStack's next tick).
    expect(count("POST", "/api/v2/leads/list")).toBe(2);
    await waitFor(() => expect(names(result.current.list.data)).toEqual(["Ada", "Lead 2"]));
  });

  it("one prefix selects a resource's plain and infinite lists together", async () => {
    const { queryClient, wrapper } = setup();
    const { result } = renderHook(
      () => ({
        plain: useListLeads({ campaign: "c1" }),
        infinite: useListLeadsInfinite({ campaign: "c1" }),
      }),
      { wrapper },
    );
    await waitFor(() =>
      expect(result.current.plain.isSuccess && result.current.infinite.isSuccess).toBe(true),
    );
    expect(count("POST", "/api/v2/leads/list")).toBe(2);
    const lists = ["instantly", "leads", "list"] as const;
    expect(getListLeadsQueryKey({ campaign: "c1" }).slice(0, 3)).toEqual(lists);
    expect(getListLeadsInfiniteQueryKey({ campaign: "c1" }).slice(0, 3)).toEqual(lists);
    expect(queryClient.getQueryCache().findAll({ queryKey: lists })).toHaveLength(2);
    await act(() => queryClient.invalidateQueries({ queryKey: lists }));
    expect(count("POST", "/api/v2/leads/list")).toBe(4);
  });

  it("a move-leads mutation invalidates only after its background job completes", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(
      () => {
        const move = useMoveLeads();
        return { list: useListLeads({ campaign: "c1" }), move, job: useBackgroundJob(move.data?.id) };
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    const job = await act(() =>
      result.current.move.mutateAsync({ data: { ids: ["l1"], to_campaign_id: "c2" } }),
    );
    // The mutation gives the job at once.
    expect(job).toEqual({ id: "job-1", status: "pending" });
    // While the job runs: polled (by the invalidation and by useBackgroundJob), the list left alone.
    await waitFor(() => expect(count("GET", "/api/v2/background-jobs/job-1")).toBeGreaterThanOrEqual(4));
    expect(result.current.job.data?.status).toBe("pending");
    expect(result.current.job.isFinished).toBe(false);
    expect(count("POST", "/api/v2/leads/list")).toBe(1);
    // The job ends: the leads moved, then the list is refreshed and the job shows finished.
    (leads[0] as Lead).campaign = "c2";
    jobStatus = "success";
    await waitFor(() => expect(count("POST", "/api/v2/leads/list")).toBe(2));
    await waitFor(() => expect(names(result.current.list.data)).toEqual(["Lead 2", "Lead 3"]));
    await waitFor(() => expect(result.current.job.isFinished).toBe(true));
    expect(result.current.job.data?.status).toBe("success");
    // Polling stops once the job is finished.
    const polls = count("GET", "/api/v2/background-jobs/job-1");
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(count("GET", "/api/v2/background-jobs/job-1")).toBe(polls);
  });

  it("a failed job invalidates too (part of the work may be done) and reads as finished", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(
      () => {
        const move = useMoveLeads();
        return { list: useListLeads({ campaign: "c1" }), move, job: useBackgroundJob(move.data?.id) };
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await act(() => result.current.move.mutateAsync({ data: { ids: ["l1"], to_campaign_id: "c2" } }));
    jobStatus = "failed";
    await waitFor(() => expect(count("POST", "/api/v2/leads/list")).toBe(2));
    await waitFor(() => expect(result.current.job.data?.status).toBe("failed"));
    expect(result.current.job.isFinished).toBe(true);
  });
});

describe("updateCached", () => {
  it("patches the item in its own query and every cached list (plain and infinite), and rolls back", async () => {
    const { queryClient, wrapper } = setup();
    const { result } = renderHook(
      () => ({
        item: useGetLead("l1"),
        plain: useListLeads({ campaign: "c1" }),
        infinite: useListLeadsInfinite({ campaign: "c1" }),
      }),
      { wrapper },
    );
    await waitFor(() =>
      expect(
        result.current.item.isSuccess && result.current.plain.isSuccess && result.current.infinite.isSuccess,
      ).toBe(true),
    );
    const before = {
      item: queryClient.getQueryData(getGetLeadQueryKey("l1")),
      plain: queryClient.getQueryData(getListLeadsQueryKey({ campaign: "c1" })),
      infinite: queryClient.getQueryData(getListLeadsInfiniteQueryKey({ campaign: "c1" })),
    };
    const rollback = updateCached(queryClient, "leads", "l1", { first_name: "Optimistic" });
    const plain = queryClient.getQueryData<Page>(getListLeadsQueryKey({ campaign: "c1" }));
    expect(queryClient.getQueryData<Lead>(getGetLeadQueryKey("l1"))?.first_name).toBe("Optimistic");
    expect(names(plain)).toEqual(["Optimistic", "Lead 2"]);
    expect(
      names(
        queryClient.getQueryData<{ pages: Page[] }>(getListLeadsInfiniteQueryKey({ campaign: "c1" }))
          ?.pages[0],
      ),
    ).toEqual(["Optimistic", "Lead 2"]);
    // What is on screen follows; other items keep their identity (no needless re-render of them).
    await waitFor(() => expect(result.current.item.data?.first_name).toBe("Optimistic"));
    expect(plain?.items?.[1]).toBe((before.plain as { items: unknown[] }).items[1]);
    const reads = server.requests.length;
    rollback();
    // What it puts back is what the server answered: nothing to refetch.
    expect(queryClient.isFetching()).toBe(0);
    expect(server.requests.length).toBe(reads);
    // Equal, not identical: TanStack's structural sharing copies what setQueryData is given.
    expect(queryClient.getQueryData(getGetLeadQueryKey("l1"))).toEqual(before.item);
    expect(queryClient.getQueryData(getListLeadsQueryKey({ campaign: "c1" }))).toEqual(before.plain);
    expect(queryClient.getQueryData(getListLeadsInfiniteQueryKey({ campaign: "c1" }))).toEqual(
      before.infinite,
    );
    expect((before.item as Lead).first_name).toBe("Lead 1");
  });

  it("a function patch sees the cached item; an id not cached changes nothing", async () => {
    const { queryClient, wrapper } = setup();
    const { result } = renderHook(() => useListLeads({ campaign: "c1" }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const before = queryClient.getQueryData(getListLeadsQueryKey({ campaign: "c1" }));
    updateCached(queryClient, "leads", "l2", (lead) => ({ ...lead, first_name: `${lead.first_name}!` }));
    const unchanged = queryClient.getQueryData<Page>(getListLeadsQueryKey({ campaign: "c1" }));
    expect(names(unchanged)).toEqual(["Lead 1", "Lead 2!"]);
    updateCached(queryClient, "leads", "nope", { first_name: "x" })();
    expect(queryClient.getQueryData(getListLeadsQueryKey({ campaign: "c1" }))).toBe(unchanged);
    expect(unchanged).not.toBe(before);
  });

  it.each([
    ["first", "second"],
    ["second", "first"],
  ])(
    "two optimistic patches of one item that both fail (the %s refused first) leave the server's item",
    async (...order) => {
      const { queryClient, wrapper } = setup();
      // The PATCHes wait until the test answers them, so both are in flight at once.
      const held = new Map<string, () => void>();
      server.route("PATCH /api/v2/leads/l1", (request, res) => {
        const { first_name } = JSON.parse(request.body) as { first_name: string };
        held.set(first_name, () => apiError(res, 400, "Bad Request", "refused"));
      });
      const { result } = renderHook(
        () => ({
          item: useGetLead("l1"),
          patch: usePatchLead({
            mutation: {
              onMutate: ({ id, data }) => updateCached(queryClient, "leads", id, data),
              onError: (_error, _variables, rollback) => rollback?.(),
            },
          }),
        }),
        { wrapper },
      );
      await waitFor(() => expect(result.current.item.isSuccess).toBe(true));
      const calls = {
        first: result.current.patch.mutateAsync({ id: "l1", data: { first_name: "first" } }),
        second: result.current.patch.mutateAsync({ id: "l1", data: { first_name: "second" } }),
      };
      await waitFor(() => expect(held.size).toBe(2));
      expect(queryClient.getQueryData<Lead>(getGetLeadQueryKey("l1"))?.first_name).toBe("second");
      for (const name of order as Array<"first" | "second">) {
        held.get(name)?.();
        await expect(calls[name]).rejects.toMatchObject({ status: 400 });
      }
      // Neither patch happened: what is shown ends as the server's lead, not one the API refused.
      await waitFor(() =>
        expect(queryClient.getQueryData<Lead>(getGetLeadQueryKey("l1"))?.first_name).toBe("Lead 1"),
      );
      await waitFor(() => expect(queryClient.isFetching()).toBe(0));
      expect(queryClient.getQueryData<Lead>(getGetLeadQueryKey("l1"))?.first_name).toBe("Lead 1");
    },
  );
});
