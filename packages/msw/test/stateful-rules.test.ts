// The stateful mock's rule tables, tested as classes: every derived list filter of every list operation the
// mock keeps state for, every documented lead `filter` value, and every action of the action table.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTIONS } from "../src/actions.js";
import { type ListFilter, listPredicate } from "../src/filters.js";
import { backgroundJobOperations, listFilters } from "../src/generated/stateful.gen.js";
import { createMockApi, crudResources, operationSpecs, type ResourceName } from "../src/index.js";
import { createValidator, resolveSchema, specOperations } from "./spec.js";
import { bodyPointer, resolve } from "./valid-requests.js";

const ORIGIN = "https://api.instantly.ai";
// Manual jobs: each action test sees the job pending, then completes it.
const api = createMockApi({ seed: "rules", jobs: { manual: true } });
const server = setupServer(...api.handlers);
const validate = createValidator();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => api.reset());
afterAll(() => server.close());

type Item = Record<string, unknown>;

async function send(method: string, path: string, body?: unknown) {
  const response = await fetch(`${ORIGIN}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const pointerOf = (operationId: string) =>
  specOperations.find((op) => op.operationId === operationId)?.successPointer ?? "";

/** Lists through the resource's own list operation with `params` (query or body, as the spec says). */
async function listIds(resource: (typeof crudResources)[ResourceName], params: Record<string, unknown>) {
  const path = operationSpecs[resource.list as keyof typeof operationSpecs].path;
  const response =
    resource.listIn === "body"
      ? await send("POST", path, params)
      : await send(
          "GET",
          `${path}?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]))}`,
        );
  expect(response.status).toBe(200);
  return (response.body.items as Item[]).map((item) => item[resource.idProperty]);
}

/** The schema of a list operation's filter parameter (query parameter, or property of the POST body). */
function paramSchema(operationId: string, param: string): Record<string, unknown> | undefined {
  const operation = specOperations.find((op) => op.operationId === operationId);
  if (!operation) return undefined;
  const pointer = bodyPointer(operation);
  if (pointer !== undefined) {
    const properties = resolve(resolveSchema(pointer))?.properties as Record<string, unknown> | undefined;
    return resolve(properties?.[param]);
  }
  const parameters = (operation.operation.parameters ?? []) as Record<string, unknown>[];
  return resolve(resolve(parameters.find((p) => p.in === "query" && p.name === param))?.schema);
}

/**
 * Two different values the parameter's schema accepts (request validation is on, as in the API): the first two
 * enum values, true/false, 1/2, or two strings. The first is the one the request asks for.
 */
function twoValues(schema: Record<string, unknown> | undefined): [unknown, unknown] {
  const branches = [schema, ...((schema?.anyOf ?? schema?.oneOf ?? []) as Record<string, unknown>[])]
    .map(resolve)
    .filter((branch) => branch !== undefined && branch.type !== "null");
  for (const branch of branches) {
    if (branch?.type === "array") return twoValues(resolve(branch.items));
    const values = (branch?.enum as unknown[] | undefined)?.filter((value) => value !== null);
    if (values && values.length > 0) return [values[0], values[1] ?? `not-${String(values[0])}`];
    const types = [branch?.type].flat();
    if (types.includes("boolean")) return [true, false];
    if (types.includes("integer") || types.includes("number")) return [1, 2];
    if (branch?.format === "email") return ["match@example.com", "other@example.com"];
    if (branch?.format === "uuid")
      return ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];
    if (branch?.format === "date-time") return ["2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"];
  }
  return ["match-value", "other-value"];
}

/** Two items and a request value such that the filter keeps `a` and drops `b` (or the reverse for `not`). */
function casesOf(
  operationId: string,
  filter: ListFilter,
): { a: Item; b: Item; value: unknown; keeps: "a" | "b" }[] {
  switch (filter.kind) {
    case "equals":
    case "not": {
      const [match, other] = twoValues(paramSchema(operationId, filter.param));
      const value = filter.many === "array" ? [match] : match;
      const keeps = filter.kind === "equals" ? "a" : "b";
      return [{ a: { [filter.property]: match }, b: { [filter.property]: other }, value, keeps }];
    }
    case "present":
      return [
        { a: { [filter.property]: "set" }, b: { [filter.property]: null }, value: true, keeps: "a" },
        { a: { [filter.property]: "set" }, b: { [filter.property]: null }, value: false, keeps: "b" },
      ];
    case "min":
    case "max":
      return [
        {
          a: { [filter.property]: "2026-03-10T00:00:00.000Z" },
          b: { [filter.property]: "2026-03-01T00:00:00.000Z" },
          value: "2026-03-05T00:00:00.000Z",
          keeps: filter.kind === "min" ? "a" : "b",
        },
      ];
    case "search":
      // Each searched property on its own, matched case-insensitively inside a longer text.
      return filter.properties.map((property) => ({
        a: { [property]: "Before NeedleText after" },
        b: { [property]: "nothing here" },
        value: "needletext",
        keeps: "a" as const,
      }));
  }
}

const derivedCases = Object.values(crudResources).flatMap((resource) =>
  (listFilters[resource.list]?.filters ?? []).flatMap((filter) =>
    filter.kind === "equals" && filter.property === resource.idProperty
      ? [] // id filters are covered below with real ids
      : casesOf(resource.list, filter).map(
          (entry, index) =>
            [
              `${resource.list} ${filter.param} (${filter.kind} #${index + 1})`,
              resource,
              filter,
              entry,
            ] as const,
        ),
  ),
);

