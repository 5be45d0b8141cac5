// `validate: { response: "warn" }` reports "once per operation and shape, so a dev console is not flooded"
// (issue 12) — also when a server sends a stream of bodies that are wrong in the same way with a different
// value each time: an unknown enum value that changes (a counter, a new status every call), a number out
// of bounds that changes, a map whose keys change (header names, ids as keys). And what the client
// remembers to know "already reported" stays bounded however long the stream.
import { json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import {
  validCampaignBody,
  validLeadLabelBody,
  validWebhookBody,
} from "@instantly-kit/test-support/valid-bodies";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createInstantlyClient, type InstantlyClient, type InstantlyValidationError } from "../src/index.js";

const KEY = "sk_live_warn_flood_KEY.3";
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const CALLS = 60;

const label = (i: number, overrides: Record<string, unknown>) =>
  validLeadLabelBody({ id: `l${i}`, ...overrides });
const campaign = (i: number, overrides: Record<string, unknown>) =>
  validCampaignBody({ id: `c${i}`, ...overrides });
const webhook = (i: number, overrides: Record<string, unknown>) =>
  validWebhookBody({ id: `w${i}`, ...overrides });

/** A client that checks responses and reports each violation into `reports` instead of throwing. */
const warnClient = (reports: InstantlyValidationError[]) =>
  createInstantlyClient({
    apiKey: KEY,
    baseUrl: server.baseUrl,
    retry: false,
    validate: { response: "warn" },
    onValidationIssue: (error) => reports.push(error),
  });

interface Stream {
  /** The route answering the i-th call. */
  route: string;
  body: (i: number) => unknown;
  call: (client: InstantlyClient) => Promise<unknown>;
  /** The one violation every body has, as reported the first time. */
  first: string;
}

// One row per way a value can vary while the mismatch keeps its shape.
const streams: [string, Stream][] = [
  [
    "an unknown enum value that changes every call",
    {
      route: "GET /api/v2/lead-labels/l1",
      body: (i) => label(i, { interest_status_label: `status-${i}` }),
      call: (c) => c.GET("/api/v2/lead-labels/{id}", { params: { path: { id: "l1" } } }),
      first: '$.interest_status_label: expected one of "positive", "negative", "neutral", got "status-0"',
    },
  ],
  [
    "an unknown numeric enum value that changes every call",
    {
      route: "GET /api/v2/campaigns/c1",
      body: (i) => campaign(i, { status: 100 + i }),
      call: (c) => c.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } }),
      first: "$.status: expected one of -99, -1, -2, 0, 1, 2, 3, 4, got 100",
    },
  ],
  [
    "a number out of bounds that changes every call",
    {
      route: "GET /api/v2/campaigns/c1",
      body: (i) => campaign(i, { daily_max_leads: -i }),
      call: (c) => c.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } }),
      first: "$.daily_max_leads: expected",
    },
  ],
  [
    "a map whose keys change every call",
    {
      route: "GET /api/v2/webhooks/w1",
      body: (i) => webhook(i, { headers: { [`x-trace-${i}`]: i } }),
      call: (c) => c.GET("/api/v2/webhooks/{id}", { params: { path: { id: "w1" } } }),
      first: '$.headers["x-trace-0"]: expected string, got number',
    },
  ],
  [
    "a list whose items carry a different unknown value each, in a different order every call",
    {
      route: "GET /api/v2/lead-labels",
      body: (i) => ({
        items: Array.from({ length: 5 }, (_, k) => label(k, { interest_status_label: `s-${(i + k) % 7}` })),
      }),
      call: (c) => c.GET("/api/v2/lead-labels", {}),
      first: "$.items[0].interest_status_label: expected one of",
    },
  ],
];

