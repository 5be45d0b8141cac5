// What issue 10's "done means" asks: a new app's tests for leads (search, move, interest status) pass against
// `createMockApi` with no hand-written workaround. The app code here is plain @instantly-kit/client calls, as an
// app would write them; the mock answers through MSW's setupServer.
import { createInstantlyClient, paginate, unwrap } from "@instantly-kit/client";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createMockApi } from "../src/index.js";
import { startMockServer } from "../src/node.js";

const CAMPAIGN_A = "0a000000-0000-4000-8000-00000000000a";
const CAMPAIGN_B = "0b000000-0000-4000-8000-00000000000b";
const LIST = "0c000000-0000-4000-8000-00000000000c";

const api = createMockApi({ seed: "leads-app" });
const server = setupServer(...api.handlers);
const client = createInstantlyClient({ apiKey: "test-key", retry: false });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  api.reset();
  api.store.insert("campaigns", [
    { id: CAMPAIGN_A, name: "Outbound A" },
    { id: CAMPAIGN_B, name: "Outbound B" },
  ]);
  api.store.insert("lead-lists", { id: LIST, name: "Imported" });
  api.store.insert("leads", [
    { email: "ada@lovelace.dev", first_name: "Ada", last_name: "Lovelace", campaign: CAMPAIGN_A },
    { email: "alan@turing.dev", first_name: "Alan", last_name: "Turing", campaign: CAMPAIGN_A },
    { email: "grace@hopper.dev", first_name: "Grace", last_name: "Hopper", campaign: CAMPAIGN_B },
    { email: "edsger@dijkstra.dev", first_name: "Edsger", last_name: "Dijkstra", list_id: LIST },
  ]);
});
afterEach(() => vi.useRealTimers());
afterAll(() => server.close());

// --- the app's own functions, written against the client only ---
async function searchLeads(search: string, campaign?: string) {
  const page = unwrap(
    await client.POST("/api/v2/leads/list", { body: { search, ...(campaign ? { campaign } : {}) } }),
  );
  return page.items.map((lead) => lead.email);
}

async function moveLeads(ids: string[], from: string, to: string) {
  return unwrap(
    await client.POST("/api/v2/leads/move", { body: { ids, campaign: from, to_campaign_id: to } }),
  );
}

async function jobStatus(id: string) {
  return unwrap(await client.GET("/api/v2/background-jobs/{id}", { params: { path: { id } } }));
}

async function setInterest(email: string, value: number | null) {
  const response = await client.POST("/api/v2/leads/update-interest-status", {
    body: { lead_email: email, interest_value: value },
  });
  return response.response.status;
}

const idOf = (email: string) => api.store.list("leads", (lead) => lead.email === email)[0]?.id ?? "";

