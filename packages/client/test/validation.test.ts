// Issue 12, the validating client: `validate: { response, request }` against a real node:http server, with
// the schemas generated into @instantly-kit/zod from the pinned spec (getLeadLabel, listLeadLabel and
// createLeadLabel: an object with required strings, a number, a string enum, nullable fields, a date-time).

import { json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { validLeadLabelBody } from "@instantly-kit/test-support/valid-bodies";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  createInstantlyClient,
  type InstantlyClient,
  type InstantlyValidationError,
  isInstantlyError,
  paginate,
  REDACTED,
  type ValidateOptions,
} from "../src/index.js";
import { printable } from "./leak.js";

const KEY = "sk_live_validation_KEY.42";
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function client(validate: ValidateOptions, onValidationIssue?: (error: InstantlyValidationError) => void) {
  return createInstantlyClient({
    apiKey: KEY,
    baseUrl: server.baseUrl,
    retry: false,
    validate,
    ...(onValidationIssue ? { onValidationIssue } : {}),
  });
}

const getLabel = (c: InstantlyClient) =>
  c.GET("/api/v2/lead-labels/{id}", { params: { path: { id: "l1" } } });

/** The outcome of a call: its result, or what it threw. */
async function outcome<T>(call: Promise<T>): Promise<{ result?: T; error?: unknown }> {
  try {
    return { result: await call };
  } catch (error) {
    return { error };
  }
}

function serve(body: unknown, status = 200) {
  server.route("GET /api/v2/lead-labels/l1", (_, response) => json(response, status, body));
}