describe("derived list filters: every one of every stateful list operation", () => {
  it("derives the documented filters of POST /leads/list", () => {
    const params = listFilters.listLeads?.filters.map((filter) => filter.param) ?? [];
    expect(params).toEqual(
      expect.arrayContaining(["search", "ids", "campaign", "list_id", "in_campaign", "excluded_ids"]),
    );
    expect(listFilters.listLeads?.filters.find((filter) => filter.param === "search")).toEqual({
      param: "search",
      kind: "search",
      properties: ["email", "first_name", "last_name"],
    });
  });

  it.each(derivedCases)("%s keeps exactly the matching item", async (_name, resource, filter, entry) => {
    const [a, b] = api.store.insert(resource.name as ResourceName, [entry.a, entry.b] as never[]) as Item[];
    const ids = await listIds(resource, { [filter.param]: entry.value });
    expect(ids).toEqual([(entry.keeps === "a" ? a : b)?.[resource.idProperty]]);
  });

  it.each(
    Object.values(crudResources).filter((resource) =>
      listFilters[resource.list]?.filters.some((filter) => filter.param === "ids"),
    ),
  )("$list filters by ids and excluded_ids", async (resource) => {
    const items = api.store.insert(resource.name as ResourceName, [{}, {}, {}] as never[]) as Item[];
    const [first, second, third] = items.map((item) => item[resource.idProperty]);
    const many = listFilters[resource.list]?.filters.find((filter) => filter.param === "ids");
    const list = (values: unknown[]) =>
      many?.kind === "equals" && many.many === "comma" ? values.join(",") : values;
    expect(await listIds(resource, { ids: list([third, first]) })).toEqual([first, third]);
    if (listFilters[resource.list]?.filters.some((filter) => filter.param === "excluded_ids")) {
      expect(await listIds(resource, { excluded_ids: list([second]) })).toEqual([first, third]);
    }
  });

  it("paginates over the filtered result, with cursors that only visit matches", async () => {
    api.store.insert(
      "campaigns",
      Array.from({ length: 30 }, (_, index) => ({
        name: `c${index}`,
        status: index % 3 === 0 ? (1 as const) : (2 as const),
      })),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await send(
        "GET",
        `/api/v2/campaigns?status=1&limit=4${cursor ? `&starting_after=${cursor}` : ""}`,
      );
      expect(validate(pointerOf("listCampaign"), page.body)).toBeUndefined();
      seen.push(...page.body.items.map((item: Item) => item.name));
      cursor = page.body.next_starting_after;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, index) => `c${index * 3}`));
  });

  it("answers an unknown filter value or an unreadable date with nothing, not everything", async () => {
    const unknown = [
      ["POST", "/api/v2/leads/list", { filter: "FILTER_NOT_A_THING" }],
      ["POST", "/api/v2/leads/list", { in_campaign: "maybe" }],
      ["GET", "/api/v2/campaigns?status=99", undefined],
    ] as const;
    // With request validation on (the default, as in the API) a value outside the parameter's schema is a 400,
    // a value the schema allows but no item has is an empty page…
    api.store.insert("leads", [{ email: "a@example.com" }, { email: "b@example.com" }]);
    api.store.insert("campaigns", [{ name: "x" }]);
    for (const [method, path, body] of unknown) {
      const response = await send(method, path, body);
      expect(response.status === 400 ? [] : response.body.items).toEqual([]);
    }
    // …and without it, the filter still answers nothing rather than everything.
    const loose = createMockApi({ seed: "rules", validateRequests: false });
    loose.store.insert("leads", [{ email: "a@example.com" }, { email: "b@example.com" }]);
    loose.store.insert("campaigns", [{ name: "x" }]);
    server.use(...loose.handlers);
    try {
      for (const [method, path, body] of unknown) {
        const response = await send(method, path, body);
        expect(response.status).toBe(200);
        expect(response.body.items).toEqual([]);
      }
    } finally {
      server.resetHandlers();
    }
    // A date range on a list the mock keeps no state for (emails), through the same predicate.
    const emails = [
      { timestamp_created: "2026-03-10T00:00:00.000Z" },
      { timestamp_created: "2026-03-01T00:00:00.000Z" },
    ];
    const range = (params: Record<string, string>) =>
      emails.filter(listPredicate("listEmail", listFilters.listEmail, params, { list: () => [] }));
    expect(range({ min_timestamp_created: "2026-03-05T00:00:00.000Z" })).toEqual([emails[0]]);
    expect(range({ max_timestamp_created: "2026-03-05T00:00:00.000Z" })).toEqual([emails[1]]);
    expect(range({ min_timestamp_created: "not-a-date" })).toEqual([]);
  });
});

