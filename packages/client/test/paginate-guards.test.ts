// Issue 8 §3: paginate() ends on every misbehaving server, without the caller passing maxPages. Each row is
// a server (page n → body) and the error the walk must end with. The server itself stops misbehaving after
// SAFETY_PAGES requests (a last page without a cursor), so code without the guards ends too — and fails the
// assertions instead of hanging the suite.

import { inspect } from "node:util";
import { json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  createInstantlyClient,
  InstantlyPaginationError,
  MAX_EMPTY_PAGES,
  paginate,
  REDACTED,
} from "../src/index.js";
import { stringsIn } from "./leak.js";

const API_KEY = "sk_test_paginate";
const SAFETY_PAGES = 100;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => createInstantlyClient({ apiKey: API_KEY, baseUrl: server.baseUrl, retry: false });
const item = (id: string) => ({ id, name: id });

interface Row {
  name: string;
  /** The body of page `n` (1-based), given the cursor it was asked for. */
  page: (n: number, cursor: string | null) => unknown;
  reason: RegExp;
  /** The cursor the error must name (as text), or undefined for none. */
  cursor: string | undefined;
  /** Pages fetched before the error. */
  pages: number;
  /** Items the walk yielded before the error. */
  items: number;
}

const rows: Row[] = [
  {
    name: "a cursor cycle A→B→A",
    page: (n) => ({ items: [item(`i${n}`)], next_starting_after: n % 2 === 1 ? "A" : "B" }),
    reason: /already sent/,
    cursor: "A",
    pages: 3,
    items: 3,
  },
  {
    name: "the same cursor echoed back",
    page: () => ({ items: [item("same")], next_starting_after: "A" }),
    reason: /already sent/,
    cursor: "A",
    pages: 2,
    items: 2,
  },
  {
    name: "a longer cycle A→B→C→D→B",
    page: (n) => ({ items: [item(`i${n}`)], next_starting_after: ["A", "B", "C", "D", "B"][n - 1] }),
    reason: /already sent/,
    cursor: "B",
    pages: 5,
    items: 5,
  },
  {
    name: "empty pages that keep handing out fresh cursors",
    page: (n) => ({ items: [], next_starting_after: `fresh-${n}` }),
    reason: /empty pages in a row/,
    cursor: `fresh-${MAX_EMPTY_PAGES + 1}`,
    pages: MAX_EMPTY_PAGES + 1,
    items: 0,
  },
  {
    name: "a cursor that is an object",
    page: () => ({ items: [item("x")], next_starting_after: { id: "x" } }),
    reason: /neither a string nor a number/,
    cursor: '{"id":"x"}',
    pages: 1,
    items: 1,
  },
  {
    name: "a cursor that is a boolean",
    page: () => ({ items: [item("x")], next_starting_after: true }),
    reason: /neither a string nor a number/,
    cursor: "true",
    pages: 1,
    items: 1,
  },
  {
    name: "a cursor that is an array",
    page: () => ({ items: [item("x")], next_starting_after: ["a", "b"] }),
    reason: /neither a string nor a number/,
    cursor: '["a","b"]',
    pages: 1,
    items: 1,
  },
  {
    name: "items that are a string (would be walked character by character)",
    page: () => ({ items: "abc", next_starting_after: "A" }),
    reason: /`items` is not an array/,
    cursor: undefined,
    pages: 1,
    items: 0,
  },
  {
    name: "items that are an object",
    page: () => ({ items: { 0: item("x") } }),
    reason: /`items` is not an array/,
    cursor: undefined,
    pages: 1,
    items: 0,
  },
  {
    name: "a page that is an array",
    page: () => [item("x")],
    reason: /not an object/,
    cursor: undefined,
    pages: 1,
    items: 0,
  },
];