describe('validate: { response: "throw" }', () => {
  test.each<[string, Record<string, unknown>, string[]]>([
    ["missing required field", { id: undefined }, ["$.id: expected required string, got missing"]],
    ["wrong type", { interest_status: "1" }, ["$.interest_status: expected number, got string"]],
    [
      "unknown enum value",
      { interest_status_label: "maybe" },
      ['$.interest_status_label: expected one of "positive", "negative", "neutral", got "maybe"'],
    ],
    ["null where not nullable", { label: null }, ["$.label: expected string, got null"]],
    [
      "bad date-time",
      { timestamp_created: "yesterday" },
      ["$.timestamp_created: expected string (datetime), got string not in that format"],
    ],
    [
      "several at once",
      { id: 5, label: null, interest_status_label: "maybe" },
      [
        "$.id: expected string, got number",
        '$.interest_status_label: expected one of "positive", "negative", "neutral", got "maybe"',
        "$.label: expected string, got null",
      ],
    ],
  ])("%s: InstantlyValidationError naming operation, status and every violation", async (_, change, want) => {
    serve(validLeadLabelBody(change));
    const { error } = await outcome(getLabel(client({ response: "throw" })));
    expect(isInstantlyError(error)).toBe(true);
    const validation = error as InstantlyValidationError;
    expect(validation.kind).toBe("validation");
    expect(validation.operation).toBe("getLeadLabel");
    expect(validation.method).toBe("GET");
    expect(validation.path).toBe("/api/v2/lead-labels/{id}");
    expect(validation.side).toBe("response");
    expect(validation.status).toBe(200);
    const lines = validation.violations.map((v) => `${v.path}: expected ${v.expected}, got ${v.got}`);
    expect(lines.sort()).toEqual([...want].sort());
    expect(validation.message).toMatch(/^getLeadLabel \(GET \/api\/v2\/lead-labels\/\{id\}\): response 200 /);
    for (const line of want) expect(validation.message).toContain(line);
    // No value of the body by default (only an unknown enum value, which is the point of the report).
    expect(validation.message).not.toContain(validLeadLabelBody().created_by);
    expect(validation.violations.every((v) => v.sample === undefined)).toBe(true);
  });

  test("a matching body is returned exactly as received (not zod's output: unknown fields stay)", async () => {
    const body = validLeadLabelBody({ extra_field_from_a_newer_api: { nested: [1, 2] } });
    serve(body);
    const { result } = await outcome(getLabel(client({ response: "throw" })));
    expect(result?.data).toEqual(body);
  });

  test("a list of 100 items with one wrong field in each is one violation ×100", async () => {
    const items = Array.from({ length: 100 }, (_, i) =>
      validLeadLabelBody({ id: `l${i}`, interest_status: "x" }),
    );
    server.route("GET /api/v2/lead-labels", (_, response) => json(response, 200, { items }));
    const c = client({ response: "throw" });
    const { error } = await outcome(c.GET("/api/v2/lead-labels", {}));
    const validation = error as InstantlyValidationError;
    expect(validation.operation).toBe("listLeadLabel");
    expect(validation.violations).toEqual([
      { path: "$.items[0].interest_status", expected: "number", got: "string", count: 100 },
    ]);
    expect(validation.message).toContain("$.items[0].interest_status: expected number, got string (×100)");
  });

  test("paginate() and request() are validated too", async () => {
    server.route("GET /api/v2/lead-labels", (_, response) =>
      json(response, 200, { items: [validLeadLabelBody({ label: 7 })] }),
    );
    const c = client({ response: "throw" });
    const pages = paginate(c, "/api/v2/lead-labels", {});
    await expect(pages[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      kind: "validation",
      operation: "listLeadLabel",
    });
    serve(validLeadLabelBody({ label: 7 }));
    await expect(
      c.request("get", "/api/v2/lead-labels/{id}" as never, { params: { path: { id: "l1" } } } as never),
    ).rejects.toMatchObject({ kind: "validation" });
  });

  test("an undocumented 2xx status is a violation; error statuses stay InstantlyApiError material", async () => {
    serve(validLeadLabelBody(), 201);
    const created = await outcome(getLabel(client({ response: "throw" })));
    expect((created.error as InstantlyValidationError).violations).toEqual([
      { path: "$", expected: "a body of status 200", got: "status 201", count: 1 },
    ]);
    serve({ anything: true }, 404);
    const missing = await outcome(getLabel(client({ response: "throw" })));
    expect(missing.error).toBeUndefined();
    expect(missing.result?.response.status).toBe(404);
  });

  test('"off" (the default) checks nothing: a mismatching body is returned as is', async () => {
    const body = validLeadLabelBody({ id: null, interest_status_label: "maybe" });
    serve(body);
    for (const c of [client({}), client({ response: "off" })]) {
      expect((await getLabel(c)).data).toEqual(body);
    }
    const plain = createInstantlyClient({ apiKey: KEY, baseUrl: server.baseUrl });
    expect((await getLabel(plain)).data).toEqual(body);
  });
});

describe('validate: { response: "warn" }', () => {
  test("reports once per operation and shape, returns the data, and does not flood", async () => {
    const reports: InstantlyValidationError[] = [];
    const c = client({ response: "warn" }, (error) => reports.push(error));
    serve(validLeadLabelBody({ label: null }));
    for (let i = 0; i < 5; i++) {
      const { data } = await getLabel(c);
      expect(data?.label).toBeNull();
    }
    expect(reports).toHaveLength(1);
    expect(reports[0]?.message).toContain("$.label: expected string, got null");
    // A different shape on the same operation is new: reported once more.
    serve(validLeadLabelBody({ label: null, interest_status: "2" }));
    await getLabel(c);
    await getLabel(c);
    expect(reports).toHaveLength(2);
    // The same shape on another item index of a list is the same shape.
    for (const index of [0, 3, 7]) {
      const items = Array.from({ length: 10 }, (_, i) =>
        validLeadLabelBody(i === index ? { label: null } : {}),
      );
      server.route("GET /api/v2/lead-labels", (_, response) => json(response, 200, { items }));
      await c.GET("/api/v2/lead-labels", {});
    }
    expect(reports).toHaveLength(3);
    expect(reports.map((error) => error.operation)).toEqual([
      "getLeadLabel",
      "getLeadLabel",
      "listLeadLabel",
    ]);
    // A body that matches is never reported.
    serve(validLeadLabelBody());
    await getLabel(c);
    expect(reports).toHaveLength(3);
  });

  test("each client keeps its own memory of what it reported", async () => {
    serve(validLeadLabelBody({ label: null }));
    const first: unknown[] = [];
    const second: unknown[] = [];
    await getLabel(client({ response: "warn" }, (error) => first.push(error)));
    await getLabel(client({ response: "warn" }, (error) => second.push(error)));
    expect([first.length, second.length]).toEqual([1, 1]);
  });

  test("without a callback it goes to console.warn, once", async () => {
    serve(validLeadLabelBody({ label: null }));
    const warned: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      const c = client({ response: "warn" });
      await getLabel(c);
      await getLabel(c);
    } finally {
      console.warn = original;
    }
    expect(warned).toHaveLength(1);
    expect(String(warned[0]?.[0])).toContain("getLeadLabel");
  });
});