/**
 * The lead `filter` values the spec documents (x-enumDescriptions of POST /leads/list `filter`), each with a lead
 * that matches it and one that does not — written from the descriptions, not from the implementation.
 */
const LEAD_FILTER_CASES: Record<string, [match: Item, miss: Item]> = {
  FILTER_VAL_CONTACTED: [
    { timestamp_last_contact: "2026-01-02T00:00:00.000Z" },
    { timestamp_last_contact: null },
  ],
  FILTER_VAL_NOT_CONTACTED: [
    { timestamp_last_contact: null },
    { timestamp_last_contact: "2026-01-02T00:00:00.000Z" },
  ],
  FILTER_VAL_COMPLETED: [{ status: 3 }, { status: 1 }],
  FILTER_VAL_UNSUBSCRIBED: [{ status: -2 }, { status: 1 }],
  FILTER_VAL_ACTIVE: [{ status: 1 }, { status: 2 }],
  FILTER_LEAD_INTERESTED: [{ lt_interest_status: 1 }, { lt_interest_status: -1 }],
  FILTER_LEAD_NOT_INTERESTED: [{ lt_interest_status: -1 }, { lt_interest_status: 1 }],
  FILTER_LEAD_MEETING_BOOKED: [{ lt_interest_status: 2 }, { lt_interest_status: 3 }],
  FILTER_LEAD_MEETING_COMPLETED: [{ lt_interest_status: 3 }, { lt_interest_status: 2 }],
  FILTER_LEAD_CLOSED: [{ lt_interest_status: 4 }, { lt_interest_status: 1 }],
  FILTER_LEAD_OUT_OF_OFFICE: [{ lt_interest_status: 0 }, { lt_interest_status: 1 }],
  FILTER_LEAD_WRONG_PERSON: [{ lt_interest_status: -2 }, { lt_interest_status: 1 }],
  FILTER_LEAD_LOST: [{ lt_interest_status: -3 }, { lt_interest_status: 1 }],
  FILTER_LEAD_NO_SHOW: [{ lt_interest_status: -4 }, { lt_interest_status: 1 }],
  FILTER_LEAD_CUSTOM_LABEL_POSITIVE: [{ lt_interest_status: 101 }, { lt_interest_status: 102 }],
  FILTER_LEAD_CUSTOM_LABEL_NEGATIVE: [{ lt_interest_status: 102 }, { lt_interest_status: 101 }],
  FILTER_VAL_BOUNCED: [{ status: -1 }, { status: 1 }],
  FILTER_VAL_SKIPPED: [{ status: -3 }, { status: 1 }],
  FILTER_VAL_RISKY: [{ verification_status: -2 }, { verification_status: 1 }],
  FILTER_VAL_INVALID: [{ verification_status: -1 }, { verification_status: 1 }],
  FILTER_VAL_VALID: [{ verification_status: 1 }, { verification_status: -1 }],
  FILTER_VAL_IN_SUBSEQUENCE: [{ subsequence_id: "s1" }, { subsequence_id: null }],
  FILTER_VAL_OPENED_NO_REPLY: [
    { email_open_count: 2, email_reply_count: 0 },
    { email_open_count: 2, email_reply_count: 1 },
  ],
  FILTER_VAL_COMPLETED_NO_REPLY: [
    { status: 3, email_reply_count: 0 },
    { status: 3, email_reply_count: 1 },
  ],
  FILTER_VAL_NO_OPENS: [{ email_open_count: 0 }, { email_open_count: 1 }],
  FILTER_VAL_REPLIED: [{ email_reply_count: 1 }, { email_reply_count: 0 }],
  FILTER_VAL_LINK_CLICKED: [{ email_click_count: 1 }, { email_click_count: 0 }],
};