describe("paginate() on a misbehaving server", () => {
  test.each(rows.map((row) => [row.name, row] as const))("%s", async (_, row) => {
    let n = 0;
    server.route("GET /api/v2/campaigns", (req, res) => {
      n++;
      if (n > SAFETY_PAGES) return json(res, 200, { items: [] });
      json(res, 200, row.page(n, req.url.searchParams.get("starting_after")));
    });
    const seen: unknown[] = [];
    let thrown: unknown;
    try {
      for await (const campaign of paginate(client(), "/api/v2/campaigns", {
        params: { query: { limit: 1 } },
      })) {
        seen.push(campaign);
      }
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InstantlyPaginationError);
    expect(thrown).toMatchObject({
      kind: "pagination",
      operation: "GET /api/v2/campaigns",
      cursor: row.cursor,
      pages: row.pages,
    });
    expect((thrown as Error).message).toMatch(row.reason);
    expect((thrown as Error).message).toContain("GET /api/v2/campaigns");
    if (row.cursor !== undefined) expect((thrown as Error).message).toContain(JSON.stringify(row.cursor));
    expect(seen).toHaveLength(row.items);
    expect(server.requests).toHaveLength(row.pages);
  });

  test("a few empty pages with fresh cursors (fewer than the limit) are walked through", async () => {
    const pages = [
      ...Array.from({ length: MAX_EMPTY_PAGES }, (_, i) => ({ items: [], next_starting_after: `e${i}` })),
      { items: [item("last")] },
    ];
    server.route("GET /api/v2/campaigns", (_, res) => json(res, 200, pages[server.requests.length - 1]));
    const seen = [];
    for await (const campaign of paginate(client(), "/api/v2/campaigns")) seen.push(campaign.id);
    expect(seen).toEqual(["last"]);
    expect(server.requests).toHaveLength(MAX_EMPTY_PAGES + 1);
  });

  test("numeric cursors are followed (and a repeated one is caught as a repeat)", async () => {
    const pages = [
      { items: [item("a")], next_starting_after: 2 },
      { items: [item("b")], next_starting_after: 3 },
      { items: [item("c")], next_starting_after: 2 },
    ];
    server.route("GET /api/v2/campaigns", (_, res) => json(res, 200, pages[server.requests.length - 1]));
    const seen: string[] = [];
    const walk = async () => {
      for await (const campaign of paginate(client(), "/api/v2/campaigns")) seen.push(campaign.id);
    };
    await expect(walk()).rejects.toMatchObject({ kind: "pagination", cursor: "2" });
    expect(seen).toEqual(["a", "b", "c"]);
    expect(server.requests.map((r) => r.url.searchParams.get("starting_after"))).toEqual([null, "2", "3"]);
  });

  test("a cursor echoing the key is redacted in the error", async () => {
    server.route("GET /api/v2/campaigns", (_, res) =>
      json(res, 200, { items: [], next_starting_after: { key: API_KEY } }),
    );
    const walk = async () => {
      for await (const _ of paginate(client(), "/api/v2/campaigns")) {
        // nothing
      }
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "pagination", cursor: '{"key":"[redacted]"}' });
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });

  describe("a key holding quotes and backslashes never shows through the cursor", () => {
    // JSON.stringify escapes `"` and `\`, so this key's stringified form is not the key; and the
    // error cuts the cursor at 200 characters, so a key straddling the cut must be redacted before.
    const KEY = `sk_"q\\b'\\"end`;
    const quotedClient = () => createInstantlyClient({ apiKey: KEY, baseUrl: server.baseUrl, retry: false });
    const cutAt200 = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
    const cases: [string, unknown, string][] = [
      // A string cursor whose key ends before, straddles, or starts past the 200-character cut.
      ...[150, 185, 190, 195, 199, 200, 205].map((pad): [string, unknown, string] => [
        `a ${pad + KEY.length}-character string cursor, key at ${pad}`,
        `${"x".repeat(pad)}${KEY}`,
        cutAt200(`${"x".repeat(pad)}${REDACTED}`),
      ]),
      ["a string cursor echoing the header", `Bearer ${KEY}`, `Bearer ${REDACTED}`],
      [
        "an object cursor",
        { token: KEY, [KEY]: [KEY] },
        `{"token":"${REDACTED}","${REDACTED}":["${REDACTED}"]}`,
      ],
      [
        "a long object cursor",
        { pad: "y".repeat(190), token: KEY },
        cutAt200(`{"pad":"${"y".repeat(190)}","token":"${REDACTED}"}`),
      ],
    ];
    test.each(cases)("%s", async (_, cursor, expected) => {
      // A string cursor is sent back twice (a repeat); anything else fails on the first page.
      server.route("GET /api/v2/campaigns", (_, res) =>
        json(res, 200, { items: [item("x")], next_starting_after: cursor }),
      );
      const walk = async () => {
        for await (const _ of paginate(quotedClient(), "/api/v2/campaigns")) {
          // nothing
        }
      };
      const error = await walk().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InstantlyPaginationError);
      expect((error as InstantlyPaginationError).cursor).toBe(expected);
      const texts = [...stringsIn(error), inspect(error, { showHidden: true }), JSON.stringify(error)];
      for (const text of texts) {
        expect(text).not.toContain(KEY);
        expect(text).not.toContain(JSON.stringify(KEY).slice(1, -1));
        expect(text).not.toContain(KEY.slice(0, 4));
      }
    });
  });
});