// "What it throws rejects the call" — and an async callback (a logger that posts the report) fails by rejecting
// the promise it returns: left alone, that rejection is unhandled, which ends a Node process. Either way the call
// rejects with the callback's error, whether the schemas were still loading (first call) or already loaded.
describe('validate: { response: "warn" }: a callback that fails', () => {
  const failures: [string, (error: Error) => (report: InstantlyValidationError) => unknown][] = [
    [
      "throws",
      (error) => () => {
        throw error;
      },
    ],
    [
      "is async and throws",
      (error) => async () => {
        throw error;
      },
    ],
    ["returns a rejected promise", (error) => () => Promise.reject(error)],
  ];
  test.each(failures)("%s: the call rejects with its error, first and later calls alike", async (_, make) => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const failure = new Error("the logger is down");
      const c = client({ response: "warn" }, make(failure) as (report: InstantlyValidationError) => void);
      // Two shapes, one per call: each is reported (the schemas load on the first).
      for (const body of [validLeadLabelBody({ label: null }), validLeadLabelBody({ label: 5 })]) {
        serve(body);
        expect((await outcome(getLabel(c))).error).toBe(failure);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  test("an async callback that succeeds: the call returns the data once it has", async () => {
    const reports: string[] = [];
    const c = client({ response: "warn" }, async (error) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      reports.push(error.operation);
    });
    serve(validLeadLabelBody({ label: null }));
    const { result } = await outcome(getLabel(c));
    expect(result?.data?.label).toBeNull();
    expect(reports).toEqual(["getLeadLabel"]);
  });
});

describe('validate: { request: "throw" }', () => {
  const create = (c: InstantlyClient, body: unknown) =>
    c.POST("/api/v2/lead-labels", { body: body as never });

  test.each<[string, unknown, string]>([
    [
      "missing required",
      { interest_status_label: "positive" },
      "$.label: expected required string, got missing",
    ],
    [
      "unknown enum value",
      { label: "Hot", interest_status_label: "lukewarm" },
      '$.interest_status_label: expected one of "positive", "negative", "neutral", got "lukewarm"',
    ],
    ["wrong type", { label: 3, interest_status_label: "positive" }, "$.label: expected string, got number"],
    // The spec closes this body (`additionalProperties: false`): the API and the mock refuse an unlisted property.
    [
      "a property the spec does not allow",
      { label: "Hot", interest_status_label: "positive", colour: "red" },
      "$.colour: expected no such property, got string",
    ],
    [
      "null where not nullable",
      { label: null, interest_status_label: "positive" },
      "$.label: expected string, got null",
    ],
  ])("%s: rejected before anything is sent", async (_, body, violation) => {
    server.route("POST /api/v2/lead-labels", (_, response) => json(response, 200, validLeadLabelBody()));
    const { error } = await outcome(create(client({ request: "throw" }), body));
    const validation = error as InstantlyValidationError;
    expect(validation.kind).toBe("validation");
    expect(validation.side).toBe("request");
    expect(validation.operation).toBe("createLeadLabel");
    expect(validation.status).toBeUndefined();
    expect(validation.message).toContain("request body does not match the spec");
    expect(validation.message).toContain(violation);
    expect(server.requests).toHaveLength(0);
  });

  test("a matching body is sent as given", async () => {
    server.route("POST /api/v2/lead-labels", (_, response) => json(response, 200, validLeadLabelBody()));
    const body = { label: "Hot", interest_status_label: "positive" };
    const { result } = await outcome(create(client({ request: "throw", response: "throw" }), body));
    expect(result?.data).toEqual(validLeadLabelBody());
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual(body);
  });

  // The spec makes `lead_ids` unique (`uniqueItems: true`); the API and the mock refuse a repeated id.
  test("a repeated item of an array the spec makes unique: rejected before anything is sent", async () => {
    server.route("POST /api/v2/ai-agents/a1/activities/imported-leads", (_, response) =>
      json(response, 200, {}),
    );
    const send = (leadIds: string[]) =>
      outcome(
        client({ request: "throw" }).POST("/api/v2/ai-agents/{id}/activities/imported-leads", {
          params: { path: { id: "a1" } },
          body: { lead_ids: leadIds, master_list_id: "m1" },
        }),
      );
    const { error } = await send(["l1", "l2", "l1"]);
    const validation = error as InstantlyValidationError;
    expect(validation.kind).toBe("validation");
    expect(validation.side).toBe("request");
    expect(validation.violations).toEqual([
      { path: "$.lead_ids[2]", expected: "unique items", got: "a repeat of item 0", count: 1 },
    ]);
    expect(validation.message).toContain("$.lead_ids[2]: expected unique items, got a repeat of item 0");
    expect(server.requests).toHaveLength(0);

    expect((await send(["l1", "l2"])).error).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });
});

describe("the key never appears", () => {
  test("a server echoing the key into every mismatching place: error, message, JSON, inspect, samples", async () => {
    const c = client({ response: "throw", samples: true });
    serve({
      ...validLeadLabelBody(),
      id: `Bearer ${KEY}`.length, // wrong type
      label: { echoed: KEY },
      interest_status_label: KEY, // unknown enum value: the value is shown, redacted
      created_by: [`Authorization: Bearer ${KEY}`],
      [KEY]: KEY,
    });
    const result = await outcome(getLabel(c));
    const error = result.error as InstantlyValidationError;
    expect(error.kind).toBe("validation");
    expect(error.violations.length).toBeGreaterThanOrEqual(3);
    expect(error.violations.some((v) => v.sample?.includes(REDACTED))).toBe(true);
    for (const text of printable(result)) expect(text).not.toContain(KEY);
  });

  test("in warn reports too", async () => {
    const reports: InstantlyValidationError[] = [];
    const c = client({ response: "warn", samples: true }, (error) => reports.push(error));
    serve(validLeadLabelBody({ interest_status_label: KEY, label: KEY.length }));
    await getLabel(c);
    expect(reports).toHaveLength(1);
    for (const text of printable({ error: reports[0] })) expect(text).not.toContain(KEY);
  });
});

describe("options are checked up front", () => {
  test.each([
    ["not an object", "throw", /`validate` must be an object/],
    [
      "an unknown response mode",
      { response: "strict" },
      /`validate.response` must be "off", "warn" or "throw"/,
    ],
    ["warn for requests", { request: "warn" }, /`validate.request` must be "off" or "throw"/],
    ["samples not boolean", { samples: "yes" }, /`validate.samples` must be a boolean/],
  ])("%s", (_, validate, message) => {
    expect(() => createInstantlyClient({ apiKey: KEY, validate: validate as never })).toThrow(message);
  });

  test("onValidationIssue must be a function", () => {
    expect(() =>
      createInstantlyClient({ apiKey: KEY, validate: { response: "warn" }, onValidationIssue: 1 as never }),
    ).toThrow(/`onValidationIssue` must be a function/);
  });
});