const documentedLeadFilters = Object.keys(
  (resolveSchema(
    "/paths/~1api~1v2~1leads~1list/post/requestBody/content/application~1json/schema/properties/filter",
  )?.["x-enumDescriptions"] ?? {}) as Record<string, string>,
);

describe("lead filter values: every documented one", () => {
  it("has a case for every value the spec documents", () => {
    expect(documentedLeadFilters.length).toBeGreaterThan(0);
    expect(Object.keys(LEAD_FILTER_CASES).sort()).toEqual([...documentedLeadFilters].sort());
  });

  it.each(Object.entries(LEAD_FILTER_CASES))("%s", async (value, [match, miss]) => {
    api.store.insert("lead-labels", [
      { label: "Champion", interest_status_label: "positive", interest_status: 101 },
      { label: "Blocker", interest_status_label: "negative", interest_status: 102 },
    ]);
    const [hit] = api.store.insert("leads", [
      { email: "match@example.com", ...match },
      { email: "miss@example.com", ...miss },
    ]);
    const listed = await send("POST", "/api/v2/leads/list", { filter: value });
    expect(listed.body.items.map((lead: Item) => lead.id)).toEqual([hit?.id]);
  });
});

// --- actions ---

const CAMPAIGN = "0a000000-0000-4000-8000-00000000000a";
const OTHER_CAMPAIGN = "0b000000-0000-4000-8000-00000000000b";
const LIST = "0c000000-0000-4000-8000-00000000000c";

interface ActionCase {
  /** Puts what the action needs in the store; returns values for the request. */
  setup: () => Record<string, string>;
  request: (ids: Record<string, string>) => { path: string; body?: unknown };
  /** What the store looks like afterwards (jobs completed). */
  check: (ids: Record<string, string>, response: { status: number; body: Item }) => void;
}

const lead = (id: string) => api.store.get("leads", id) as Item | undefined;

