// Issue 10: `pnpm scopes <dir…> [--json]` — the operations an app uses (TypeScript syntax trees) and the
// least-privilege scopes for them, against a hand-written fixture spec pulled into a temp root.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Operation } from "../src/model/index.ts";
import { leastPrivilege } from "../src/scopes/least-privilege.ts";
import { removeTempRoots, runCli, tempRoot } from "./cli.ts";
import { FIXTURES } from "./helpers.ts";

let root: string;
const APP: Record<string, string> = {
  "src/widgets.tsx": `import { useListWidget, useGetWidget } from "@instantly-kit/react-query";
export function Widgets() {
  return [useListWidget(), useGetWidget("w1")];
}`,
  "src/api.ts": `import { createInstantlyClient, paginate } from "@instantly-kit/client";
const client = createInstantlyClient({ apiKey: "k" });
export const make = () => client.POST("/api/v2/widgets", { body: {} });
const where = "/api/v2/widgets/export";
export const dynamic = () => client.GET(where);
export const viaRequest = () => client.request("delete", "/api/v2/widgets/{id}", {});
export const all = () => paginate(client, "/api/v2/widgets", {});`,
};

beforeAll(async () => {
  root = await tempRoot([join(FIXTURES, "operation-docs.json")]);
  const pulled = await runCli(root, ["pull"]);
  expect(pulled.code, pulled.stderr).toBe(0);
  for (const [file, text] of Object.entries(APP)) {
    mkdirSync(dirname(join(root, "apps", "shop", file)), { recursive: true });
    writeFileSync(join(root, "apps", "shop", file), text);
  }
});
afterAll(removeTempRoots);

describe("pnpm scopes", () => {
  test("--json: the scopes, each used operation with where it is used, the unresolved call", async () => {
    const result = await runCli(root, ["scopes", "apps/shop", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(["scopes", "operations", "unresolved"]);
    // listWidget: widgets:read first; createWidget: one of each group (widgets:create, billing:update);
    // getWidget/deleteWidget document none. exportWidget is only reached through a variable: not counted.
    expect(report.scopes).toEqual(["billing:update", "widgets:create", "widgets:read"]);
    expect(report.operations.map((op: { operationId: string }) => op.operationId)).toEqual([
      "createWidget",
      "deleteWidget",
      "getWidget",
      "listWidget",
    ]);
    const list = report.operations.find((op: { operationId: string }) => op.operationId === "listWidget");
    expect(list.grantedBy).toEqual(["widgets:read"]);
    expect(list.usages).toEqual(
      expect.arrayContaining(["apps/shop/src/widgets.tsx:3", "apps/shop/src/api.ts:7"]),
    );
    const remove = report.operations.find((op: { operationId: string }) => op.operationId === "deleteWidget");
    expect(remove.usages).toEqual(["apps/shop/src/api.ts:6"]);
    expect(report.unresolved).toEqual([
      {
        at: "apps/shop/src/api.ts:5",
        text: "client.GET(where)",
        reason: "the path is not a string literal",
      },
    ]);
  });

  test("text: one line per scope with its operations; unresolved calls are warnings on stderr", async () => {
    const result = await runCli(root, ["scopes", "apps/shop"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^4 operation\(s\) used; least-privilege scopes \(3\):$/m);
    expect(result.stdout).toMatch(/^ {2}widgets:read\s+listWidget$/m);
    expect(result.stdout).toMatch(/^ {2}billing:update\s+createWidget$/m);
    expect(result.stdout).toContain("(no documented scope: deleteWidget, getWidget)");
    expect(result.stderr).toMatch(
      /^warning: apps\/shop\/src\/api\.ts:5: client\.GET\(where\) — the path is not a string literal/m,
    );
  });

  test.each([
    [["scopes"], /^error: usage: scopes <dir…> \[--json\]\n$/],
    [["scopes", "apps/missing"], /^error: scopes: "apps\/missing" is not a directory\n$/],
    [["scopes", "apps/shop", "--bogus"], /^error: Unknown option '--bogus'; usage: scopes/],
  ])("refused in one line: %j", async (args, message) => {
    const result = await runCli(root, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("leastPrivilege", () => {
  const op = (id: string, requiredScopes: string[][]) => ({ id, requiredScopes }) as unknown as Operation;

  test("the narrowest scope of each group, never a broad one to shorten the list", () => {
    const plan = leastPrivilege([
      op("a", [["leads:read", "leads:all", "all:read", "all:all"]]),
      op("b", [["leads:update", "leads:all", "all:update", "all:all"]]),
      op("c", [["campaigns:read", "campaigns:all", "all:read", "all:all"]]),
    ]);
    expect(plan.scopes).toEqual(["campaigns:read", "leads:read", "leads:update"]);
  });

  test("a narrow scope is dropped when a broader one that another operation needs anyway covers it", () => {
    const plan = leastPrivilege([op("a", [["leads:read", "leads:all"]]), op("b", [["leads:all"]])]);
    expect(plan.scopes).toEqual(["leads:all"]);
    expect(plan.operations.map((entry) => entry.grantedBy)).toEqual([["leads:all"], ["leads:all"]]);
  });

  test("every operation is allowed by the plan (seeded property)", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const pool = ["a:read", "a:all", "b:read", "b:all", "all:read", "all:all", "c:update", "all:update"];
    for (let run = 0; run < 200; run++) {
      const ops = Array.from({ length: 1 + (next() % 6) }, (_, i) =>
        op(
          `op${i}`,
          Array.from({ length: next() % 3 }, () =>
            Array.from({ length: 1 + (next() % 4) }, () => pool[next() % pool.length] as string),
          ),
        ),
      );
      const plan = leastPrivilege(ops);
      const granted = new Set(plan.scopes);
      for (const o of ops) {
        for (const group of o.requiredScopes) expect(group.some((scope) => granted.has(scope))).toBe(true);
      }
      // Minimal: no scope of the plan can be dropped.
      for (const scope of plan.scopes) {
        const without = new Set(plan.scopes.filter((s) => s !== scope));
        expect(ops.every((o) => o.requiredScopes.every((g) => g.some((s) => without.has(s))))).toBe(false);
      }
    }
  });
});
