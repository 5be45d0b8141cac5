// `validate: { request: "throw" }` stops an invalid body before anything is sent (issue 12). What is sent is
// the body as JSON (`JSON.stringify`, openapi-fetch's serializer), which is not always the object given:
// `toJSON` (a Date, a Luxon/Decimal/Immutable value, a DTO class), `NaN`/`Infinity` (→ null), functions and
// symbols (dropped). The verdict must be about the body that would arrive: a table of bodies whose object and
// wire forms disagree, each asserted on what a real server received.
import { json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createInstantlyClient, type InstantlyValidationError } from "../src/index.js";
import { printable } from "./leak.js";

const KEY = "sk_live_wire_KEY.5";
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
/** A fresh server state, whose createLeadLabel answers the body it received. */
function resetServer() {
  server.reset();
  server.route("POST /api/v2/lead-labels", (request, response) =>
    json(response, 200, JSON.parse(request.body)),
  );
}
beforeEach(resetServer);

/** A client that checks request bodies (`validate: { request: "throw" }`) and makes one attempt (no retries). */
const checkingClient = () =>
  createInstantlyClient({
    apiKey: KEY,
    baseUrl: server.baseUrl,
    retry: false,
    validate: { request: "throw" },
  });

const valid = { label: "Hot", interest_status_label: "positive" };

// [name, body given, whether its JSON is valid for createLeadLabel]
const bodies: [string, unknown, boolean][] = [
  [
    "toJSON on the body turns a valid object into an invalid body",
    { ...valid, toJSON: () => ({ label: 5 }) },
    false,
  ],
  ["toJSON on the body turns an invalid object into a valid body", { label: 5, toJSON: () => valid }, true],
  ["a field whose toJSON gives a string", { ...valid, label: { toJSON: () => "Hot" } }, true],
  ["a field whose toJSON gives a number", { ...valid, label: { toJSON: () => 7 } }, false],
  ["a Date where a string is expected (sent as an ISO string)", { ...valid, label: new Date(0) }, true],
  ["NaN where a nullable boolean is expected (sent as null)", { ...valid, use_with_ai: Number.NaN }, true],
  ["a function in an optional field (dropped)", { ...valid, description: () => "x" }, true],
  ["a plain valid body", valid, true],
  ["a plain invalid body", { ...valid, interest_status_label: "lukewarm" }, false],
];

describe('request: "throw" judges the body as it would be sent', () => {
  test.each(bodies)("%s", async (_, body, validOnTheWire) => {
    const client = checkingClient();
    let error: unknown;
    try {
      await client.POST("/api/v2/lead-labels", { body: body as never });
    } catch (thrown) {
      error = thrown;
    }
    if (validOnTheWire) {
      expect(error).toBeUndefined();
      expect(server.requests).toHaveLength(1);
      expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual(JSON.parse(JSON.stringify(body)));
    } else {
      expect((error as InstantlyValidationError | undefined)?.kind).toBe("validation");
      expect((error as InstantlyValidationError).side).toBe("request");
      expect(server.requests).toEqual([]);
    }
  });
});

// The body is serialized once: the check is of what that text means, and that same text is sent. Serialized
// twice (once to check, once by openapi-fetch to send), a `toJSON` or a getter answering differently the second
// time sent a body that was never checked. Each row's body answers `first` on its first read and `later` after;
// it is sent on a fresh client (schemas loading) and again on the same one (schemas loaded).
const changing: [string, (first: unknown, later: unknown) => { body: unknown; reads: () => number }][] = [
  [
    "a body whose toJSON answers differently each time",
    (first, later) => {
      let reads = 0;
      return { body: { toJSON: () => (reads++ === 0 ? first : later) }, reads: () => reads };
    },
  ],
  [
    "a body whose getter answers differently each time",
    (first, later) => {
      let reads = 0;
      const body = {
        get label() {
          return (reads++ === 0 ? first : later) as { label: unknown }["label"];
        },
        interest_status_label: "positive",
      };
      return { body, reads: () => reads };
    },
  ],
];