function leads(): Record<string, string> {
  const [ada, alan, grace] = api.store.insert("leads", [
    { email: "ada@example.com", first_name: "Ada", campaign: CAMPAIGN, status: 1 },
    { email: "alan@example.com", first_name: "Alan", campaign: CAMPAIGN, status: 3 },
    { email: "grace@example.com", first_name: "Grace", list_id: LIST, status: 1 },
  ]);
  return { ada: ada?.id ?? "", alan: alan?.id ?? "", grace: grace?.id ?? "" };
}

function accounts(): Record<string, string> {
  api.store.insert("accounts", [
    { email: "one@sender.dev", status: 1, warmup_status: 0 },
    { email: "two@sender.dev", status: 1, warmup_status: 0 },
  ]);
  return { one: "one@sender.dev", two: "two@sender.dev" };
}

const ACTION_CASES: Record<string, ActionCase> = {
  moveLeads: {
    setup: leads,
    request: () => ({
      path: "/api/v2/leads/move",
      body: { campaign: CAMPAIGN, search: "ada", to_campaign_id: OTHER_CAMPAIGN },
    }),
    check: (ids) => {
      expect(lead(ids.ada ?? "")?.campaign).toBe(OTHER_CAMPAIGN);
      expect(lead(ids.alan ?? "")?.campaign).toBe(CAMPAIGN);
    },
  },
  updateLeadInterestStatus: {
    setup: leads,
    request: () => ({
      path: "/api/v2/leads/update-interest-status",
      body: { lead_email: "alan@example.com", interest_value: 2 },
    }),
    check: (ids) => {
      expect(lead(ids.alan ?? "")?.lt_interest_status).toBe(2);
      expect(lead(ids.ada ?? "")?.lt_interest_status).toBeUndefined();
    },
  },
  mergeLeads: {
    setup: () => {
      const [source, target] = api.store.insert("leads", [
        { email: "dup@example.com", first_name: "Dup", phone: "+1 555 0100" },
        { email: "dup@example.com", last_name: "Kept" },
      ]);
      return { source: source?.id ?? "", target: target?.id ?? "" };
    },
    request: (ids) => ({
      path: "/api/v2/leads/merge",
      body: { lead_id: ids.source, destination_lead_id: ids.target },
    }),
    check: (ids, response) => {
      expect(lead(ids.source ?? "")).toBeUndefined();
      expect(lead(ids.target ?? "")).toMatchObject({
        first_name: "Dup",
        last_name: "Kept",
        phone: "+1 555 0100",
      });
      expect(response.body.id).toBe(ids.target);
    },
  },
  bulkDeleteLeads: {
    setup: leads,
    request: () => ({ path: "/api/v2/leads", body: { campaign_id: CAMPAIGN, status: 3 } }),
    check: (ids, response) => {
      expect(response.body.count).toBe(1);
      expect(lead(ids.alan ?? "")).toBeUndefined();
      expect(lead(ids.ada ?? "")).toBeDefined();
    },
  },
  bulkAssignLeads: {
    setup: leads,
    request: () => ({
      path: "/api/v2/leads/bulk-assign",
      body: { campaign: CAMPAIGN, organization_user_ids: ["u1", "u2"] },
    }),
    check: (ids) => {
      expect([lead(ids.ada ?? "")?.assigned_to, lead(ids.alan ?? "")?.assigned_to]).toEqual(["u1", "u2"]);
      expect(lead(ids.grace ?? "")?.assigned_to).not.toBe("u1");
    },
  },
  bulkAddLeads: {
    setup: leads,
    request: () => ({
      path: "/api/v2/leads/add",
      body: {
        campaign_id: CAMPAIGN,
        leads: [{ email: "new@example.com", first_name: "New" }, { email: "ada@example.com" }],
      },
    }),
    check: (_ids, response) => {
      expect(response.body).toMatchObject({ total_sent: 2, leads_uploaded: 1, duplicated_leads: 1 });
      const added = api.store.list("leads", (item) => item.email === "new@example.com");
      expect(added.map((item) => item.campaign)).toEqual([CAMPAIGN]);
    },
  },
  moveLeadToSubsequence: {
    setup: leads,
    request: (ids) => ({
      path: "/api/v2/leads/subsequence/move",
      body: { id: ids.ada, subsequence_id: "sub-1" },
    }),
    check: (ids) => expect(lead(ids.ada ?? "")?.subsequence_id).toBe("sub-1"),
  },
  removeLeadFromSubsequence: {
    setup: () => {
      const [item] = api.store.insert("leads", [{ email: "s@example.com", subsequence_id: "sub-1" }]);
      return { id: item?.id ?? "" };
    },
    request: (ids) => ({ path: "/api/v2/leads/subsequence/remove", body: { id: ids.id } }),
    check: (ids) => expect(lead(ids.id ?? "")?.subsequence_id).toBeNull(),
  },
  activateCampaign: {
    setup: () => ({ id: api.store.insert("campaigns", { name: "c", status: 0 }).id }),
    request: (ids) => ({ path: `/api/v2/campaigns/${ids.id}/activate` }),
    check: (ids) => expect(api.store.get("campaigns", ids.id ?? "")?.status).toBe(1),
  },
  pauseCampaign: {
    setup: () => ({ id: api.store.insert("campaigns", { name: "c", status: 1 }).id }),
    request: (ids) => ({ path: `/api/v2/campaigns/${ids.id}/pause` }),
    check: (ids) => expect(api.store.get("campaigns", ids.id ?? "")?.status).toBe(2),
  },
  duplicate: {
    setup: () => ({ id: api.store.insert("campaigns", { name: "Launch", status: 1 }).id }),
    request: (ids) => ({ path: `/api/v2/campaigns/${ids.id}/duplicate`, body: {} }),
    check: (ids, response) => {
      expect(response.body).toMatchObject({ name: "Launch (copy)", status: 0 });
      expect(response.body.id).not.toBe(ids.id);
      expect(api.store.list("campaigns").map((item) => item.name)).toEqual(["Launch", "Launch (copy)"]);
    },
  },
  pauseAccount: {
    setup: accounts,
    request: () => ({ path: "/api/v2/accounts/one@sender.dev/pause" }),
    check: () => expect(api.store.get("accounts", "one@sender.dev")?.status).toBe(2),
  },
  resumeAccount: {
    setup: () => {
      api.store.insert("accounts", { email: "one@sender.dev", status: 2 });
      return {};
    },
    request: () => ({ path: "/api/v2/accounts/one@sender.dev/resume" }),
    check: () => expect(api.store.get("accounts", "one@sender.dev")?.status).toBe(1),
  },
  markAccountFixed: {
    setup: () => {
      api.store.insert("accounts", { email: "one@sender.dev", status: -1 });
      return {};
    },
    request: () => ({ path: "/api/v2/accounts/one@sender.dev/mark-fixed" }),
    check: () => expect(api.store.get("accounts", "one@sender.dev")?.status).toBe(1),
  },
  pauseAccounts: {
    setup: accounts,
    request: () => ({
      path: "/api/v2/accounts/pause",
      body: { emails: ["two@sender.dev", "ghost@sender.dev"] },
    }),
    check: (_ids, response) => {
      expect(response.body).toEqual({
        paused_emails: ["two@sender.dev"],
        failed_emails: ["ghost@sender.dev"],
      });
      expect(api.store.get("accounts", "two@sender.dev")?.status).toBe(2);
      expect(api.store.get("accounts", "one@sender.dev")?.status).toBe(1);
    },
  },
  enableWarmupForAccounts: {
    setup: accounts,
    request: () => ({ path: "/api/v2/accounts/warmup/enable", body: { emails: ["one@sender.dev"] } }),
    check: () => {
      expect(api.store.get("accounts", "one@sender.dev")?.warmup_status).toBe(1);
      expect(api.store.get("accounts", "two@sender.dev")?.warmup_status).toBe(0);
    },
  },
  disableWarmupForAccounts: {
    setup: () => {
      api.store.insert("accounts", [
        { email: "one@sender.dev", warmup_status: 1 },
        { email: "two@sender.dev", warmup_status: 1 },
      ]);
      return {};
    },
    request: () => ({
      path: "/api/v2/accounts/warmup/disable",
      body: { include_all_emails: true, excluded_emails: ["two@sender.dev"] },
    }),
    check: () => {
      expect(api.store.get("accounts", "one@sender.dev")?.warmup_status).toBe(0);
      expect(api.store.get("accounts", "two@sender.dev")?.warmup_status).toBe(1);
    },
  },
  moveAccounts: {
    setup: accounts,
    request: () => ({
      path: "/api/v2/accounts/move",
      body: { emails: ["one@sender.dev"], source_workspace_id: "w1", destination_workspace_id: "w2" },
    }),
    check: () => expect(api.store.list("accounts").map((item) => item.email)).toEqual(["two@sender.dev"]),
  },
  pauseSubsequence: {
    setup: () => ({ id: api.store.insert("subsequences", { name: "s", status: 1 }).id }),
    request: (ids) => ({ path: `/api/v2/subsequences/${ids.id}/pause` }),
    check: (ids) => expect(api.store.get("subsequences", ids.id ?? "")?.status).toBe(2),
  },
  resumeSubsequence: {
    setup: () => ({ id: api.store.insert("subsequences", { name: "s", status: 2 }).id }),
    request: (ids) => ({ path: `/api/v2/subsequences/${ids.id}/resume` }),
    check: (ids) => expect(api.store.get("subsequences", ids.id ?? "")?.status).toBe(1),
  },
  deletebulkBlockListEntry: {
    setup: () => {
      const [a, b] = api.store.insert("block-lists-entries", [{ bl_value: "a.com" }, { bl_value: "b.com" }]);
      return { a: a?.id ?? "", b: b?.id ?? "" };
    },
    request: (ids) => ({ path: "/api/v2/block-lists-entries/bulk-delete", body: { ids: [ids.a] } }),
    check: (ids, response) => {
      expect((response.body as unknown as Item[]).map((item) => item.id)).toEqual([ids.a]);
      expect(api.store.list("block-lists-entries").map((item) => item.id)).toEqual([ids.b]);
    },
  },
  deleteallBlockListEntry: {
    setup: () => {
      const [a, b, c] = api.store.insert("block-lists-entries", [
        { bl_value: "spam.com", is_domain: true },
        { bl_value: "ham.com", is_domain: true },
        { bl_value: "x@spam.com", is_domain: false },
      ]);
      return { a: a?.id ?? "", b: b?.id ?? "", c: c?.id ?? "" };
    },
    request: () => ({ path: "/api/v2/block-lists-entries?search=SPAM&domains_only=true" }),
    check: (ids) =>
      expect(api.store.list("block-lists-entries").map((item) => item.id)).toEqual([ids.b, ids.c]),
  },
  resumeWebhook: {
    setup: () => ({ id: api.store.insert("webhooks", { status: -1 }).id }),
    request: (ids) => ({ path: `/api/v2/webhooks/${ids.id}/resume` }),
    check: (ids) => expect(api.store.get("webhooks", ids.id ?? "")?.status).toBe(1),
  },
  pauseLeadFinderAgentById: {
    setup: () => ({ id: api.store.insert("ai-agents/lead-finder", { status: 1 }).id }),
    request: (ids) => ({ path: `/api/v2/ai-agents/lead-finder/${ids.id}/pause` }),
    check: (ids) => expect(api.store.get("ai-agents/lead-finder", ids.id ?? "")?.status).toBe(0),
  },
  resumeLeadFinderAgentById: {
    setup: () => ({ id: api.store.insert("ai-agents/lead-finder", { status: 0 }).id }),
    request: (ids) => ({ path: `/api/v2/ai-agents/lead-finder/${ids.id}/resume` }),
    check: (ids) => expect(api.store.get("ai-agents/lead-finder", ids.id ?? "")?.status).toBe(1),
  },
  createblukBlockListEntry: {
    setup: () => ({}),
    request: () => ({
      path: "/api/v2/block-lists-entries/bulk-create",
      body: { bl_values: ["spam.com", "x@y.com"] },
    }),
    check: () =>
      expect(api.store.list("block-lists-entries").map((item) => [item.bl_value, item.is_domain])).toEqual([
        ["spam.com", true],
        ["x@y.com", false],
      ]),
  },
};