describe("a leads app against createMockApi", () => {
  it("searches leads by first name, last name or email, case-insensitively", async () => {
    expect(await searchLeads("ada")).toEqual(["ada@lovelace.dev"]);
    expect(await searchLeads("TURING")).toEqual(["alan@turing.dev"]);
    expect(await searchLeads("hopper.dev")).toEqual(["grace@hopper.dev"]);
    expect(await searchLeads("a", CAMPAIGN_A)).toEqual(["ada@lovelace.dev", "alan@turing.dev"]);
    expect(await searchLeads("nobody")).toEqual([]);
  });

  it("lists by ids and by campaign, and paginates over the filtered result", async () => {
    const ids = [idOf("alan@turing.dev"), idOf("edsger@dijkstra.dev")];
    const byIds = unwrap(await client.POST("/api/v2/leads/list", { body: { ids } }));
    expect(byIds.items.map((lead) => lead.email)).toEqual(["alan@turing.dev", "edsger@dijkstra.dev"]);

    // 25 more leads in campaign B: walking it 10 at a time visits exactly B's 26 leads.
    api.store.insert(
      "leads",
      Array.from({ length: 25 }, (_, index) => ({ email: `b${index}@example.com`, campaign: CAMPAIGN_B })),
    );
    const pages: number[] = [];
    const emails: string[] = [];
    let cursor: string | undefined;
    do {
      const page = unwrap(
        await client.POST("/api/v2/leads/list", {
          body: { campaign: CAMPAIGN_B, limit: 10, ...(cursor ? { starting_after: cursor } : {}) },
        }),
      );
      pages.push(page.items.length);
      emails.push(...page.items.map((lead) => lead.email ?? ""));
      cursor = page.next_starting_after;
    } while (cursor);
    expect(pages).toEqual([10, 10, 6]);
    expect(emails[0]).toBe("grace@hopper.dev");
    expect(new Set(emails).size).toBe(26);

    // The client's paginate() sees the same filtered set.
    const walked: string[] = [];
    for await (const lead of paginate(client, "/api/v2/leads/list", {
      body: { campaign: CAMPAIGN_B, limit: 7 },
    })) {
      walked.push(lead.email ?? "");
    }
    expect(walked).toEqual(emails);
  });

  it("moves leads between campaigns through a background job", async () => {
    const ada = idOf("ada@lovelace.dev");
    const job = await moveLeads([ada], CAMPAIGN_A, CAMPAIGN_B);
    expect(job).toMatchObject({
      type: "move-leads",
      status: "pending",
      entity_type: "campaign",
      entity_id: CAMPAIGN_B,
    });
    // Completed at once by default: the job reports success and the lead is in campaign B.
    expect(await jobStatus(job.id)).toMatchObject({
      status: "success",
      progress: 100,
      data: { moved_leads: 1, moved_lead_emails: ["ada@lovelace.dev"] },
    });
    expect(await searchLeads("ada", CAMPAIGN_B)).toEqual(["ada@lovelace.dev"]);
    expect(await searchLeads("ada", CAMPAIGN_A)).toEqual([]);
    expect(api.store.get("leads", ada)?.campaign).toBe(CAMPAIGN_B);
  });

  it("moves a campaign's leads into a list after a delay, under fake timers", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const delayed = createMockApi({ seed: "leads-app", jobs: { delayMs: 5_000 } });
    server.use(...delayed.handlers);
    try {
      delayed.store.insert("leads", [
        { email: "one@example.com", campaign: CAMPAIGN_A },
        { email: "two@example.com", campaign: CAMPAIGN_A },
      ]);
      const job = unwrap(
        await client.POST("/api/v2/leads/move", { body: { campaign: CAMPAIGN_A, to_list_id: LIST } }),
      );
      expect((await jobStatus(job.id)).status).toBe("pending");
      expect(delayed.store.list("leads", (lead) => lead.list_id === LIST)).toEqual([]);
      vi.advanceTimersByTime(5_000);
      expect((await jobStatus(job.id)).status).toBe("success");
      expect(delayed.store.list("leads", (lead) => lead.list_id === LIST).map((lead) => lead.email)).toEqual([
        "one@example.com",
        "two@example.com",
      ]);
    } finally {
      server.resetHandlers();
    }
  });

  it("updates a lead's interest status, and resets it with null", async () => {
    expect(await setInterest("grace@hopper.dev", 1)).toBe(202);
    const grace = unwrap(
      await client.GET("/api/v2/leads/{id}", { params: { path: { id: idOf("grace@hopper.dev") } } }),
    );
    expect(grace.lt_interest_status).toBe(1);
    const interested = unwrap(
      await client.POST("/api/v2/leads/list", { body: { filter: "FILTER_LEAD_INTERESTED" } }),
    );
    expect(interested.items.map((lead) => lead.email)).toEqual(["grace@hopper.dev"]);

    expect(await setInterest("grace@hopper.dev", null)).toBe(202);
    expect(api.store.get("leads", idOf("grace@hopper.dev"))?.lt_interest_status).toBeUndefined();
    expect(await setInterest("nobody@example.com", 1)).toBe(404);
  });
});

describe("the same calls against the real mock HTTP server", () => {
  it("searches, moves and updates interest over node:http on 127.0.0.1", async () => {
    server.close(); // MSW must not intercept this client's requests
    const mock = await startMockServer({ port: 0, seed: "leads-app" });
    try {
      const remote = createInstantlyClient({ apiKey: "test-key", baseUrl: mock.url, retry: false });
      const api = mock.api;
      if (!api) throw new Error("the mock server is stateful by default");
      const [ada] = api.store.insert("leads", [
        { email: "ada@lovelace.dev", first_name: "Ada", campaign: CAMPAIGN_A },
        { email: "alan@turing.dev", first_name: "Alan", campaign: CAMPAIGN_A },
      ]);
      const found = unwrap(await remote.POST("/api/v2/leads/list", { body: { search: "lovelace" } }));
      expect(found.items.map((lead) => lead.id)).toEqual([ada?.id]);
      const job = unwrap(
        await remote.POST("/api/v2/leads/move", {
          body: { campaign: CAMPAIGN_A, ids: [ada?.id ?? ""], to_campaign_id: CAMPAIGN_B },
        }),
      );
      const done = unwrap(
        await remote.GET("/api/v2/background-jobs/{id}", { params: { path: { id: job.id } } }),
      );
      expect(done.status).toBe("success");
      expect(api.store.get("leads", ada?.id ?? "")?.campaign).toBe(CAMPAIGN_B);
      const interest = await remote.POST("/api/v2/leads/update-interest-status", {
        body: { lead_email: "alan@turing.dev", interest_value: -1 },
      });
      expect(interest.response.status).toBe(202);
      const notInterested = unwrap(
        await remote.POST("/api/v2/leads/list", { body: { filter: "FILTER_LEAD_NOT_INTERESTED" } }),
      );
      expect(notInterested.items.map((lead) => lead.email)).toEqual(["alan@turing.dev"]);
    } finally {
      await mock.close();
      server.listen({ onUnhandledRequest: "error" });
    }
  });
});
