// The small hand-written pieces under the handlers, given → want.
import { describe, expect, it } from "vitest";
import { IdSource } from "../src/ids.js";
import { deepMerge } from "../src/merge.js";
import { compileRoute } from "../src/route.js";
import { ResourceStore } from "../src/store.js";

describe("compileRoute", () => {
  const route = compileRoute("https://api.instantly.ai", "/api/v2/accounts/{email}");
  it.each([
    ["https://api.instantly.ai/api/v2/accounts/a%40b.co", { email: "a@b.co" }],
    ["https://api.instantly.ai/api/v2/accounts/a@b.co/", { email: "a@b.co" }],
    ["https://api.instantly.ai/api/v2/accounts/x?limit=1", { email: "x" }],
    ["https://api.instantly.ai/api/v2/accounts", undefined],
    ["https://api.instantly.ai/api/v2/accounts/x/y", undefined],
    ["http://api.instantly.ai/api/v2/accounts/x", undefined],
    ["https://example.com/api/v2/accounts/x", undefined],
    // Not valid percent-encoding: matched, kept as sent (the handler answers 400), never a thrown URIError.
    ["https://api.instantly.ai/api/v2/accounts/%E0%A4%A", { email: "%E0%A4%A" }],
    ["https://api.instantly.ai/api/v2/accounts/%zz", { email: "%zz" }],
  ])("%s → %o", (url, want) => {
    expect(route.match(new URL(url))).toEqual(want);
  });

  it("keeps a base URL's path prefix and shows MSW's path syntax", () => {
    const prefixed = compileRoute("http://localhost:3000/proxy/", "/api/v2/leads/{id}");
    expect(prefixed.mswPath).toBe("http://localhost:3000/proxy/api/v2/leads/:id");
    expect(prefixed.match(new URL("http://localhost:3000/proxy/api/v2/leads/1"))).toEqual({ id: "1" });
    expect(prefixed.match(new URL("http://localhost:3000/api/v2/leads/1"))).toBeUndefined();
  });

  it("matches any origin with *", () => {
    const any = compileRoute("*", "/api/v2/leads/{id}");
    expect(any.mswPath).toBe("*/api/v2/leads/:id");
    expect(any.match(new URL("http://127.0.0.1:4010/api/v2/leads/7"))).toEqual({ id: "7" });
  });

  it("treats regex characters in a path literally", () => {
    const dotted = compileRoute("https://a.b", "/api/v2/x.y");
    expect(dotted.match(new URL("https://a.b/api/v2/xzy"))).toBeUndefined();
  });
});

describe("deepMerge", () => {
  it.each([
    ["nested objects merge", { a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
    ["arrays are replaced", { a: [1, 2, 3] }, { a: [9] }, { a: [9] }],
    ["undefined keeps the base", { a: 1 }, { a: undefined }, { a: 1 }],
    ["null replaces", { a: { b: 1 } }, { a: null }, { a: null }],
    ["no patch", { a: 1 }, undefined, { a: 1 }],
  ])("%s", (_name, base, patch, want) => {
    expect(deepMerge(base, patch)).toEqual(want);
  });

  it("leaves both inputs alone and ignores __proto__", () => {
    const base = { a: { b: 1 } };
    const patch = JSON.parse('{ "a": { "b": 2 }, "__proto__": { "polluted": true } }');
    const merged = deepMerge(base, patch) as Record<string, unknown>;
    expect(base).toEqual({ a: { b: 1 } });
    expect(merged).toEqual({ a: { b: 2 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("ResourceStore.page", () => {
  const store = new ResourceStore<{ id: string; kind: string }>("id");
  for (const [id, kind] of [
    ["a", "x"],
    ["b", "y"],
    ["c", "x"],
    ["d", "x"],
  ] as const)
    store.put({ id, kind });

  it.each([
    [{ limit: 2 }, ["a", "b"], "b"],
    [{ limit: 2, startingAfter: "b" }, ["c", "d"], undefined],
    [{ limit: 10 }, ["a", "b", "c", "d"], undefined],
    [{ limit: 2, startingAfter: "d" }, [], undefined],
    [{ limit: 2, startingAfter: "unknown" }, [], undefined],
  ])("%o → %o, next %s", (options, ids, next) => {
    const page = store.page(options);
    expect(page.items.map((item) => item.id)).toEqual(ids);
    expect(page.next_starting_after).toBe(next);
  });

  it("pages through the filtered items with cursors from them", () => {
    const filter = (item: { kind: string }) => item.kind === "x";
    const first = store.page({ limit: 2, filter });
    expect(first).toEqual({ items: [store.get("a"), store.get("c")], next_starting_after: "c" });
    expect(store.page({ limit: 2, startingAfter: "c", filter }).items.map((item) => item.id)).toEqual(["d"]);
  });
});

describe("IdSource", () => {
  it("gives v4-shaped UUIDs, the same sequence for the same seed and again after reset", () => {
    const a = new IdSource("s");
    const first = [a.uuid(), a.uuid()];
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first[0]).not.toBe(first[1]);
    expect([new IdSource("s").uuid(), new IdSource("s").uuid()]).toEqual([first[0], first[0]]);
    a.reset();
    expect([a.uuid(), a.uuid()]).toEqual(first);
    expect(new IdSource("t").uuid()).not.toBe(first[0]);
  });

  it("ticks the clock one second per call from 2026-01-01", () => {
    const ids = new IdSource();
    expect([ids.now(), ids.now()]).toEqual(["2026-01-01T00:00:01.000Z", "2026-01-01T00:00:02.000Z"]);
  });
});