describe("actions: every operation of the action table acts on the store", () => {
  const present = Object.keys(ACTIONS).filter((operationId) => operationId in operationSpecs);

  it("has a case for every action of the table that the spec has", () => {
    expect(Object.keys(ACTION_CASES).sort()).toEqual([...present].sort());
  });

  it.each(present)("%s", async (operationId) => {
    const entry = ACTION_CASES[operationId] as ActionCase;
    const spec = operationSpecs[operationId as keyof typeof operationSpecs];
    const ids = entry.setup();
    const { path, body } = entry.request(ids);
    const response = await send(spec.method, path, body);
    expect(response.status).toBe(spec.status);
    // The answer has the operation's documented shape.
    expect(validate(pointerOf(operationId), response.body)).toBeUndefined();
    const isJob = (backgroundJobOperations as readonly string[]).includes(operationId);
    if (isJob) {
      // Manual jobs: nothing has happened yet; the job is pending until completeAll().
      expect(api.jobs.pending()).toEqual([response.body.id]);
      expect((await send("GET", `/api/v2/background-jobs/${response.body.id}`)).body.status).toBe("pending");
      expect(api.jobs.completeAll()).toBe(1);
      const job = await send("GET", `/api/v2/background-jobs/${response.body.id}`);
      expect(job.body).toMatchObject({ status: "success", progress: 100 });
      expect(validate(pointerOf("getBackgroundJob"), job.body)).toBeUndefined();
    }
    entry.check(ids, response);
  });

  it("answers 404 in the API's shape for an action on an unknown item, changing nothing", async () => {
    const response = await send("POST", "/api/v2/campaigns/nope/activate");
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404 });
    expect(api.store.list("campaigns")).toEqual([]);
  });

  it("refuses moveLeads with ids but no source campaign/list, as the spec says, queueing nothing", async () => {
    const response = await send("POST", "/api/v2/leads/move", { ids: ["x"], to_campaign_id: CAMPAIGN });
    expect(response.status).toBe(400);
    expect(api.jobs.list()).toEqual([]);
  });

  it("lists background jobs with their filters (type, status as comma-separated lists)", async () => {
    leads();
    await send("POST", "/api/v2/leads/move", { campaign: CAMPAIGN, to_list_id: LIST });
    await send("POST", "/api/v2/accounts/warmup/enable", { emails: [] });
    api.jobs.completeAll();
    await send("POST", "/api/v2/leads/move", { list_id: LIST, to_campaign_id: CAMPAIGN });
    const all = await send("GET", "/api/v2/background-jobs");
    expect(validate(pointerOf("listBackgroundJob"), all.body)).toBeUndefined();
    expect(all.body.items.map((job: Item) => [job.type, job.status])).toEqual([
      ["move-leads", "success"],
      ["update-warmup-accounts", "success"],
      ["move-leads", "pending"],
    ]);
    const moves = await send("GET", "/api/v2/background-jobs?type=move-leads&status=pending,in-progress");
    expect(moves.body.items).toHaveLength(1);
    expect((await send("GET", "/api/v2/background-jobs/unknown")).status).toBe(404);
    const first = all.body.items[0].id;
    const trimmed = await send("GET", `/api/v2/background-jobs/${first}?data_fields=moved_leads`);
    expect(trimmed.body.data).toEqual({ moved_leads: 2 });
  });
});
