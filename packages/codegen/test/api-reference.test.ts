// Issue 11 §4: docs/api.md lists every operation of the model, one row each, with its hooks, client call, mock
// handler and scopes — for the docs fixture, hostile spec text and the pinned spec; and the `docs` CLI writes it
// from the locked spec (or refuses in one line without one).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { renderApiReference } from "../src/docs/api-reference.ts";
import { buildModel, type SpecModel } from "../src/model/index.ts";
import { serializeSpec } from "../src/spec/normalize/index.ts";
import { operationExports } from "../src/targets/operation-exports.ts";
import { hookOperations } from "../src/targets/react-query/operations.ts";
import { removeTempRoots, runCli, tempRoot } from "./cli.ts";
import { loadCorpusSpec, newestSpec } from "./corpus.ts";
import { FIXTURES } from "./helpers.ts";
import { hostileStrings } from "./hostile.ts";

/** The cells of a table row: split at `|` that no backslash escapes. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** The operation rows of a rendered reference (a row starts with the method + path code span). */
function rows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map(cells);
}

/** Every operation has exactly one row, with its id, hooks, client call, handler and scopes. */
function expectEveryOperation(model: SpecModel, markdown: string): void {
  const table = rows(markdown);
  expect(table).toHaveLength(model.operations.length);
  for (const row of table) expect(row).toHaveLength(6);
  const byId = new Map(table.map((row) => [/<br>`+([^`]+)`+$/.exec(row[0] ?? "")?.[1], row]));
  for (const hook of hookOperations(model)) {
    const row = byId.get(hook.id);
    expect(row, hook.id).toBeDefined();
    const exports = operationExports(hook.model, hook.isQuery);
    const [operation, , hooks, client, handler, scopes] = row as string[];
    expect(operation).toContain(`${hook.method.toUpperCase()} `);
    expect(hooks).toContain(`\`${exports.hooks[0]}\``);
    if (hook.pagination) expect(hooks).toContain("Infinite`");
    expect(client).toContain(`client.${hook.method.toUpperCase()}(`);
    expect(handler).toBe(`\`${exports.mockHandler}\``);
    for (const scope of hook.model.requiredScopes.flat())
      expect(scopes).toContain(scope.replaceAll("|", "\\|"));
    if (hook.model.requiredScopes.length === 0) expect(scopes).toBe("—");
  }
}

afterAll(removeTempRoots);

describe("docs/api.md", () => {
  test("the docs fixture: every operation, grouped by tag, deprecated and paginated ones marked", async () => {
    const model = buildModel(await loadCorpusSpec(join(FIXTURES, "operation-docs.json")));
    const markdown = renderApiReference(model, "abc");
    expectEveryOperation(model, markdown);
    expect(markdown).toContain("## Widget");
    const deleteRow = rows(markdown).find((row) => row[0]?.includes("deleteWidget"));
    expect(deleteRow?.[1]).toContain("**deprecated**");
    const listRow = rows(markdown).find((row) => row[0]?.includes("`listWidget`"));
    expect(listRow?.[1]).toContain("*paginated*");
    expect(listRow?.[2]).toContain("`useListWidgetInfinite`");
    expect(listRow?.[5]).toContain("`widgets:read` or `widgets:all`");
  });

  test("the pinned spec: all 240 operations, in their tags", async () => {
    const model = buildModel(await loadCorpusSpec(newestSpec));
    const markdown = renderApiReference(model, "pinned");
    expect(model.operations).toHaveLength(240);
    expectEveryOperation(model, markdown);
    const tags = new Set(model.operations.map((operation) => operation.tag ?? operation.resource));
    for (const tag of tags)
      expect(markdown).toContain(`\n## ${tag.replace(/[^A-Za-z0-9 ]/g, (c) => `\\${c}`)}\n`);
  });

  test("hostile summaries and tags stay text in one cell of one row", async () => {
    const document = await loadCorpusSpec(join(FIXTURES, "operation-docs.json"));
    const strings = [...hostileStrings(40)];
    const copy = structuredClone(document) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    let index = 0;
    for (const item of Object.values(copy.paths)) {
      for (const operation of Object.values(item)) {
        if (typeof operation !== "object" || operation === null || !("operationId" in operation)) continue;
        operation.summary = strings[index++ % strings.length];
        operation.tags = [strings[index++ % strings.length]];
      }
    }
    const model = buildModel(copy as unknown as Record<string, unknown>);
    const markdown = renderApiReference(model, "hostile");
    expectEveryOperation(model, markdown);
    for (const line of markdown.split("\n")) {
      // Our own markup is `<br>` and the two comment lines; any other `<` from the spec is escaped.
      if (line.startsWith("<!--")) continue;
      expect(line.replaceAll("<br>", "")).not.toMatch(/(?<!\\)</);
    }
    for (const section of markdown.split("\n").filter((line) => line.startsWith("## "))) {
      expect(section).not.toMatch(/(?<!\\)[[\]`*_<]/);
    }
  });

  test("`docs --out` writes the reference of the locked spec; without a spec it refuses in one line", async () => {
    const root = await tempRoot([]);
    const out = join(root, "docs", "api.md");
    const missing = await runCli(root, ["docs", "--out", out]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/^error: /);
    // A locked spec: the fixture, normalized by a real pull.
    const source = join(root, "fixture.json");
    await writeFile(source, await readFile(join(FIXTURES, "operation-docs.json"), "utf8"));
    const pulled = await runCli(root, ["pull", "--source", source]);
    expect(pulled.code, pulled.stderr).toBe(0);
    const written = await runCli(root, ["docs", "--out", out]);
    expect(written.code, written.stderr).toBe(0);
    const spec = JSON.parse(await readFile(join(root, "spec", "openapi.json"), "utf8"));
    expect(serializeSpec(spec)).toContain("listWidget");
    expectEveryOperation(buildModel(spec), await readFile(out, "utf8"));
    const usage = await runCli(root, ["docs", "--bogus"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^error: usage: docs/);
  }, 300_000); // four CLI processes: generous on a loaded 2-core machine
});
