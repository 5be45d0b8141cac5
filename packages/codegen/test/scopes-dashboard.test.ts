// Issue 10: the dashboard's README states the scopes its API key needs; `pnpm scopes` on the real app and the
// pinned spec must say the same (a new hook in the dashboard, or a spec that moves an operation to another
// scope, fails here until the README is updated).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { runCli } from "./cli.ts";

const root = join(import.meta.dirname, "..", "..", "..");

test("apps/dashboard/README.md lists exactly the scopes `pnpm scopes apps/dashboard` finds", async () => {
  const result = await runCli(root, ["scopes", "apps/dashboard", "--json"]);
  expect(result.code, result.stderr).toBe(0);
  const { scopes, operations, unresolved } = JSON.parse(result.stdout);
  expect(unresolved).toEqual([]);
  expect(operations.length).toBeGreaterThan(0);
  const readme = readFileSync(join(root, "apps", "dashboard", "README.md"), "utf8");
  const block = /<!-- scopes:start -->([\s\S]*?)<!-- scopes:end -->/.exec(readme)?.[1] ?? "";
  const documented = [...block.matchAll(/^- `([^`]+)`$/gm)].map((match) => match[1]);
  expect(documented).toEqual(scopes);
});