describe('request: "throw": the body checked is the body sent, serialized once', () => {
  const asBody = (row: string, value: unknown) =>
    row.includes("getter") ? { label: value, interest_status_label: "positive" } : value;
  test.each(
    changing.flatMap(([row, make]) => [
      [`${row}: valid, then invalid`, row, make, "valid"] as const,
      [`${row}: invalid, then valid`, row, make, "invalid"] as const,
    ]),
  )("%s", async (_, row, make, firstIs) => {
    const client = checkingClient();
    const good = row.includes("getter") ? "Hot" : valid;
    const bad = row.includes("getter") ? 5 : { label: 5 };
    const [first, later] = firstIs === "valid" ? [good, bad] : [bad, good];
    for (const round of ["schemas loading", "schemas loaded"]) {
      resetServer();
      const { body, reads } = make(first, later);
      const error = await client.POST("/api/v2/lead-labels", { body: body as never }).then(
        () => undefined,
        (rejected: unknown) => rejected,
      );
      expect(reads(), round).toBe(1);
      if (firstIs === "valid") {
        expect(error, round).toBeUndefined();
        expect(
          server.requests.map((request) => JSON.parse(request.body)),
          round,
        ).toEqual([asBody(row, first)]);
      } else {
        expect((error as InstantlyValidationError | undefined)?.kind, round).toBe("validation");
        expect(server.requests, round).toEqual([]);
      }
    }
  });

  // openapi-fetch's own serializer still decides a form body: only its JSON is taken over.
  test("a call sent as application/x-www-form-urlencoded is still sent as a form", async () => {
    server.route("POST /api/v2/lead-labels", (_, response) => json(response, 200, {}));
    const client = checkingClient();
    await client.POST("/api/v2/lead-labels", {
      body: valid as never,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(server.requests.map((request) => request.body)).toEqual([
      "label=Hot&interest_status_label=positive",
    ]);
  });
});

// Every call is a promise, however its body fails the check: a call that throws synchronously escapes
// `client.POST(…).catch(…)` and `.then(ok, failed)` and crashes the app. The schemas are loaded on the first
// checked call, so each row is tried on a fresh client (asynchronous load) and again once they are loaded
// (the check runs synchronously). A body that cannot even be serialized (a throwing `toJSON`, a BigInt, a
// cycle) fails as it does without `validate` — a rejection, redacted like everything else thrown from below.
const unsendable: [string, () => unknown, "validation" | "thrown"][] = [
  ["an invalid body", () => ({ ...valid, interest_status_label: "lukewarm", label: KEY }), "validation"],
  [
    "a body whose toJSON throws an error naming the key",
    () => ({
      toJSON: () => {
        throw new Error(`cannot serialize Bearer ${KEY}`);
      },
    }),
    "thrown",
  ],
  ["a body holding a BigInt", () => ({ ...valid, label: 10n }), "thrown"],
  [
    "a body with a cycle through a property named like the key",
    () => {
      const body: Record<string, unknown> = { ...valid };
      body[KEY] = { back: body };
      return body;
    },
    "thrown",
  ],
];

describe('request: "throw": a body that cannot be sent rejects the call, first and later calls alike', () => {
  test.each(unsendable)("%s", async (_, body, kind) => {
    const client = checkingClient();
    const calls = {
      POST: () => client.POST("/api/v2/lead-labels", { body: body() as never }),
      request: () => client.request("post", "/api/v2/lead-labels", { body: body() as never }),
    };
    for (const round of ["schemas loading", "schemas loaded"]) {
      for (const [entry, call] of Object.entries(calls)) {
        const where = `${entry}, ${round}`;
        let returned: Promise<unknown> | undefined;
        let thrownSync: unknown;
        try {
          returned = call();
        } catch (error) {
          thrownSync = error;
        }
        expect(thrownSync, where).toBeUndefined();
        const error = await returned?.then(
          () => undefined,
          (rejected: unknown) => rejected,
        );
        expect(error, where).toBeInstanceOf(Error);
        expect((error as InstantlyValidationError).kind, where).toBe(
          kind === "validation" ? "validation" : undefined,
        );
        for (const text of printable({ error })) expect(text, where).not.toContain(KEY);
      }
    }
    expect(server.requests).toEqual([]);
  });
});

// The operation is looked up by its path template. A caller who appends a query string or a fragment (plain
// JavaScript, or a cast) still calls that operation — openapi-fetch sends `/api/v2/lead-labels?x=1` and drops
// the fragment — so its body is checked, and its scopes, as without them: nothing is sent.
describe("a path with a query string or a fragment is still its operation's path", () => {
  test.each(
    ["?x=1", "#x", "?a=b#c", "?"].flatMap((suffix) =>
      (["request body", "scopes"] as const).map((check) => [check, suffix] as const),
    ),
  )("%s, path + %j", async (check, suffix) => {
    const client = createInstantlyClient({
      apiKey: KEY,
      baseUrl: server.baseUrl,
      retry: false,
      ...(check === "request body"
        ? { validate: { request: "throw" } }
        : { scopes: ["campaigns:read"] as ["campaigns:read"] }),
    });
    const body = check === "request body" ? { ...valid, label: 5 } : valid;
    const url = `/api/v2/lead-labels${suffix}` as "/api/v2/lead-labels";
    const error = await client.POST(url, { body: body as never }).then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
    expect((error as { kind?: string } | undefined)?.kind).toBe(
      check === "request body" ? "validation" : "scope",
    );
    expect(server.requests).toEqual([]);
  });
});