describe("warn: a stream of bodies wrong in the same way is reported a bounded number of times", () => {
  // The rows break one field of a shared valid body: that body itself must draw no report, or a row's first report
  // could be about something else.
  test("the valid bodies the rows start from are reported nothing", async () => {
    const reports: InstantlyValidationError[] = [];
    const client = warnClient(reports);
    server.route("GET /api/v2/lead-labels/l1", (_, response) => json(response, 200, label(1, {})));
    server.route("GET /api/v2/campaigns/c1", (_, response) => json(response, 200, campaign(1, {})));
    server.route("GET /api/v2/webhooks/w1", (_, response) => json(response, 200, webhook(1, {})));
    const path = (id: string) => ({ params: { path: { id } } });
    await client.GET("/api/v2/lead-labels/{id}", path("l1"));
    await client.GET("/api/v2/campaigns/{id}", path("c1"));
    await client.GET("/api/v2/webhooks/{id}", path("w1"));
    expect(server.requests.length).toBe(3);
    expect(reports.map((report) => report.message)).toEqual([]);
  });

  test.each(streams)("%s", async (_, stream) => {
    const reports: InstantlyValidationError[] = [];
    const client = warnClient(reports);
    let i = 0;
    server.route(stream.route, (_, response) => json(response, 200, stream.body(i++)));
    for (let call = 0; call < CALLS; call++) await stream.call(client);
    expect(i).toBe(CALLS);
    // The first body is reported, with its value; the rest are the same shape.
    expect(reports[0]?.message).toContain(stream.first);
    expect(reports.length).toBeLessThanOrEqual(stream.route.includes("webhooks") ? 10 : 1);
  });

  test("a map with a new key every call: at most 10 reports for the operation, other operations still reported", async () => {
    const reports: InstantlyValidationError[] = [];
    const client = warnClient(reports);
    let i = 0;
    server.route("GET /api/v2/webhooks/w1", (_, response) =>
      json(response, 200, webhook(i, { headers: { [`x-${i++}`]: 1 } })),
    );
    for (let call = 0; call < 300; call++) {
      await client.GET("/api/v2/webhooks/{id}", { params: { path: { id: "w1" } } });
    }
    expect(reports.length).toBeLessThanOrEqual(10);
    // Another operation still gets its own first report.
    server.route("GET /api/v2/lead-labels/l1", (_, response) =>
      json(response, 200, label(0, { label: null })),
    );
    await client.GET("/api/v2/lead-labels/{id}", { params: { path: { id: "l1" } } });
    expect(reports.at(-1)?.operation).toBe("getLeadLabel");
  });

  // Shapes are remembered bounded in size, but as a whole: two map keys that share their first 300 characters
  // are two kinds of mismatch, each reported once.
  test("two mismatches alike in their first 300 characters are two reports, each once", async () => {
    const reports: InstantlyValidationError[] = [];
    const client = warnClient(reports);
    const long = `x-${"k".repeat(300)}`;
    const keys = [`${long}-a`, `${long}-b`, `${long}-a`, `${long}-b`];
    let i = 0;
    server.route("GET /api/v2/webhooks/w1", (_, response) =>
      json(response, 200, webhook(i, { headers: { [keys[i++] as string]: 1 } })),
    );
    for (const _ of keys) await client.GET("/api/v2/webhooks/{id}", { params: { path: { id: "w1" } } });
    expect(i).toBe(keys.length);
    expect(reports.map((report) => report.violations.map((violation) => violation.path))).toEqual([
      [`$.headers[${JSON.stringify(`${long}-a`)}]`],
      [`$.headers[${JSON.stringify(`${long}-b`)}]`],
    ]);
  });
});

// One body can break its schema in many ways at once, and a server's property names (map keys) can be of any
// length: the message — what `warn` prints by default, what an app logs of a thrown error — lists 20 violations
// and cuts each part of one, while `violations` keeps them all, whole.
describe("a body with many long violations: the message stays bounded", () => {
  test.each(["throw", "warn"] as const)("%s", async (mode) => {
    const reports: InstantlyValidationError[] = [];
    const client = createInstantlyClient({
      apiKey: KEY,
      baseUrl: server.baseUrl,
      retry: false,
      validate: { response: mode },
      onValidationIssue: (error) => reports.push(error),
    });
    // The key in each name where a cut at 200 characters would fall inside it, were it not redacted first.
    const names = Array.from({ length: 30 }, (_, i) => `${i}-${"k".repeat(186)}${KEY}${"k".repeat(100_000)}`);
    server.route("GET /api/v2/webhooks/w1", (_, response) =>
      json(response, 200, webhook(1, { headers: Object.fromEntries(names.map((name) => [name, 1])) })),
    );
    const rejected = await client.GET("/api/v2/webhooks/{id}", { params: { path: { id: "w1" } } }).then(
      () => undefined,
      (thrown: unknown) => thrown as InstantlyValidationError,
    );
    const error = mode === "throw" ? rejected : reports[0];
    expect(error?.kind).toBe("validation");
    expect(error?.violations).toHaveLength(30);
    expect(error?.violations.every((violation) => violation.path.length > 100_000)).toBe(true);
    const message = error?.message ?? "";
    expect(message.split("\n")).toHaveLength(1 + 20 + 1);
    expect(message).toContain("… 10 more");
    expect(message.length).toBeLessThan(22 * 300);
    expect(message).not.toContain(KEY.slice(0, 8));
  });
});
